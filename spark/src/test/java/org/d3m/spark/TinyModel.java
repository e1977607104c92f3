package org.d3m.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.emulator.DatasetBuilder;
import org.d3m.core.emulator.Trainer;
import org.d3m.core.emulator.TrainingPairs;
import org.d3m.core.field.Box;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.SimulationSetup;

/**
 * A tiny D3M model, trained once per test JVM (a few seconds): 10 training pairs (seeds 500..509) of a
 * 64 Mpc/h box with 16^3 particles, FastPM in 2 steps; width 4, 2 epochs. Its dataset metadata names
 * its seeds, so the jobs' model checks apply (runs use seeds from 1000 on).
 */
final class TinyModel {

    static final long BASE_SEED = 500;
    private static Path weights;

    private TinyModel() {
    }

    static synchronized Path weights() {
        if (weights == null) {
            try {
                Path dir = Files.createTempDirectory("d3m-spark-tiny-model");
                SimulationSetup base = new SimulationSetup(new Box(64, 16), Cosmology.planck15(), null, Double.NaN, BASE_SEED, 2);
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("command", "make-dataset");
                meta.put("seed", Long.toString(BASE_SEED));
                meta.put("samples", "10");
                meta.put("steps", "2");
                meta.put("kernel", "fastpm");
                FastPmSolver.Config pm = FastPmSolver.Config.defaults().withSteps(2).withThreads(2);
                DatasetBuilder.build(dir.resolve("data"), 10, BASE_SEED, TrainingPairs.source(base, pm, BASE_SEED), meta,
                        Progress.NONE);
                Trainer.Config tc = Trainer.Config.defaults().withWidth(4).withBatch(2).withEpochs(2).withLearningRate(1e-3)
                        .withSeed(1).withThreads(2).withDevice("cpu").withCheckpointEvery(0, 0).withResidual(true);
                weights = Trainer.train(dir.resolve("data"), dir.resolve("model"), tc, Progress.NONE).bestWeights();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return weights;
    }
}
