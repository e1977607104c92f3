package org.d3m.core.validation;

import java.util.Locale;

import org.d3m.core.analysis.ThreePointEstimator;

/**
 * A rough wall-time estimate of {@link PaperTable#run} from the per-part costs measured on this
 * project's 2-core machine (docs/validation.md, "Time"; docs/performance.md, the mesh estimator), so
 * that a user sees what a run costs before starting it. The model, per (cosmology, seed) run at the
 * paper's 32^3 particles in a 128 Mpc/h box, 10 FastPM steps, mesh factor 2:
 * <ul>
 *   <li>{@value #RUN_S} s for FastPM, ZA, 2LPT and the statistics without the 3PCF (the full run of
 *   2026-12-01: 0.73 s per run, of which D3M 0.58 s), times (steps / 10) (B / 2)^3 for FastPM's share
 *   ({@value #FASTPM_SHARE}) and times the particle count (n / 32)^3;</li>
 *   <li>{@value #D3M_PER_SYMMETRY_S} s of D3M per cube symmetry averaged (0.58 s for the default 4),
 *   times (n / 32)^3;</li>
 *   <li>on the runs with the 3PCF, four fields (truth, ZA, 2LPT, D3M) at {@value #MESH_3PCF_S} s each with the
 *   mesh estimator (0.6-0.85 s of CPU measured, rounded up) times (n / 32)^3, or {@value #PARTICLES_3PCF_S} s
 *   each by pair counts (38.2 s per run of four in the full run) times (n / 32)^6 (128 / L)^3 (pairs within the
 *   paper's r_max);</li>
 *   <li>{@value #START_S} s once: loading the model (and unpacking natives the first time).</li>
 * </ul>
 * It reproduces the full run it was calibrated on (particles, 38 min) to within 5%; on other machines the
 * time scales with the cores. No part of a run depends on it.
 */
public final class PaperTableCost {

    /** Seconds per run at the paper's settings for everything but D3M and the 3PCF. */
    static final double RUN_S = 0.15;
    /** FastPM's part of {@link #RUN_S}, the part that scales with steps and mesh factor. */
    static final double FASTPM_SHARE = 0.7;
    /** Seconds of D3M per cube symmetry on one 32^3 box. */
    static final double D3M_PER_SYMMETRY_S = 0.145;
    /** Seconds of mesh 3PCF per 32^3 field. */
    static final double MESH_3PCF_S = 1.0;
    /** Seconds of pair-count 3PCF per 32^3 field in a 128 Mpc/h box. */
    static final double PARTICLES_3PCF_S = 9.55;
    /** Seconds once per command (model load, warm-up). */
    static final double START_S = 10;

    private PaperTableCost() {
    }

    /**
     * The estimated wall time of a table run, in seconds.
     *
     * @param grid            particles per side
     * @param boxSize         box side [Mpc/h]
     * @param steps           FastPM steps
     * @param meshFactor      FastPM force mesh factor B
     * @param cosmologies     how many cosmologies (1 to 5)
     * @param seeds           seeds per cosmology
     * @param threePointSeeds seeds with the 3PCF (capped at {@code seeds})
     * @param estimator       the 3PCF estimator
     * @param symmetries      cube symmetries averaged by D3M
     */
    public static double seconds(int grid, double boxSize, int steps, int meshFactor, int cosmologies, int seeds,
                                 int threePointSeeds, ThreePointEstimator estimator, int symmetries) {
        double cells = Math.pow(grid / 32.0, 3);
        double fastPm = RUN_S * FASTPM_SHARE * (steps / 10.0) * Math.pow(meshFactor / 2.0, 3);
        double perRun = (fastPm + RUN_S * (1 - FASTPM_SHARE) + D3M_PER_SYMMETRY_S * symmetries) * cells;
        double perField = estimator == ThreePointEstimator.PARTICLES
                ? PARTICLES_3PCF_S * cells * cells * Math.pow(128 / boxSize, 3)
                : MESH_3PCF_S * cells;
        long runs = (long) cosmologies * seeds;
        long threePointRuns = (long) cosmologies * Math.min(Math.max(threePointSeeds, 0), seeds);
        return START_S + runs * perRun + threePointRuns * 4 * perField;
    }

    /** "about 9 min" / "about 40 s" / "about 2.5 h": the estimate as a person reads it. */
    public static String describe(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "about %.0f s", Math.max(1, seconds));
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "about %.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "about %.1f h", seconds / 3600);
    }
}
