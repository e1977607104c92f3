package org.d3m.core.sim;

import java.nio.file.Path;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.cosmology.EisensteinHu;
import org.d3m.core.cosmology.LinearPower;
import org.d3m.core.cosmology.PhysicalRanges;
import org.d3m.core.cosmology.TabulatedPower;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.ic.LptKernel;
import org.d3m.core.io.Provenance;
import org.d3m.core.pm.FastPmSolver;

/**
 * Everything that fixes one realisation of the linear Universe: the periodic box and grid, the
 * cosmology, where the linear field comes from (a seeded Gaussian field with Eisenstein-Hu from
 * A_s or a tabulated spectrum, optionally renormalised to sigma8; or a given linear density), the
 * LPT kernel, and the thread count (which never changes results).
 *
 * @param pkFile a tabulated P(k) at z = 0 (k [h/Mpc], P [(Mpc/h)^3]), or null for Eisenstein-Hu
 * @param sigma8 rescale the spectrum to this sigma8, in [0.01, 3]; NaN or &lt;= 0 for no rescaling
 * @param kernel the discretisation of LPT and of the particles on the force mesh
 * @param linearDensity a given linear overdensity at z = 0 on this box (dimensionless), used
 *     instead of seed, spectrum and sigma8; null for a seeded field
 */
public record SimulationSetup(Box box, Cosmology cosmology, Path pkFile, double sigma8, long seed, int threads,
                              LptKernel kernel, ScalarField linearDensity) {

    /** Smallest box side a realisation may have [Mpc/h]. */
    public static final double MIN_BOX_SIZE = 1;
    /** Largest box side a realisation may have [Mpc/h]: about 33 Hubble radii c/H0. */
    public static final double MAX_BOX_SIZE = 1e5;

    /**
     * Checks the box side against [{@link #MIN_BOX_SIZE}, {@link #MAX_BOX_SIZE}] Mpc/h, the kernel and
     * the given linear density's box. Far outside the range the numbers stop meaning anything,
     * silently: from about 1e25 Mpc/h the mode amplitudes sqrt(P(k) n^3 / V) underflow float32 and
     * the field is exactly zero (box_size=1e30 wrote an all-zero field); long before, the box exceeds
     * the Hubble radius (about 3000 Mpc/h) where a Newtonian periodic box is no model of the
     * Universe. Below 1 Mpc/h the CDM-only spectrum is extrapolated far past what it describes, and
     * the largest displacements approach the box (|Psi| reaches 0.6 L at 1 Mpc/h), which field
     * readers refuse beyond L.
     */
    public SimulationSetup {
        if (!(box.size() >= MIN_BOX_SIZE && box.size() <= MAX_BOX_SIZE)) {
            throw new IllegalArgumentException("box_size must be in [1, 1e5] Mpc/h, got " + box.size());
        }
        if (sigma8 > 0) {
            PhysicalRanges.require("sigma8", sigma8, PhysicalRanges.SIGMA8);
        }
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must be fastpm or exact");
        }
        if (linearDensity != null && !linearDensity.box().equals(box)) {
            throw new IllegalArgumentException("the linear density's box " + linearDensity.box()
                    + " differs from the setup's " + box);
        }
    }

    /** A seeded setup with FastPM's kernel. */
    public SimulationSetup(Box box, Cosmology cosmology, Path pkFile, double sigma8, long seed, int threads) {
        this(box, cosmology, pkFile, sigma8, seed, threads, LptKernel.FASTPM, null);
    }

    /** The paper's setup: L = 128 Mpc/h, 32^3, Planck 2015 from A_s, FastPM's kernel. */
    public static SimulationSetup paper(long seed) {
        return new SimulationSetup(new Box(128, 32), Cosmology.planck15(), null, Double.NaN, seed, 0);
    }

    /** True when a sigma8 renormalisation was asked for. */
    public boolean rescaled() {
        return sigma8 > 0 && !Double.isInfinite(sigma8);
    }

    /**
     * The linear P(k) at z = 0 in use, checked to cover every mode of the grid
     * (k from the fundamental to sqrt(3) times Nyquist).
     */
    public LinearPower linearPower() {
        LinearPower p;
        if (pkFile != null) {
            TabulatedPower t = TabulatedPower.read(pkFile);
            t.checkCovers(box.kFundamental(), Math.sqrt(3) * box.kNyquist());
            p = t;
        } else {
            p = new EisensteinHu(cosmology);
        }
        return rescaled() ? p.rescaledToSigma8(sigma8) : p;
    }

    /** Scale factor of a redshift z in [0, 1000] ({@link PhysicalRanges#REDSHIFT}). */
    public static double scaleFactor(double redshift) {
        PhysicalRanges.require("redshift", redshift, PhysicalRanges.REDSHIFT);
        return 1 / (1 + redshift);
    }

    /** Provenance of a product of this setup: every parameter, the seed and the version. */
    public Provenance provenance(String what) {
        Cosmology c = cosmology;
        return Provenance.of(what)
                .put("box_size", box.size())
                .put("grid", box.n())
                .put("seed", seed)
                .put("a_s", c.aS())
                .put("n_s", c.nS())
                .put("h", c.h())
                .put("omega_m", c.omegaM())
                .put("omega_b", c.omegaB())
                .put("pk_file", pkFile == null ? "" : pkFile.toString())
                .put("sigma8", rescaled() ? Double.toString(sigma8) : "")
                .put("kernel", kernel.key());
    }

    /**
     * Rough peak bytes to generate this realisation's LPT fields (spectrum, Psi1, Psi2 and the
     * transient Hessian fields), plus a FastPM run when {@code meshFactor > 0}.
     */
    public long memoryBytes(int meshFactor) {
        long cells = box.cells();
        long lpt = 4L * cells * 16;
        return meshFactor > 0 ? Math.max(lpt, 4L * cells * 10 + FastPmSolver.memoryBytes(box, meshFactor)) : lpt;
    }

    public SimulationSetup withSeed(long s) {
        return new SimulationSetup(box, cosmology, pkFile, sigma8, s, threads, kernel, linearDensity);
    }

    /** The same setup with another cosmology. */
    public SimulationSetup withCosmology(Cosmology c) {
        return new SimulationSetup(box, c, pkFile, sigma8, seed, threads, kernel, linearDensity);
    }

    public SimulationSetup withKernel(LptKernel k) {
        return new SimulationSetup(box, cosmology, pkFile, sigma8, seed, threads, k, linearDensity);
    }

    /** The same setup on a given linear density at z = 0 (its box must be this setup's). */
    public SimulationSetup withLinearDensity(ScalarField delta) {
        return new SimulationSetup(box, cosmology, pkFile, sigma8, seed, threads, kernel, delta);
    }
}
