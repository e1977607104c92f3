package org.d3m.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * NumPy {@code .npy} files of float32 fields, readable by {@code numpy.load} with no options.
 *
 * <p><b>Written:</b> format 1.0 (2.0 only if the header would exceed 65535 bytes), dtype
 * {@code '<f4'} (little-endian float32), {@code fortran_order: False}. A scalar field has shape
 * (n, n, n) and a vector field (3, n, n, n), in axis order (x, y, z): our C-order layout (z
 * fastest) is numpy's, so no transpose happens and {@code a[ix, iy, iz]} is the value at grid
 * point (ix, iy, iz); {@code v[c]} is component c. The header is the dict
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (...), }} padded with spaces and a
 * final newline so that the data start at a multiple of 64 bytes, exactly as numpy writes it.
 *
 * <p><b>Read:</b> format 1.0, 2.0 and 3.0 headers; dtypes {@code <f4, >f4, <f8, >f8} (float64 is
 * rounded to float); C order only (a Fortran-order file is refused with a clear message).
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int CHUNK = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Writes a scalar field as a float32 array of shape (n, n, n), atomically. */
    public static void write(Path p, ScalarField f) throws IOException {
        int n = f.box().n();
        writeFloats(p, new int[] {n, n, n}, f.data());
    }

    /** Writes a vector field as a float32 array of shape (3, n, n, n), atomically. */
    public static void write(Path p, VectorField v) throws IOException {
        int n = v.box().n();
        writeFloats(p, new int[] {3, n, n, n}, v.c());
    }

    /**
     * Writes {@code parts}, concatenated, as one float32 C-order array of the given shape,
     * atomically.
     */
    public static void writeFloats(Path p, int[] shape, float[]... parts) throws IOException {
        long count = count(shape);
        long have = 0;
        for (float[] part : parts) {
            have += part.length;
        }
        if (have != count) {
            throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " needs " + count
                    + " values, got " + have);
        }
        byte[] header = header(shape);
        AtomicFiles.write(p, out -> {
            out.write(header);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] part : parts) {
                for (int i = 0; i < part.length; ) {
                    int m = Math.min(part.length - i, CHUNK / Float.BYTES);
                    buf.clear();
                    buf.asFloatBuffer().put(part, i, m);
                    out.write(buf.array(), 0, m * Float.BYTES);
                    i += m;
                }
            }
        });
    }

    /** The complete header (magic, version, length, padded dict) numpy writes for a '&lt;f4' array. */
    public static byte[] header(int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i > 0 ? ", " : "").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }";
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        boolean v2 = 10 + text.length + 1 + ALIGN > 65535;
        int prefix = v2 ? 12 : 10;
        // numpy's rule: 1..64 spaces, then '\n', so that prefix + header is a multiple of 64.
        int pad = ALIGN - ((prefix + text.length + 1) % ALIGN);
        int hlen = text.length + pad + 1;
        ByteBuffer b = ByteBuffer.allocate(prefix + hlen).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (v2 ? 2 : 1)).put((byte) 0);
        if (v2) {
            b.putInt(hlen);
        } else {
            b.putShort((short) hlen);
        }
        b.put(text);
        for (int i = 0; i < pad; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    /** The shape of an npy array, from its header alone (the data are not read). */
    public static int[] readShape(Path p) throws IOException {
        try (FileChannel ch = open(p)) {
            return readHeader(ch, p).shape.clone();
        }
    }

    /** Reads any supported npy array (see the class doc) into floats. */
    public static NpyArray read(Path p) throws IOException {
        try (FileChannel ch = open(p)) {
            Header h = readHeader(ch, p);
            long count = count(h.shape);
            if (count > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException(p + " holds " + count + " values, too many for one Java array");
            }
            MemoryCheck.require(MemoryCheck.floatArrays(1, count), "reading " + p.getFileName());
            float[] data = new float[(int) count];
            readData(ch, h, p, data);
            return new NpyArray(h.shape, data);
        }
    }

    /** Reads a scalar field from an (n, n, n) array; the box side is {@code boxSize} [Mpc/h]. */
    public static ScalarField readScalar(Path p, double boxSize) throws IOException {
        try (FileChannel ch = open(p)) {
            Header h = readHeader(ch, p);
            int[] s = h.shape;
            if (s.length != 3 || s[0] != s[1] || s[0] != s[2]) {
                throw new IllegalArgumentException(p + " has shape " + shape(s)
                        + ", a scalar field needs a cube (n, n, n)");
            }
            Box box = new Box(boxSize, s[0]);
            MemoryCheck.require(MemoryCheck.floatArrays(1, box.cells()), "reading " + p.getFileName());
            ScalarField f = ScalarField.zeros(box);
            readData(ch, h, p, f.data());
            return f;
        }
    }

    /** Reads a vector field from a (3, n, n, n) array; the box side is {@code boxSize} [Mpc/h]. */
    public static VectorField readVector(Path p, double boxSize) throws IOException {
        try (FileChannel ch = open(p)) {
            Header h = readHeader(ch, p);
            int[] s = h.shape;
            if (s.length != 4 || s[0] != 3 || s[1] != s[2] || s[1] != s[3]) {
                throw new IllegalArgumentException(p + " has shape " + shape(s)
                        + ", a vector field needs (3, n, n, n)");
            }
            Box box = new Box(boxSize, s[1]);
            MemoryCheck.require(MemoryCheck.floatArrays(3, box.cells()), "reading " + p.getFileName());
            VectorField v = VectorField.zeros(box);
            readData(ch, h, p, v.c());
            return v;
        }
    }

    private static FileChannel open(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("cannot read " + p + ": no such file");
        }
        return FileChannel.open(p, StandardOpenOption.READ);
    }

    /** What the header says, and where the data start. */
    private record Header(int[] shape, ByteOrder order, int itemSize, long dataStart) {
    }

    private static Header readHeader(FileChannel ch, Path p) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, pre, p, "header");
        byte[] magic = new byte[6];
        pre.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException(p + " is not a .npy file (bad magic bytes)");
        }
        int major = pre.get() & 0xff;
        pre.get(); // minor version: no format difference we need
        long hlen;
        int prefix;
        if (major == 1) {
            hlen = pre.getShort() & 0xffff;
            prefix = 10;
        } else if (major == 2 || major == 3) {
            hlen = pre.getInt() & 0xffffffffL;
            prefix = 12;
        } else {
            throw new IllegalArgumentException(p + " uses npy format version " + major + ", only 1, 2 and 3 are supported");
        }
        if (hlen > 1 << 24) {
            throw new IllegalArgumentException(p + " has an implausible npy header length " + hlen);
        }
        ByteBuffer hb = ByteBuffer.allocate((int) hlen);
        ch.position(prefix);
        readFully(ch, hb, p, "header");
        String dict = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict);
        Matcher f = FORTRAN.matcher(dict);
        Matcher s = SHAPE.matcher(dict);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IllegalArgumentException(p + " has an npy header without descr, fortran_order and shape: " + dict.trim());
        }
        if (f.group(1).equals("True")) {
            throw new IllegalArgumentException(p + " is stored in Fortran order; save it in C order "
                    + "(numpy.ascontiguousarray) and try again");
        }
        String descr = d.group(1);
        ByteOrder order;
        int item;
        switch (descr) {
            case "<f4" -> { order = ByteOrder.LITTLE_ENDIAN; item = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; item = 4; }
            case "<f8" -> { order = ByteOrder.LITTLE_ENDIAN; item = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; item = 8; }
            default -> throw new IllegalArgumentException(p + " has dtype '" + descr
                    + "'; only float32 ('<f4') and float64 ('<f8') are supported");
        }
        int[] shape = parseShape(s.group(1), p);
        long start = prefix + hlen;
        long need = start + count(shape) * item;
        if (ch.size() != need) {
            throw new IllegalArgumentException(p + " has " + ch.size() + " bytes but its header (shape "
                    + shape(shape) + ", " + descr + ") needs " + need + (ch.size() < need ? " (truncated?)" : ""));
        }
        return new Header(shape, order, item, start);
    }

    private static int[] parseShape(String text, Path p) {
        String[] parts = text.split(",");
        int count = 0;
        int[] dims = new int[parts.length];
        for (String part : parts) {
            String t = part.trim();
            if (t.endsWith("L")) {
                t = t.substring(0, t.length() - 1); // Python 2 longs
            }
            if (t.isEmpty()) {
                continue;
            }
            try {
                dims[count++] = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(p + " has an unreadable npy shape (" + text + ")");
            }
        }
        return Arrays.copyOf(dims, count);
    }

    private static void readData(FileChannel ch, Header h, Path p, float[]... targets) throws IOException {
        ch.position(h.dataStart);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(h.order);
        for (float[] t : targets) {
            int i = 0;
            while (i < t.length) {
                int m = Math.min(t.length - i, CHUNK / h.itemSize);
                buf.clear().limit(m * h.itemSize);
                readFully(ch, buf, p, "data");
                if (h.itemSize == 4) {
                    buf.asFloatBuffer().get(t, i, m);
                } else {
                    var d = buf.asDoubleBuffer();
                    for (int j = 0; j < m; j++) {
                        t[i + j] = (float) d.get(j);
                    }
                }
                i += m;
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, Path p, String part) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IllegalArgumentException(p + " ends inside its npy " + part + " (truncated file?)");
            }
        }
        b.flip();
    }

    private static long count(int[] shape) {
        long c = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative npy dimension in " + shape(shape));
            }
            c = Math.multiplyExact(c, (long) s);
        }
        return c;
    }

    private static String shape(int[] s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) {
            b.append(i > 0 ? ", " : "").append(s[i]);
        }
        return b.append(s.length == 1 ? ",)" : ")").toString();
    }
}
