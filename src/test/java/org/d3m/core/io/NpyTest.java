package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    private static float[] random(int size, long seed) {
        Random r = new Random(seed);
        float[] f = new float[size];
        for (int i = 0; i < size; i++) {
            f[i] = (float) r.nextGaussian();
        }
        return f;
    }

    /** Builds an npy file by hand: any version, dict text and payload. */
    private static byte[] npy(int major, String dict, byte[] payload) {
        int prefix = major == 1 ? 10 : 12;
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        int pad = 64 - ((prefix + text.length + 1) % 64);
        int hlen = text.length + pad + 1;
        ByteBuffer b = ByteBuffer.allocate(prefix + hlen + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) hlen);
        } else {
            b.putInt(hlen);
        }
        b.put(text);
        for (int i = 0; i < pad; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n').put(payload);
        return b.array();
    }

    @Test
    void headerBytesAreExactlyNumpys() throws IOException {
        Box box = new Box(10, 2);
        float[] v = {0, 1, 2, 3, 4, 5, 6, 7};
        Path p = dir.resolve("cube.npy");
        Npy.write(p, new ScalarField(box, v));
        byte[] bytes = Files.readAllBytes(p);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }";
        assertEquals(128 + 8 * 4, bytes.length, "header padded to 128 bytes, then 8 floats");
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0},
                java.util.Arrays.copyOf(bytes, 10), "magic, version 1.0, header length 118 (LE)");
        assertEquals(dict, new String(bytes, 10, dict.length(), StandardCharsets.ISO_8859_1));
        for (int i = 10 + dict.length(); i < 127; i++) {
            assertEquals(' ', bytes[i], "padding at " + i);
        }
        assertEquals('\n', bytes[127]);
        ByteBuffer data = ByteBuffer.wrap(bytes, 128, 32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            assertEquals(i, data.getFloat(), "C order: x slowest, z fastest");
        }
        assertEquals(0, Npy.header(new int[] {3, 64, 64, 64}).length % 64);
        assertTrue(new String(Npy.header(new int[] {5}), StandardCharsets.ISO_8859_1).contains("'shape': (5,), }"));
    }

    @Test
    void scalarAndVectorRoundTrip() throws IOException {
        Box box = new Box(128, 8);
        ScalarField f = new ScalarField(box, random(box.cells(), 1));
        Path ps = dir.resolve("delta.npy");
        Npy.write(ps, f);
        ScalarField g = Npy.readScalar(ps, 128);
        assertEquals(box, g.box());
        assertArrayEquals(f.data(), g.data());

        VectorField v = new VectorField(box, new float[][] {random(box.cells(), 2), random(box.cells(), 3), random(box.cells(), 4)});
        Path pv = dir.resolve("psi.npy");
        Npy.write(pv, v);
        VectorField w = Npy.readVector(pv, 128);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(v.c()[c], w.c()[c], "component " + c);
        }
        NpyArray raw = Npy.read(pv);
        assertArrayEquals(new int[] {3, 8, 8, 8}, raw.shape());
        assertEquals(v.c()[1][5], raw.data()[box.cells() + 5], "component 1 follows component 0");
        assertTrue(Files.list(dir).noneMatch(x -> x.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void readsVersion2HeadersFloat64AndBigEndian() throws IOException {
        double[] d = {1.5, -2.25, 3.0e-3, 7, 1e30, -0.0, 1.0 / 3, 8};
        ByteBuffer le = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer be = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        for (double x : d) {
            le.putDouble(x);
            be.putDouble(x);
        }
        Path p8 = dir.resolve("f8.npy");
        Files.write(p8, npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2), }", le.array()));
        NpyArray a = Npy.read(p8);
        assertArrayEquals(new int[] {2, 2, 2}, a.shape());
        for (int i = 0; i < d.length; i++) {
            assertEquals((float) d[i], a.data()[i]);
        }
        Path pb = dir.resolve("be.npy");
        Files.write(pb, npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (8,), }", be.array()));
        assertEquals((float) (1.0 / 3), Npy.read(pb).data()[6]);
        ScalarField s = Npy.readScalar(p8, 50);
        assertEquals(new Box(50, 2), s.box());
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        Path bad = dir.resolve("bad.npy");
        Files.write(bad, "not numpy at all, just text".getBytes(StandardCharsets.US_ASCII));
        assertMessage(bad, "bad magic");

        Path fortran = dir.resolve("fortran.npy");
        Files.write(fortran, npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2, 2), }", new byte[32]));
        assertMessage(fortran, "Fortran order");

        Path ints = dir.resolve("ints.npy");
        Files.write(ints, npy(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2, 2), }", new byte[32]));
        assertMessage(ints, "<i4");

        Path truncated = dir.resolve("short.npy");
        Files.write(truncated, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }", new byte[20]));
        assertMessage(truncated, "truncated");

        Path flat = dir.resolve("flat.npy");
        Files.write(flat, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), }", new byte[32]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.readScalar(flat, 10));
        assertTrue(e.getMessage().contains("(2, 4)") && e.getMessage().contains("(n, n, n)"), e.getMessage());
        Path cube = dir.resolve("cube.npy");
        Npy.write(cube, ScalarField.zeros(new Box(10, 2)));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.readVector(cube, 10));
        assertTrue(e.getMessage().contains("(3, n, n, n)"), e.getMessage());
        Path odd = dir.resolve("odd.npy");
        Files.write(odd, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3, 3), }", new byte[108]));
        assertThrows(IllegalArgumentException.class, () -> Npy.readScalar(odd, 10), "odd grids are refused by Box");
        assertThrows(IllegalArgumentException.class, () -> Npy.read(dir.resolve("missing.npy")));
    }

    private static void assertMessage(Path p, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains(p.getFileName().toString()), "names the file: " + e.getMessage());
    }
}
