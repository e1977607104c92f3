package org.d3m.testfixtures;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.emulator.Conditioning;
import org.d3m.core.emulator.CosmologyRanges;
import org.d3m.core.emulator.DatasetBuilder;
import org.d3m.core.emulator.Trainer;
import org.d3m.core.emulator.TrainingPairs;
import org.d3m.core.field.Box;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.SimulationSetup;

/**
 * A tiny conditioned (FiLM) D3M model trained once per test JVM on real pairs drawn by make-dataset's
 * recipe ({@link TrainingPairs} with {@link #RANGES}): 20 seeds (700..719) of a 64 Mpc/h box with 16^3
 * particles, FastPM with 2 steps; width 2, 1 epoch. Takes a few seconds.
 */
public final class TinyConditionedModel {

    public static final Box BOX = new Box(64, 16);
    public static final long BASE_SEED = 700;
    public static final int SAMPLES = 20;
    public static final int STEPS = 2;
    /** Omega_m 0.2-0.4, A_s 1-3e-9, z 0-1. */
    public static final CosmologyRanges RANGES = new CosmologyRanges(new double[] {0.2, 0.4}, new double[] {1e-9, 3e-9},
            new double[] {0, 1});

    private static Path weights;

    private TinyConditionedModel() {
    }

    /** The trained weights file (best.d3mw), made on first use; deleted when the JVM exits. */
    public static synchronized Path weights() {
        if (weights == null) {
            weights = TinyModel.inTempDir("d3m-tiny-cond-model", TinyConditionedModel::train);
        }
        return weights;
    }

    /** A seeded setup of the model's box (Planck 2015; change the cosmology with withCosmology). */
    public static SimulationSetup setup(long seed) {
        return new SimulationSetup(BOX, Cosmology.planck15(), null, Double.NaN, seed, 2);
    }

    private static Path train(Path dir) {
        FastPmSolver.Config pm = FastPmSolver.Config.defaults().withSteps(STEPS).withThreads(2);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("command", "make-dataset");
        meta.put("kernel", "fastpm");
        meta.put("omega_m_range", CosmologyRanges.format(RANGES.omegaM()));
        meta.put("redshift_range", CosmologyRanges.format(RANGES.redshift()));
        Path data = dir.resolve("data");
        DatasetBuilder.build(data, SAMPLES, BASE_SEED, TrainingPairs.source(setup(BASE_SEED), pm, BASE_SEED, RANGES,
                Progress.NONE), meta, Progress.NONE);
        Trainer.Config tc = Trainer.Config.defaults().withWidth(2).withBatch(2).withEpochs(1).withLearningRate(1e-3)
                .withSeed(1).withThreads(2).withDevice("cpu").withCheckpointEvery(0, 0)
                .withConditioning(Conditioning.FILM);
        return Trainer.train(data, dir.resolve("model"), tc, Progress.NONE).bestWeights();
    }
}
