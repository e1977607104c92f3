package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inference: tiling equals a whole-box pass; one-line errors for bad input; device report. */
class EmulatorTest {

    @TempDir
    static Path tmp;
    static Path weights;

    /** A width-4 model "trained" on 32^3 boxes of 4 Mpc/h cells (a few steps so BN stats are non-trivial). */
    @BeforeAll
    static void makeModel() {
        weights = tmp.resolve("model.d3mw");
        int n = 16;
        float[] x = D3mNetTest.random(2 * 3 * n * n * n, 1);
        try (NetSession s = NetSession.create(4, false, 21, Device.cpu())) {
            Adam adam = new Adam(s.trainableSizes(), 1e-3, 0.9, 0.999, 1e-8, 1e-4);
            for (int i = 0; i < 3; i++) {
                s.trainStep(x, x, 2, n, adam);
            }
            WeightsFile.save(weights, s.net(), new ModelMeta(4, 32, 4.0, false, Map.of("cosmology", "test")));
        }
    }

    static VectorField field(int n, double cell, long seed) {
        Random r = new Random(seed);
        float[][] c = new float[3][n * n * n];
        for (float[] a : c) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (3 * r.nextGaussian());
            }
        }
        return new VectorField(new Box(n * cell, n), c);
    }

    @Test
    void tiledPassEqualsWholeBoxPass() {
        try (Emulator e = Emulator.load(weights, "cpu")) {
            e.setSymmetries(1); // the network alone; averaged tiles: symmetryAverageOverTilesEqualsWholeBox
            VectorField za = field(128, 4.0, 5);
            VectorField whole = e.predict(za, 128, Progress.NONE);
            VectorField tiled = e.predict(za, 64, Progress.NONE);
            double max = 0;
            double diff = 0;
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < whole.c()[a].length; i++) {
                    max = Math.max(max, Math.abs(whole.c()[a][i]));
                    diff = Math.max(diff, Math.abs(whole.c()[a][i] - tiled.c()[a][i]));
                }
            }
            System.out.printf("tiled (8 tiles of 64^3 + halo) vs whole 128^3: max |diff| %.3g, max |y| %.3g%n", diff, max);
            assertTrue(max > 0.01);
            assertTrue(diff <= 1e-5 * max, "tiles differ by " + diff);
            // automatic mode: whole box when it fits, tiles of halo 28 otherwise
            assertEquals(64, e.tileCoreFor(64));
            e.setMaxTileVoxels(100L * 100 * 100);
            assertEquals(32, e.tileCoreFor(128));
        }
    }

    @Test
    void symmetryAverageIsTheMeanOfTransformedPassesAndAllOf48AreEquivariant() {
        try (Emulator e = Emulator.load(weights, "cpu")) {
            assertEquals(Emulator.DEFAULT_SYMMETRIES, e.symmetries());
            VectorField za = field(32, 4.0, 7);
            e.setSymmetries(1);
            VectorField net = e.predict(za, Progress.NONE);
            CubeSymmetry t = CubeSymmetry.averaging(1);
            VectorField netT = t.inverse().apply(e.predict(t.apply(za), Progress.NONE));
            e.setSymmetries(2);
            VectorField two = e.predict(za, Progress.NONE);
            double max = maxAbs(net);
            assertTrue(max > 0.01);
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < za.box().cells(); i++) {
                    assertEquals(0.5 * (net.c()[a][i] + netT.c()[a][i]), two.c()[a][i], 1e-6 * max, "k = 2, voxel " + i);
                }
            }
            // the mean over the whole group commutes with every symmetry; the network alone does not
            e.setSymmetries(48);
            VectorField all = e.predict(za, Progress.NONE);
            for (int index : new int[] {5, 13, 40}) {
                CubeSymmetry s = CubeSymmetry.of(index);
                VectorField want = s.apply(all);
                double dev = maxDiff(want, e.predict(s.apply(za), Progress.NONE));
                double netDev = maxDiff(s.apply(net), netOf(e, s.apply(za)));
                System.out.printf("%s: 48-average deviates by %.3g, the network alone by %.3g (max |y| %.3g)%n",
                        s, dev, netDev, max);
                assertTrue(dev <= 1e-5 * max, s + ": averaged prediction not equivariant, " + dev);
                assertTrue(netDev > 1e-3 * max, s + ": the test network is already equivariant, " + netDev);
            }
        }
    }

    @Test
    void symmetryAverageOverTilesEqualsWholeBox() {
        try (Emulator e = Emulator.load(weights, "cpu")) {
            e.setSymmetries(3);
            VectorField za = field(64, 4.0, 9);
            VectorField whole = e.predict(za, 64, Progress.NONE); // one batch of 3
            VectorField tiled = e.predict(za, 32, Progress.NONE); // 3 x 8 tiles of 88^3
            double max = maxAbs(whole);
            assertTrue(maxDiff(whole, tiled) <= 1e-5 * max, "tiles differ by " + maxDiff(whole, tiled));
            assertMessage(() -> e.setSymmetries(0), "1..48");
            assertMessage(() -> e.setSymmetries(49), "1..48");
        }
    }

    static VectorField netOf(Emulator e, VectorField za) {
        int k = e.symmetries();
        e.setSymmetries(1);
        try {
            return e.predict(za, Progress.NONE);
        } finally {
            e.setSymmetries(k);
        }
    }

    static double maxAbs(VectorField v) {
        double m = 0;
        for (float[] c : v.c()) {
            for (float x : c) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    static double maxDiff(VectorField a, VectorField b) {
        double m = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < a.c()[c].length; i++) {
                m = Math.max(m, Math.abs(a.c()[c][i] - b.c()[c][i]));
            }
        }
        return m;
    }

    @Test
    void deviceAndVersionsAreReported() {
        try (Emulator e = Emulator.load(weights, "auto")) {
            String d = e.describeDevice();
            assertTrue(d.contains("DJL 0.36.0") && d.contains("PyTorch 2.7.1"), d);
            assertEquals("test", e.meta().info().get("cosmology"));
            assertEquals(128.0, e.meta().boxSize(), 0);
        }
        assertThrows(IllegalArgumentException.class, () -> Emulator.load(weights, "tpu"));
        if (!DjlRuntime.gpuUsable(DjlRuntime.engine())) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Emulator.load(weights, "gpu"));
            assertTrue(ex.getMessage().contains("no GPU"));
        }
    }

    @Test
    void badInputGivesOneLineErrors() throws IOException {
        try (Emulator e = Emulator.load(weights, "cpu")) {
            assertMessage(() -> e.predict(field(48, 4.0, 1), Progress.NONE), "not a multiple");
            assertMessage(() -> e.predict(field(32, 2.0, 1), Progress.NONE), "spacing");
            VectorField nan = field(32, 4.0, 1);
            nan.c()[1][77] = Float.NaN;
            assertMessage(() -> e.predict(nan, Progress.NONE), "non-finite");
            assertMessage(() -> e.predict(field(64, 4.0, 1), 24, Progress.NONE), "tile size");
        }
        assertMessage(() -> Emulator.load(tmp.resolve("missing.d3mw"), "cpu"), "not found");
        assertMessage(() -> Emulator.load(null, "cpu"), "no model");
        Path garbage = tmp.resolve("garbage.d3mw");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        assertMessage(() -> Emulator.load(garbage, "cpu"), "corrupt");
        Path truncated = tmp.resolve("truncated.d3mw");
        byte[] all = Files.readAllBytes(weights);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        assertMessage(() -> Emulator.load(truncated, "cpu"), "weights file");
        // metadata that does not match the stored parameters (width 8 declared, width-4 params)
        Path lying = tmp.resolve("lying.d3mw");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(weights.toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(lying))) {
            String meta = new String(in.getInputStream(in.getEntry("meta.json")).readAllBytes())
                    .replace("\"width\": 4", "\"width\": 8");
            out.putNextEntry(new java.util.zip.ZipEntry("meta.json"));
            out.write(meta.getBytes());
            out.putNextEntry(new java.util.zip.ZipEntry("params.bin"));
            out.write(in.getInputStream(in.getEntry("params.bin")).readAllBytes());
        }
        assertMessage(() -> Emulator.load(lying, "cpu"), "corrupt");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable ex, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ex);
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
