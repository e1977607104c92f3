package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.d3m.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training: resume after a kill equals an uninterrupted run; logs; settings checks. */
class TrainerTest {

    @TempDir
    Path tmp;

    /** Progress that "kills" the run (cancels) after {@code steps} training steps. */
    static Progress killAfter(long steps) {
        AtomicLong done = new AtomicLong();
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                if (message.contains(" step ")) {
                    done.incrementAndGet();
                }
            }

            @Override
            public boolean cancelled() {
                return done.get() >= steps;
            }
        };
    }

    static float[][] params(Path weights) {
        try (NDManager m = DjlRuntime.engine().newBaseManager(ai.djl.Device.cpu())) {
            WeightsFile.Loaded l = WeightsFile.load(weights, m);
            java.util.ArrayList<float[]> out = new java.util.ArrayList<>();
            for (Pair<String, Parameter> p : l.net().getParameters()) {
                out.add(p.getValue().getArray().toFloatArray());
            }
            return out.toArray(new float[0][]);
        }
    }

    /** Width 4, batch 4, 2 epochs, lr 1e-3, seed 11, 2 threads, checkpoints only at epoch ends. */
    static Trainer.Config config() {
        return Trainer.Config.defaults().withWidth(4).withBatch(4).withEpochs(2).withLearningRate(1e-3)
                .withSeed(11).withThreads(2).withCheckpointEvery(0, 0);
    }

    @Test
    void resumeAfterKillEqualsUninterruptedRun() throws IOException {
        Path data = tmp.resolve("data");
        DatasetBuilder.build(data, 20, 500, TestSources.smoothing(16, 64.0), Progress.NONE); // 16 train, 2 val
        Trainer.Config c = config();
        Trainer.Result a = Trainer.train(data, tmp.resolve("a"), c, Progress.NONE);
        assertEquals(8, a.steps());
        assertFalse(a.resumed());

        Trainer.Config ck = c.withCheckpointEvery(3, 0);
        Path b = tmp.resolve("b");
        assertThrows(Progress.CancelledException.class, () -> Trainer.train(data, b, ck, killAfter(5)));
        assertTrue(Files.isRegularFile(b.resolve(Trainer.CHECKPOINT)));
        assertFalse(Files.exists(b.resolve(Trainer.FINAL)));
        Trainer.Result r = Trainer.train(data, b, ck, Progress.NONE);
        assertTrue(r.resumed());
        assertEquals(8, r.steps());
        assertEquals(a.bestValLoss(), r.bestValLoss(), 1e-6 * a.bestValLoss());
        float[][] pa = params(a.finalWeights());
        float[][] pb = params(r.finalWeights());
        for (int i = 0; i < pa.length; i++) {
            assertArrayEquals(pa[i], pb[i], 1e-6f, "parameter " + i);
        }
        // logs: one CSV row per epoch, a per-step CSV and a PNG with the right size
        List<String> csv = Files.readAllLines(b.resolve("losses.csv"));
        assertEquals(3, csv.size());
        assertEquals(Files.readAllLines(tmp.resolve("a/losses.csv")).get(2).split(",")[3], csv.get(2).split(",")[3]);
        assertEquals(9, Files.readAllLines(b.resolve("steps.csv")).size());
        BufferedImage png = ImageIO.read(b.resolve("loss.png").toFile());
        assertEquals(800, png.getWidth());
        ModelMeta meta = WeightsFile.readMeta(r.bestWeights());
        assertEquals(16, meta.grid());
        assertEquals(4.0, meta.spacing(), 0);
        assertTrue(meta.info().get("training").contains("w=4"));

        // a checkpoint made with other settings is refused
        assertThrows(IllegalArgumentException.class, () -> Trainer.train(data, b, ck.withLearningRate(2e-3), Progress.NONE));

        // a real kill: a child JVM trains with a checkpoint every 2 steps and is killed (SIGKILL) once it
        // reports step 6 (mid-epoch 2); the resumed run must again end at A's weights
        Path k = tmp.resolve("killed");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), TrainMain.class.getName(),
                data.toString(), k.toString(), "2").redirectErrorStream(true).start();
        boolean killed = false;
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("progress epoch 2/2 step 2/4")) {
                    child.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        }
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(killed, "child never reached step 6");
        assertFalse(Files.exists(k.resolve(Trainer.FINAL)));
        Trainer.Result rk = Trainer.train(data, k, c.withCheckpointEvery(2, 0), Progress.NONE);
        assertTrue(rk.resumed());
        float[][] pk = params(rk.finalWeights());
        for (int i = 0; i < pa.length; i++) {
            assertArrayEquals(pa[i], pk[i], 1e-6f, "parameter " + i + " after a real kill");
        }
    }

    @Test
    void learnsASyntheticFilterWellBelowTheIdentityMap() {
        Path data = tmp.resolve("data");
        DatasetBuilder.build(data, 40, 1000, TestSources.smoothing(16, 64.0), Map.of("task", "7-point mean + x/2"),
                Progress.NONE);
        Trainer.Config c = Trainer.Config.defaults().withWidth(8).withBatch(2).withEpochs(5).withLearningRate(1e-2)
                .withSeed(3).withThreads(2);
        long t0 = System.nanoTime();
        Trainer.Result r = Trainer.train(data, tmp.resolve("out"), c, Progress.NONE);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("synthetic learning: identity val MSE %.4f, best val MSE %.4f (epoch %d), %d steps, %.1f s%n",
                r.identityValLoss(), r.bestValLoss(), r.bestEpoch(), r.steps(), secs);
        for (Trainer.EpochLog e : r.epochs()) {
            System.out.printf("  epoch %d: train %.4f val %.4f%n", e.epoch(), e.trainLoss(), e.valLoss());
        }
        assertEquals(0.25, r.identityValLoss(), 0.03);
        assertTrue(r.bestValLoss() < 0.4 * r.identityValLoss(), "val " + r.bestValLoss());
    }

    @Test
    void badSettingsAreOneLineErrors() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.Config.defaults().withBatch(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.Config.defaults().withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> Trainer.train(tmp.resolve("none"), tmp.resolve("o"),
                Trainer.Config.defaults(), Progress.NONE));
    }

    /** The cosine schedule runs from the peak rate to the floor, monotonically; constant stays put. */
    @Test
    void cosineScheduleFallsFromPeakToFloor() {
        Trainer.Config c = Trainer.Config.defaults().withLearningRate(1e-3).withCosineSchedule(1e-5);
        long total = 1000;
        assertEquals(1e-3, c.learningRateAt(0, total), 1e-15);
        assertEquals(1e-5, c.learningRateAt(total - 1, total), 1e-15);
        assertEquals(0.5 * (1e-3 + 1e-5), c.learningRateAt((total - 1) / 2, total), 1e-6);
        double last = Double.POSITIVE_INFINITY;
        for (long t = 0; t < total; t += 37) {
            double lr = c.learningRateAt(t, total);
            assertTrue(lr <= last && lr >= 1e-5, "step " + t + ": " + lr);
            last = lr;
        }
        assertEquals(2e-4, Trainer.Config.defaults().withLearningRate(2e-4).learningRateAt(500, total), 0);
        assertThrows(IllegalArgumentException.class, () -> Trainer.Config.defaults().withLearningRate(1e-3).withCosineSchedule(2e-3));
        assertTrue(c.fingerprint(new org.d3m.core.field.Box(64, 16), 8).contains("cosine(0.001->1.0E-5)"));
    }
}
