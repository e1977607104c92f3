package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.testfixtures.TinyConditionedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditioned networks (FiLM, extra channels): shapes, start at 2LPT, training, ranges, the emulator. */
class ConditionedEmulatorTest {

    @TempDir
    Path dir;

    @Test
    void parameterCountsMatchTheAnalyticFormula() {
        for (Conditioning c : Conditioning.values()) {
            try (NetSession s = NetSession.create(4, false, c, 1, Device.cpu())) {
                assertEquals(D3mNet.parameterCount(4, c), s.net().trainableParameterCount(), c.key());
            }
        }
        assertEquals(D3mNet.parameterCount(4), D3mNet.parameterCount(4, Conditioning.NONE));
        assertTrue(D3mNet.parameterCount(4, Conditioning.FILM) > D3mNet.parameterCount(4, Conditioning.CHANNELS));
        assertThrows(IllegalArgumentException.class, () -> new D3mNet(4, true, Conditioning.FILM));
    }

    @Test
    void aNewConditionedNetworkPredictsTwoLptExactly() {
        Realization r = new Realization(TinyConditionedModel.setup(3).withCosmology(Cosmology.planck15().withOmegaM(0.25)));
        VectorField za = r.lpt(1, 0.8);
        for (Conditioning c : new Conditioning[] {Conditioning.FILM, Conditioning.CHANNELS}) {
            Path w = dir.resolve(c.key() + ".d3mw");
            try (NetSession s = NetSession.create(4, false, c, 5, Device.cpu())) {
                WeightsFile.save(w, s.net(), new ModelMeta(4, 16, 4.0, false, java.util.Map.of("dataset.kernel", "fastpm"), c));
            }
            try (Emulator e = Emulator.load(w, "cpu")) {
                assertTrue(e.conditioned());
                VectorField got = e.predict(za, 0.25, 0.25, false, Progress.NONE);
                ResidualFrame f = ResidualFrame.of(za, 0.25, 0.25, 1);
                for (int d = 0; d < 3; d++) {
                    assertArrayEquals(f.lpt2().c()[d], got.c()[d], 1e-5f, "zero output layer: 2LPT");
                }
                assertThrows(IllegalArgumentException.class, () -> e.predict(za, Progress.NONE),
                        "a conditioned model needs its cosmology");
            }
        }
    }

