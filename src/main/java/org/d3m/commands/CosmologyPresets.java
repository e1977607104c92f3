package org.d3m.commands;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.d3m.core.validation.PaperCosmology;

/**
 * Named values of the cosmology keys of {@link CosmologyParameters}, for the ImageJ dialog's one
 * "Cosmology" choice: the paper's Planck 2015 (the keys' defaults, the cosmology the model was trained on)
 * and the other four of the paper's Table 1 ({@link PaperCosmology}: A_s x 1.8 or x 0.2, Omega_m = 0.5 or
 * 0.1, everything else fixed). Each preset sets all seven keys: no P(k) table, no sigma8 rescaling. Macros
 * and the CLI keep the seven keys themselves (a recorded line names the numbers, not a preset).
 */
public final class CosmologyPresets {

    /** The seven keys a preset sets, in the commands' order. */
    public static final List<String> KEYS = List.of("a_s", "n_s", "h", "omega_m", "omega_b", "pk_file", "sigma8");

    /** The paper's cosmology (Planck 2015, He et al. 2019), the keys' defaults. */
    public static final double A_S = 2.142e-9, N_S = 0.9667, H = 0.6774, OMEGA_M = 0.3089, OMEGA_B = 0.0486;

    /** A preset: the dialog's label and the values of the seven {@link #KEYS}. */
    public record Preset(String label, Map<String, Object> values) {
    }

    private CosmologyPresets() {
    }

    /** The five presets in Table 1's order, Planck 2015 first. */
    public static List<Preset> all() {
        List<Preset> out = new ArrayList<>();
        for (PaperCosmology c : PaperCosmology.values()) {
            double as = new BigDecimal(Double.toString(A_S)).multiply(new BigDecimal(Double.toString(c.asFactor()))).doubleValue();
            double om = Double.isNaN(c.omegaM()) ? OMEGA_M : c.omegaM();
            String label = switch (c) {
                case TRAINED -> "Planck 2015 (the paper)";
                default -> "Table 1: " + (Double.isNaN(c.omegaM()) ? "As \u00d7 " + trim(c.asFactor()) : "\u03a9m = " + trim(om));
            };
            out.add(new Preset(label, values(as, N_S, H, om, OMEGA_B)));
        }
        return out;
    }

    /** The preset whose values equal {@code values}' seven keys (numbers compared as doubles), or null. */
    public static Preset matching(Map<String, Object> values) {
        for (Preset p : all()) {
            if (KEYS.stream().allMatch(k -> same(p.values().get(k), values.get(k)))) {
                return p;
            }
        }
        return null;
    }

    /** The preset labelled {@code label}, or null. */
    public static Preset byLabel(String label) {
        return all().stream().filter(p -> p.label().equals(label)).findFirst().orElse(null);
    }

    private static Map<String, Object> values(double as, double ns, double h, double om, double ob) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("a_s", as);
        v.put("n_s", ns);
        v.put("h", h);
        v.put("omega_m", om);
        v.put("omega_b", ob);
        v.put("pk_file", null);
        v.put("sigma8", 0.0);
        return v;
    }

    /** Equal values: numbers by value; no file and an empty path alike. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return noFile(a) && noFile(b) || a != null && a.equals(b);
    }

    private static boolean noFile(Object o) {
        return o == null || o.toString().isEmpty();
    }

    private static String trim(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
