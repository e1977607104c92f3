package org.d3m.core.emulator;

import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;

/**
 * The emulator's training pairs, one seed each: the ZA displacement at z = 0 (input), the FastPM
 * displacement at z = 0 (target) and, for the test split, 2LPT. The one recipe of make-dataset, on one
 * machine ({@link DatasetBuilder}) and on Spark, so the two write the same bytes per seed.
 */
public final class TrainingPairs {

    private TrainingPairs() {
    }

    /** {@link #source(SimulationSetup, FastPmSolver.Config, long, Progress)} without progress. */
    public static SampleSource source(SimulationSetup base, FastPmSolver.Config pm, long baseSeed) {
        return source(base, pm, baseSeed, Progress.NONE);
    }

    /**
     * The sample source of a dataset whose first seed is {@code baseSeed}: seed s is made from
     * {@code base.withSeed(s)}, FastPM run with {@code pm}, reporting to {@code fastPm} (checked for
     * cancellation at every step; the result never depends on it).
     */
    public static SampleSource source(SimulationSetup base, FastPmSolver.Config pm, long baseSeed, Progress fastPm) {
        Progress p = fastPm == null ? Progress.NONE : fastPm;
        return s -> {
            Realization r = new Realization(base.withSeed(s));
            VectorField target = r.fastPm(pm, p).displacement();
            return new Sample(r.lpt(1, 1), target, Dataset.splitOf(s - baseSeed).equals("test") ? r.lpt(2, 1) : null);
        };
    }
}
