package org.d3m.core.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.d3m.core.cosmology.Sigma8;
import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;

/**
 * The emulator's training pairs, one seed each: the ZA displacement (input), the FastPM displacement
 * (target) and 2LPT, all at the sample's redshift, with the sample's cosmology drawn from
 * {@link CosmologyRanges} (or fixed). The one recipe of make-dataset, on one machine
 * ({@link DatasetBuilder}) and on Spark, so the two write the same bytes per seed.
 */
public final class TrainingPairs {

    private TrainingPairs() {
    }

    /** {@link #source(SimulationSetup, FastPmSolver.Config, long, Progress)} without progress. */
    public static SampleSource source(SimulationSetup base, FastPmSolver.Config pm, long baseSeed) {
        return source(base, pm, baseSeed, Progress.NONE);
    }

    /** Pairs at z = 0 of the base cosmology (no ranges). */
    public static SampleSource source(SimulationSetup base, FastPmSolver.Config pm, long baseSeed, Progress fastPm) {
        return source(base, pm, baseSeed, CosmologyRanges.fixed(base.cosmology(), 0), fastPm);
    }

    /**
     * The sample source of a dataset whose first seed is {@code baseSeed}: seed s is sample number
     * i = s - baseSeed, made from {@code base.withSeed(s)} with the cosmology and redshift of
     * {@code ranges.point(i)}; FastPM is run with {@code pm} up to a = 1 / (1 + z), reporting to
     * {@code fastPm} (checked for cancellation at every step; the result never depends on it).
     * A tabulated spectrum or a sigma8 rescaling fixes the amplitude and shape, so it is refused when
     * Omega_m or A_s varies.
     */
    public static SampleSource source(SimulationSetup base, FastPmSolver.Config pm, long baseSeed,
            CosmologyRanges ranges, Progress fastPm) {
        Progress p = fastPm == null ? Progress.NONE : fastPm;
        boolean varies = ranges.omegaM()[0] != ranges.omegaM()[1] || ranges.aS()[0] != ranges.aS()[1];
        if (varies && (base.pkFile() != null || base.rescaled())) {
            throw new IllegalArgumentException("omega_m_range and a_s_range draw Eisenstein-Hu spectra from A_s:"
                    + " give neither pk_file nor sigma8 with them");
        }
        return s -> {
            CosmologyRanges.Point pt = ranges.point(s - baseSeed);
            SimulationSetup setup = base.withSeed(s).withCosmology(pt.cosmology(base.cosmology()));
            double a = pt.a();
            if (!(a > pm.aStart())) {
                throw new IllegalArgumentException("redshift " + pt.redshift() + " is before a_start " + pm.aStart());
            }
            Realization r = new Realization(setup);
            VectorField target = r.fastPm(pm.withAEnd(a), p).displacement();
            Map<String, Double> params = new LinkedHashMap<>();
            params.put(Sample.OMEGA_M, pt.omegaM());
            params.put(Sample.A_S, pt.aS());
            params.put(Sample.REDSHIFT, pt.redshift());
            params.put(Sample.SIGMA8, Sigma8.of(r.power()));
            return new Sample(r.lpt(1, a), target, r.lpt(2, a), params);
        };
    }
}
