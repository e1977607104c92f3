package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.analysis.PointwiseError;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.junit.jupiter.api.Test;

/**
 * The model that ships in the jar (docs/model-card.md): it loads, is the recorded network, was
 * trained on FastPM-kernel pairs of the paper's box, and beats 2LPT against FastPM on two seeds it
 * never saw (its data set used seeds 100000-104999).
 */
class ShippedModelTest {

    @Test
    void shippedModelIsTheRecordedNetwork() {
        assertTrue(ShippedModel.available(), ShippedModel.RESOURCE + " must be in the jar");
        Path weights = ShippedModel.resolve(null);
        assertTrue(Files.isRegularFile(weights));
        assertSame(weights, ShippedModel.defaultWeights(), "extracted once per process");
        ModelMeta meta = WeightsFile.readMeta(weights);
        assertEquals(32, meta.width());
        assertTrue(meta.residual());
        assertEquals(32, meta.grid());
        assertEquals(4.0, meta.spacing(), 1e-12);
        assertEquals("fastpm", meta.kernel());
        assertEquals(null, meta.mismatch(new Box(128, 32), "fastpm"), "the paper's box");
        assertEquals(null, meta.mismatch(new Box(256, 64), "fastpm"), "a larger box of the same spacing, tiled");
        assertEquals("the model wants 4 Mpc/h per cell and a grid that is a multiple of 32; this box is 128 Mpc/h with"
                + " grid 64", meta.mismatch(new Box(128, 64), "fastpm"));
        assertEquals("the model was trained on kernel=fastpm fields, not kernel=exact", meta.mismatch(new Box(128, 32), "exact"));
        Path given = Path.of("given.d3mw");
        assertSame(given, ShippedModel.resolve(given), "a given model wins");
        assertEquals(ShippedModel.NONE, assertThrows(IllegalArgumentException.class,
                () -> ShippedModel.resolve(null, null)).getMessage());
    }

    @Test
    void shippedModelBeats2lptOnUnseenSeeds() {
        try (Emulator e = Emulator.load(ShippedModel.resolve(null), "cpu")) {
            assertEquals(D3mNet.parameterCount(32), e.trainableParameterCount());
            for (long seed : new long[] {2_000_001L, 2_000_002L}) {
                Realization r = new Realization(new SimulationSetup(new Box(128, 32), Cosmology.planck15(), null,
                        Double.NaN, seed, 2));
                VectorField truth = r.fastPm(FastPmSolver.Config.defaults().withThreads(2), Progress.NONE).displacement();
                double d3m = PointwiseError.of(e.predict(r.lpt(1, 1), Progress.NONE), truth, 2).mean();
                double lpt2 = PointwiseError.of(r.lpt(2, 1), truth, 2).mean();
                System.out.printf("shipped model, seed %d: point-wise error D3M %.4f, 2LPT %.4f (ratio %.3f)%n",
                        seed, d3m, lpt2, d3m / lpt2);
                // issue 10's bar, 0.3 of 2LPT's error (measured: 0.285 and 0.264 with the default symmetries)
                assertTrue(d3m < 0.3 * lpt2, "seed " + seed + ": D3M " + d3m + " vs 2LPT " + lpt2);
            }
        }
    }
}
