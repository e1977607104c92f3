package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.testfixtures.FastPmFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastPmFilesTest {

    /** Writes a bigfile block: header, attributes (name, dtype, little-endian bytes) and one data file. */
    static void block(Path dir, String dtype, int members, long items, byte[] data, Object... attrs) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("header"), "DTYPE: " + dtype + "\nNMEMB: " + members + "\nNFILE: 1\n000000: "
                + items + " : 0 : 0\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < attrs.length; i += 3) {
            byte[] b = (byte[]) attrs[i + 2];
            StringBuilder hex = new StringBuilder();
            for (byte x : b) {
                hex.append(String.format("%02X", x));
            }
            int size = attrs[i + 1].equals("<f8") || attrs[i + 1].equals("<i8") ? 8 : 4;
            sb.append(attrs[i]).append(' ').append(attrs[i + 1]).append(' ').append(b.length / size).append(' ')
                    .append(hex).append(" #HUMANE [ ]\n");
        }
        Files.writeString(dir.resolve("attr-v2"), sb.toString());
        Files.write(dir.resolve("000000"), data);
    }

    static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static byte[] longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return b.array();
    }

    /** A linear-density IC directory holding {@code rfftn(delta) / N^3} of {@code delta}, as FastPM writes it. */
    static Path writeIc(Path dir, ScalarField delta, double boxAttr) throws IOException {
        int n = delta.box().n();
        Fft fft = new Fft(n, 1);
        float[] f = fft.forward(delta.data());
        ByteBuffer b = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : f) {
            b.putFloat(v / ((float) n * n * n));
        }
        block(dir.resolve("LinearDensityK"), "<c8", 1, (long) n * n * (n / 2 + 1), b.array(),
                "BoxSize", "<f8", doubles(boxAttr), "ndarray.shape", "<i8", longs(n, n, n / 2 + 1));
        return dir;
    }

    private static ScalarField randomField(Box box) {
        java.util.Random r = new java.util.Random(3);
        float[] d = new float[box.cells()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return new ScalarField(box, d);
    }

    @Test
    void linearDensityOfAnIcDirectoryIsTheFieldItWasMadeFrom(@TempDir Path tmp) throws IOException {
        Box box = new Box(50, 8);
        ScalarField delta = randomField(box);
        Path ic = writeIc(tmp.resolve("IC"), delta, 50);
        assertTrue(FastPmFiles.isLinearDensity(ic));
        assertTrue(FastPmFiles.isLinearDensity(ic.resolve("LinearDensityK")));
        assertFalse(FastPmFiles.isSnapshot(ic));
        ScalarField back = FastPmFiles.linearDensity(ic, 0, 1);
        assertEquals(box, back.box());
        for (int i = 0; i < delta.data().length; i++) {
            assertEquals(delta.data()[i], back.data()[i], 1e-5);
        }
        assertEquals(box, FastPmFiles.linearDensity(ic, 50, 1).box());
    }

    @Test
    void contradictoryBoxTruncatedDataAndBadShapeAreOneLineErrors(@TempDir Path tmp) throws IOException {
        Box box = new Box(50, 8);
        Path ic = writeIc(tmp.resolve("IC"), randomField(box), 50);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FastPmFiles.linearDensity(ic, 128, 1));
        assertTrue(e.getMessage().contains("box_size 128.0 Mpc/h contradicts the BoxSize 50.0"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        Path data = ic.resolve("LinearDensityK").resolve("000000");
        byte[] all = Files.readAllBytes(data);
        Files.write(data, java.util.Arrays.copyOf(all, all.length - 8));
        e = assertThrows(IllegalArgumentException.class, () -> FastPmFiles.linearDensity(ic, 0, 1));
        assertTrue(e.getMessage().contains("header says"), e.getMessage());

        Path odd = tmp.resolve("odd");
        block(odd.resolve("LinearDensityK"), "<c8", 1, 8L * 8 * 4, new byte[8 * 8 * 8 * 4 * 8],
                "BoxSize", "<f8", doubles(50), "ndarray.shape", "<i8", longs(8, 8, 4));
        e = assertThrows(IllegalArgumentException.class, () -> FastPmFiles.linearDensity(odd, 0, 1));
        assertTrue(e.getMessage().contains("is not the half-complex (N, N, N/2+1)"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> FastPmFiles.snapshot(tmp, 0));
    }

    @Test
    void snapshotPositionsBecomeDisplacementsByParticleId(@TempDir Path tmp) throws IOException {
        int n = 4;
        double l = 20;
        Box box = new Box(l, n);
        int np = n * n * n;
        // particles written in reverse ID order, each displaced by (0.5, -1, 2) Mpc/h with periodic wrap
        ByteBuffer pos = ByteBuffer.allocate(12 * np).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer vel = ByteBuffer.allocate(12 * np).order(ByteOrder.LITTLE_ENDIAN);
        long[] ids = new long[np];
        for (int k = 0; k < np; k++) {
            int id = np - 1 - k;
            ids[k] = id;
            double[] q = {(id / (n * n)) * box.cell(), ((id / n) % n) * box.cell(), (id % n) * box.cell()};
            double[] d = {0.5, -1, 2};
            for (int c = 0; c < 3; c++) {
                pos.putFloat((float) ((q[c] + d[c] + l) % l));
                vel.putFloat(id + c);
            }
        }
        Path snap = tmp.resolve("fastpm_1.0000");
        block(snap.resolve("1").resolve("Position"), "<f4", 3, np, pos.array());
        block(snap.resolve("1").resolve("Velocity"), "<f4", 3, np, vel.array());
        block(snap.resolve("1").resolve("ID"), "<i8", 1, np, longs(ids));
        block(snap.resolve("Header"), "<i8", 0, 0, new byte[0], "BoxSize", "<f8", doubles(l), "Time", "<f8", doubles(1.0));
        assertTrue(FastPmFiles.isSnapshot(snap));
        FastPmFiles.Snapshot s = FastPmFiles.snapshot(snap, 0);
        assertEquals(box, s.box());
        assertEquals(1.0, s.a());
        for (int i = 0; i < np; i++) {
            assertEquals(0.5, s.displacement().x()[i], 1e-5);
            assertEquals(-1, s.displacement().y()[i], 1e-5);
            assertEquals(2, s.displacement().z()[i], 1e-5);
            assertEquals(i + 1, s.velocity().y()[i], 0);
        }
        // a repeated ID is refused
        ids[1] = ids[0];
        block(snap.resolve("1").resolve("ID"), "<i8", 1, np, longs(ids));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FastPmFiles.snapshot(snap, 0));
        assertTrue(e.getMessage().contains("out of range or repeated"), e.getMessage());
    }

    /** FastPM's own files: its IC block and its linear_delta.npy are the same field; its snapshot is its .npy. */
    @Test
    void fastPmFixtureFilesAgree() {
        FastPmFixture fx = FastPmFixture.seed(101);
        ScalarField fromK = FastPmFiles.linearDensity(fx.file("IC"), FastPmFixture.BOX, 2);
        ScalarField npy = fx.linearDelta();
        double num = 0;
        double den = 0;
        for (int i = 0; i < npy.data().length; i++) {
            num += Math.pow(fromK.data()[i] - npy.data()[i], 2);
            den += Math.pow(npy.data()[i], 2);
        }
        assertTrue(Math.sqrt(num / den) < 1e-6, "IC/LinearDensityK vs linear_delta.npy: " + Math.sqrt(num / den));

        FastPmFiles.Snapshot s = FastPmFiles.snapshot(fx.file("fastpm_1.0000"), 0);
        assertEquals(1.0, s.a());
        assertEquals(0.01, s.rsdFactor(), 1e-12);
        VectorField disp = fx.vector("fastpm_a1.0000.npy");
        VectorField vel = fx.vector("fastpm_a1.0000_velocity.npy");
        for (int d = 0; d < 3; d++) {
            assertArrayEquals(disp.c()[d], s.displacement().c()[d], 2e-5f);
            assertArrayEquals(vel.c()[d], s.velocity().c()[d], 1e-3f);
        }
    }
}