    @Test
    void conditionsChangeTheOutputOfATrainedFilmNetwork() {
        try (NetSession s = NetSession.create(2, false, Conditioning.FILM, 7, Device.cpu())) {
            int n = 8;
            float[] x = new float[2 * 6 * n * n * n];
            java.util.Random rnd = new java.util.Random(1);
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            float[] c = {0, 0, 0, 1, -1, 0.5f};
            float[] y = new float[2 * 3 * n * n * n];
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) rnd.nextGaussian();
            }
            Adam adam = new Adam(s.trainableSizes(), 1e-2, 0.9, 0.999, 1e-8, 0);
            double first = s.trainStep(x, c, y, new float[] {1, 2}, 2, n, adam);
            // a new conditioned network outputs zero, so the first loss is the weighted mean of the targets' squares
            int m = 3 * n * n * n;
            double[] ms = new double[2];
            for (int i = 0; i < 2 * m; i++) {
                ms[i / m] += (double) y[i] * y[i] / m;
            }
            assertEquals((1 * ms[0] + 2 * ms[1]) / 2, first, 1e-5 * first, "loss = mean over samples of weight x MSE");
            double later = first;
            for (int i = 0; i < 5; i++) {
                later = s.trainStep(x, c, y, new float[] {1, 2}, 2, n, adam);
            }
            assertTrue(later < first, "weighted loss falls: " + first + " -> " + later);
            float[] one = java.util.Arrays.copyOf(x, 6 * n * n * n);
            float[] a = s.infer(one, new float[] {0, 0, 0}, 1, n);
            float[] b = s.infer(one, new float[] {1, -1, 0.5f}, 1, n);
            assertFalse(java.util.Arrays.equals(a, b), "FiLM makes the output depend on the conditions");
            assertThrows(IllegalArgumentException.class, () -> s.infer(one, null, 1, n));
        }
    }

    @Test
    void trainedModelRecordsItsRangesAndRefusesFieldsOutside() {
        Path w = TinyConditionedModel.weights();
        ModelMeta meta = WeightsFile.readMeta(w);
        assertEquals(Conditioning.FILM, meta.conditioning());
        TrainingRanges tr = TrainingRanges.of(meta);
        CosmologyRanges want = TinyConditionedModel.RANGES;
        assertTrue(tr.omegaM()[0] >= want.omegaM()[0] && tr.omegaM()[1] <= want.omegaM()[1]);
        assertTrue(tr.redshift()[0] >= 0 && tr.redshift()[1] <= 1);
        assertTrue(tr.amplitude()[0] > 0 && tr.amplitude()[0] < tr.amplitude()[1]);
        try (Emulator e = Emulator.load(w, "cpu")) {
            e.setSymmetries(2);
            double om = 0.5 * (tr.omegaM()[0] + tr.omegaM()[1]);
            double z = 0.5 * (tr.redshift()[0] + tr.redshift()[1]);
            // a field inside: the amplitude of a draw of the model's ranges
            Realization in = new Realization(TinyConditionedModel.setup(1234)
                    .withCosmology(Cosmology.planck15().withOmegaM(om).withAs(2e-9)));
            VectorField za = in.lpt(1, 1 / (1 + z));
            VectorField psi = e.predict(za, om, z, false, Progress.NONE);
            assertEquals(za.box(), psi.box());
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> e.predict(za, 0.6, z, false, Progress.NONE));
            assertTrue(x.getMessage().startsWith("omega_m 0.6 is outside the model's trained range"), x.getMessage());
            assertTrue(x.getMessage().endsWith("pass extrapolate=true to emulate anyway"), x.getMessage());
            x = assertThrows(IllegalArgumentException.class, () -> e.predict(za, om, 3, false, Progress.NONE));
            assertTrue(x.getMessage().startsWith("redshift 3 is outside"), x.getMessage());
            VectorField weak = new Realization(TinyConditionedModel.setup(1234)
                    .withCosmology(Cosmology.planck15().withOmegaM(om).withAs(1e-11))).lpt(1, 1 / (1 + z));
            x = assertThrows(IllegalArgumentException.class, () -> e.predict(weak, om, z, false, Progress.NONE));
            assertTrue(x.getMessage().startsWith("the field's amplitude"), x.getMessage());
            assertEquals(za.box(), e.predict(weak, om, z, true, Progress.NONE).box(), "extrapolate=true emulates anyway");
            assertFalse(tr.describe().isEmpty());
            // the dataset's configured ranges count, though no Halton sample sits exactly on z = 0
            assertEquals(0, tr.redshift()[0], 0, "z spans the configured 0-1");
            VectorField today = new Realization(TinyConditionedModel.setup(1234)
                    .withCosmology(Cosmology.planck15().withOmegaM(om).withAs(2e-9))).lpt(1, 1);
            assertEquals(za.box(), e.predict(today, om, 0, false, Progress.NONE).box());
        }
    }

    @Test
    void trainingCanStartFromAWeightsFile() throws Exception {
        Path data = dir.resolve("data");
        org.d3m.core.pm.FastPmSolver.Config pm = org.d3m.core.pm.FastPmSolver.Config.defaults().withSteps(2).withThreads(2);
        DatasetBuilder.build(data, 10, 900, TrainingPairs.source(TinyConditionedModel.setup(900), pm, 900,
                TinyConditionedModel.RANGES, Progress.NONE), java.util.Map.of(), Progress.NONE);
        Trainer.Config tc = Trainer.Config.defaults().withWidth(2).withBatch(2).withEpochs(1).withLearningRate(1e-3)
                .withSeed(1).withThreads(2).withDevice("cpu").withCheckpointEvery(0, 0).withConditioning(Conditioning.FILM);
        Trainer.train(data, dir.resolve("scratch"), tc, null, Progress.NONE);
        Trainer.train(data, dir.resolve("init"), tc, TinyConditionedModel.weights(), Progress.NONE);
        double scratch = firstStepLoss(dir.resolve("scratch"));
        double init = firstStepLoss(dir.resolve("init"));
        // from scratch the output layer is zero: every sample's loss relative to 2LPT is exactly 1
        assertEquals(1, scratch, 1e-5);
        // the tiny model (4 steps of training) is barely off 2LPT, but measurably: 0.99957 here
        assertTrue(Math.abs(init - 1) > 1e-4, "from the tiny model's weights the first step is not 2LPT: " + init);
        assertEquals(TinyConditionedModel.weights().getFileName().toString(),
                WeightsFile.readMeta(dir.resolve("init").resolve(Trainer.BEST)).info().get("init_weights"));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(data, dir.resolve("bad"), tc.withWidth(4), TinyConditionedModel.weights(), Progress.NONE));
        assertTrue(x.getMessage().startsWith("init_weights") && x.getMessage().contains("not width=4"), x.getMessage());
    }

    static double firstStepLoss(Path run) throws java.io.IOException {
        return Double.parseDouble(java.nio.file.Files.readAllLines(run.resolve("steps.csv")).get(1).split(",")[1]);
    }

    @Test
    void conditionedTrainingRecordsItsLossRelativeToTwoLpt() {
        // validation loss is each sample's squared error relative to 2LPT's: 2LPT (the untrained network) scores 1
        Path w = TinyConditionedModel.weights();
        ModelMeta meta = WeightsFile.readMeta(w);
        double val = Double.parseDouble(meta.info().get("val_loss"));
        assertTrue(val > 0 && Double.isFinite(val), "validation loss " + val);
        assertEquals("1.0", meta.info().get("identity_val_loss"), "2LPT's own score");
        assertTrue(meta.info().get("training").contains(" cond=film"), meta.info().get("training"));
        Shape s = new Shape(1, 6, 4, 4, 4);
        assertEquals(2, new D3mNet(2, false, Conditioning.CHANNELS).inputShapes(s).length);
    }
}
