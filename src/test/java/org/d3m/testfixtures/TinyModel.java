package org.d3m.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.emulator.Dataset;
import org.d3m.core.emulator.DatasetBuilder;
import org.d3m.core.emulator.Sample;
import org.d3m.core.emulator.Trainer;
import org.d3m.core.field.Box;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;

/**
 * A tiny D3M model trained once per test JVM on real (ZA, FastPM) pairs: 10 seeds (500..509) of a
 * 64 Mpc/h box with 16^3 particles, Planck 2015 from A_s, FastPM with 2 steps; width 4, 2 epochs.
 * The dataset metadata carries the keys make-dataset records (seed, samples, kernel, cosmology, steps),
 * so the model knows its training seeds and cosmology. Takes a few seconds.
 */
public final class TinyModel {

    public static final Box BOX = new Box(64, 16);
    public static final long BASE_SEED = 500;
    public static final int SAMPLES = 10;
    public static final int STEPS = 2;

    private static Path weights;

    private TinyModel() {
    }

    /** The trained weights file (best.d3mw), made on first use; deleted when the JVM exits. */
    public static synchronized Path weights() {
        if (weights == null) {
            weights = inTempDir("d3m-tiny-model", TinyModel::train);
        }
        return weights;
    }

    /** {@code make} run in a new temporary folder that is deleted when the JVM exits; its result. */
    static Path inTempDir(String prefix, java.util.function.Function<Path, Path> make) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return make.apply(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The setup the model was trained on, for a seed. */
    public static SimulationSetup setup(long seed) {
        return new SimulationSetup(BOX, Cosmology.planck15(), null, Double.NaN, seed, 2);
    }

    private static Path train(Path dir) {
        FastPmSolver.Config pm = FastPmSolver.Config.defaults().withSteps(STEPS).withThreads(2);
        Map<String, String> meta = new LinkedHashMap<>();
        Cosmology c = Cosmology.planck15();
        meta.put("command", "make-dataset");
        meta.put("a_s", "2.142e-9");
        meta.put("n_s", Double.toString(c.nS()));
        meta.put("h", Double.toString(c.h()));
        meta.put("omega_m", Double.toString(c.omegaM()));
        meta.put("omega_b", Double.toString(c.omegaB()));
        meta.put("sigma8", "0");
        meta.put("seed", Long.toString(BASE_SEED));
        meta.put("samples", Integer.toString(SAMPLES));
        meta.put("steps", Integer.toString(STEPS));
        meta.put("mesh_factor", "2");
        meta.put("kernel", "fastpm");
        Path data = dir.resolve("data");
        DatasetBuilder.build(data, SAMPLES, BASE_SEED, s -> {
            Realization r = new Realization(setup(s));
            return new Sample(r.lpt(1, 1), r.fastPm(pm, Progress.NONE).displacement(),
                    Dataset.splitOf(s - BASE_SEED).equals("test") ? r.lpt(2, 1) : null);
        }, meta, Progress.NONE);
        Trainer.Config tc = Trainer.Config.defaults().withWidth(4).withBatch(2).withEpochs(2).withLearningRate(1e-3)
                .withSeed(1).withThreads(2).withDevice("cpu").withCheckpointEvery(0, 0).withResidual(true);
        return Trainer.train(data, dir.resolve("model"), tc, Progress.NONE).bestWeights();
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
