package org.d3m.core.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.cosmology.EisensteinHu;
import org.d3m.core.cosmology.LinearPower;
import org.d3m.core.cosmology.TabulatedPower;
import org.d3m.core.sim.SimulationSetup;

/**
 * The paper's five test cosmologies (He et al. 2019, Table 1), each defined relative to the one the
 * model was trained on: A_s times 1.8 or 0.2, or Omega_m = 0.5 or 0.1, every other parameter fixed
 * (Omega_b and h fixed, CDM varied, flat).
 *
 * <p><b>Where each linear spectrum comes from</b> ({@link #setup}):
 * <ul>
 *   <li>{@link #TRAINED} is exactly the given setup (the caller's cosmology keys, pk_file, sigma8).</li>
 *   <li>With a table folder {@code pkDir}, the other four read {@code pkDir/}{@link #tableName()}
 *       (e.g. {@code class_pk_Om0.5.txt}, the names of the CLASS tables of the project's reference
 *       data); a missing table is an error.</li>
 *   <li>Without one, the trained spectrum is changed as the paper changes it: times the A_s factor
 *       (exact for any spectrum, table or Eisenstein-Hu), or Eisenstein-Hu at the new Omega_m with
 *       A_s fixed (times the trained one's sigma8 renormalisation factor, when it has one).</li>
 * </ul>
 * The growth factors and FastPM always use the variant's own Omega_m.
 */
public enum PaperCosmology {

    TRAINED("trained", 1, Double.NaN, 0.028, 1.00, 1.00, 0.99, 1.00, 0.0079),
    AS_1_8("As1.8x", 1.8, Double.NaN, 0.039, 1.00, 1.00, 0.98, 1.00, 0.039),
    AS_0_2("As0.2x", 0.2, Double.NaN, 0.036, 1.00, 1.00, 1.03, 1.00, 0.022),
    OM_0_5("Om0.5", 1, 0.5, 0.038, 1.00, 1.00, 1.00, 1.00, 0.017),
    OM_0_1("Om0.1", 1, 0.1, 0.025, 0.99, 1.00, 1.04, 1.00, 0.012);

    private final String key;
    private final double asFactor;
    private final double omegaM;
    private final double[] paperD3m;

    PaperCosmology(String key, double asFactor, double omegaM, double... paperD3m) {
        this.key = key;
        this.asFactor = asFactor;
        this.omegaM = omegaM;
        this.paperD3m = paperD3m;
    }

    /** The name used by the {@code cosmologies} key and in tables: trained, As1.8x, As0.2x, Om0.5, Om0.1. */
    public String key() {
        return key;
    }

    /** A_s divided by the trained cosmology's A_s. */
    public double asFactor() {
        return asFactor;
    }

    /** Omega_m of this variant, or NaN when it keeps the trained one's. */
    public double omegaM() {
        return omegaM;
    }

    /** The CLASS table's file name in a table folder, e.g. {@code class_pk_Om0.5.txt}; null for {@link #TRAINED}. */
    public String tableName() {
        return this == TRAINED ? null : "class_pk_" + key + ".txt";
    }

    /**
     * The paper's D3M cells for this test set (SPEC.md): point-wise displacement error, density T and
     * r at k = 0.11 and 0.50 h/Mpc, 3PCF residual. A copy.
     */
    public double[] paperD3m() {
        return paperD3m.clone();
    }

    /** E.g. "A_s x 1.8" or "Omega_m = 0.5" or "trained". */
    public String describe() {
        if (this == TRAINED) {
            return "the trained cosmology";
        }
        return Double.isNaN(omegaM) ? String.format(Locale.ROOT, "A_s x %.1f", asFactor)
                : String.format(Locale.ROOT, "Omega_m = %.1f", omegaM);
    }

    /**
     * The cosmologies named in a comma-separated list of keys (any case), in the paper's order, or all
     * five for "all" (or a blank list).
     *
     * @throws IllegalArgumentException an unknown or repeated name, with the valid ones
     */
    public static List<PaperCosmology> parse(String list) {
        if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        EnumSet<PaperCosmology> set = EnumSet.noneOf(PaperCosmology.class);
        for (String part : list.split(",")) {
            String name = part.strip();
            PaperCosmology found = null;
            for (PaperCosmology c : values()) {
                if (c.key.equalsIgnoreCase(name)) {
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown cosmology '" + name + "' in cosmologies; use all or a"
                        + " comma-separated list of " + keys());
            }
            if (!set.add(found)) {
                throw new IllegalArgumentException("cosmology " + found.key + " is listed twice in cosmologies");
            }
        }
        return new ArrayList<>(set);
    }

    /** "trained, As1.8x, As0.2x, Om0.5, Om0.1". */
    public static String keys() {
        List<String> k = new ArrayList<>();
        for (PaperCosmology c : values()) {
            k.add(c.key);
        }
        return String.join(", ", k);
    }

    /**
     * The setup of this test cosmology, derived from the trained one (seed, box, kernel and threads
     * kept). The spectrum is checked to cover the grid's modes.
     *
     * @param trained the trained cosmology's seeded setup
     * @param pkDir   a folder of CLASS tables named {@link #tableName()}, or null for the rules above
     * @throws IllegalArgumentException a missing or bad table, or a setup with a given linear density
     */
    public SimulationSetup setup(SimulationSetup trained, Path pkDir) {
        if (trained.linearDensity() != null) {
            throw new IllegalArgumentException("the test cosmologies need a seeded setup, not a given linear density");
        }
        SimulationSetup s = derive(trained, pkDir);
        s.linearPower(); // reads and checks a table now, with a one-line message
        return s;
    }

    private SimulationSetup derive(SimulationSetup trained, Path pkDir) {
        if (this == TRAINED) {
            return trained;
        }
        Cosmology c = trained.cosmology();
        Cosmology v = Double.isNaN(omegaM) ? c.withAs(asFactor * c.aS()) : c.withOmegaM(omegaM);
        if (pkDir != null) {
            Path table = pkDir.resolve(tableName());
            if (!Files.isRegularFile(table)) {
                throw new IllegalArgumentException("pk_dir " + pkDir + " has no " + tableName()
                        + " (the linear P(k) table of cosmology " + key + ", " + describe() + ")");
            }
            return with(trained, v, table, Double.NaN);
        }
        boolean plain = trained.pkFile() == null && !trained.rescaled();
        if (Double.isNaN(omegaM)) { // P scales with A_s: the trained spectrum times the factor
            return plain ? with(trained, v, null, Double.NaN)
                    : with(trained, v, trained.pkFile(), Math.sqrt(asFactor) * trained.linearPower().sigma8());
        }
        if (!trained.rescaled()) {
            return with(trained, v, null, Double.NaN);
        }
        LinearPower raw = trained.pkFile() != null ? TabulatedPower.read(trained.pkFile()) : new EisensteinHu(c);
        double factor = trained.sigma8() / raw.sigma8();
        return with(trained, v, null, factor * new EisensteinHu(v).sigma8());
    }

    private static SimulationSetup with(SimulationSetup t, Cosmology c, Path pk, double sigma8) {
        return new SimulationSetup(t.box(), c, pk, sigma8, t.seed(), t.threads(), t.kernel(), null);
    }
}
