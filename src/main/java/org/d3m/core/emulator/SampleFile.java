package org.d3m.core.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;

/**
 * One sample on disk, little-endian: magic "D3MS", int version (2), int grid n, double box size
 * [Mpc/h], long seed, int field count (2 or 3), int m, then m bytes of UTF-8 JSON with the sample's
 * parameters ({@link Sample#params}, e.g. {@code {"omega_m":0.3,"a_s":2.1e-9,"redshift":0.5,...}}),
 * then the fields ZA, target[, 2LPT], each 3 components of n^3 float32 [Mpc/h] in the box's C
 * order. Version 1 (no m and no parameters) is still read. Written atomically.
 */
public final class SampleFile {

    static final int MAGIC = 0x534d3344; // "D3MS" little-endian
    static final int VERSION = 2;
    static final int HEADER_V1 = 4 + 4 + 4 + 8 + 8 + 4;
    static final int HEADER = HEADER_V1 + 4;

    private SampleFile() {
    }

    /** Bytes of the fixed header, which {@link #header(byte[], long, String)} reads. */
    public static final int HEADER_BYTES = HEADER;

    /**
     * Header of a sample file; {@code paramBytes} is the length of the parameters' JSON (0 in version 1).
     */
    public record Header(int n, double boxSize, long seed, int fields, int version, int paramBytes) {
        /** Where the fields start [bytes]. */
        public long dataOffset() {
            return (version == 1 ? HEADER_V1 : HEADER) + (long) paramBytes;
        }

        /** The size [bytes] of a complete file with this header. */
        public long expectedSize() {
            return dataOffset() + (long) fields * 3 * n * n * n * 4;
        }
    }

    /** Writes {@code s} (with its lpt2 field if not null) atomically. */
    public static void write(Path file, long seed, Sample s) {
        AtomicFiles.write(file, out -> write(out, seed, s));
    }

    /**
     * Writes the bytes of the sample file of {@code s} to a stream (the caller makes the write atomic,
     * as {@link #write(Path, long, Sample)} does; the Spark jobs write through a Hadoop committer).
     */
    public static void write(OutputStream out, long seed, Sample s) throws IOException {
        Box box = s.za().box();
        int fields = s.lpt2() == null ? 2 : 3;
        VectorField[] vs = fields == 2 ? new VectorField[] {s.za(), s.target()}
                : new VectorField[] {s.za(), s.target(), s.lpt2()};
        for (int f = 0; f < fields; f++) {
            for (int a = 0; a < 3; a++) {
                int i = firstNonFinite(vs[f].c()[a], 0, vs[f].c()[a].length);
                if (i >= 0) {
                    throw new IllegalArgumentException("the sample of seed " + seed + " came out with a non-finite value in"
                            + " its " + FIELDS[f] + " field (component " + a + ", index " + i + "); nothing was written");
                }
            }
        }
        byte[] params = Dataset.GSON_COMPACT.toJson(s.params()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(MAGIC).putInt(VERSION).putInt(box.n()).putDouble(box.size()).putLong(seed).putInt(fields)
                .putInt(params.length);
        out.write(h.array());
        out.write(params);
        ByteBuffer b = ByteBuffer.allocate(box.cells() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (VectorField v : vs) {
            for (float[] c : v.c()) {
                b.clear();
                b.asFloatBuffer().put(c);
                out.write(b.array());
            }
        }
    }

    /** Reads the header; throws IllegalArgumentException if the file is not a complete sample file. */
    public static Header header(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h) >= 0) {
                // fill
            }
            return header(java.util.Arrays.copyOf(h.array(), h.position()), ch.size(), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read sample file " + file + ": " + e.getMessage());
        }
    }

    /**
     * The header of a sample file from its first bytes ({@link #HEADER_BYTES}, or fewer when the file is
     * shorter) and its size [bytes]; IllegalArgumentException, naming {@code where}, if it is not a
     * complete sample file.
     */
    public static Header header(byte[] head, long size, String where) {
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (h.remaining() < HEADER_V1 || h.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a D3M sample file: " + where);
        }
        int version = h.getInt();
        if (version != 1 && version != VERSION) {
            throw new IllegalArgumentException("unsupported sample file version: " + where);
        }
        int n = h.getInt();
        double boxSize = h.getDouble();
        long seed = h.getLong();
        int fields = h.getInt();
        if (version > 1 && h.remaining() < 4) {
            throw new IllegalArgumentException("incomplete or corrupt sample file: " + where);
        }
        int paramBytes = version == 1 ? 0 : h.getInt();
        Header hd = new Header(n, boxSize, seed, fields, version, paramBytes);
        if (hd.n() < 2 || hd.fields() < 2 || hd.fields() > 3 || paramBytes < 0 || paramBytes > (1 << 20)
                || size != hd.expectedSize()) {
            throw new IllegalArgumentException("incomplete or corrupt sample file: " + where);
        }
        return hd;
    }

    /** What the fields of a sample file hold, in file order. */
    static final String[] FIELDS = {"ZA (input)", "target", "2LPT"};

    /** The index of the first NaN or infinity in {@code v[from, to)}, or -1. */
    static int firstNonFinite(float[] v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * True if every value of the fields of a complete sample file is finite (read in blocks, nothing kept):
     * make-dataset's resume remakes a file whose header is intact but whose data are not.
     */
    public static boolean isFinite(Path file) {
        Header h = header(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(h.dataOffset());
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[b.capacity() / 4];
            while (ch.read(b) >= 0) {
                b.flip();
                int k = b.remaining() / 4;
                b.asFloatBuffer().get(v, 0, k);
                if (firstNonFinite(v, 0, k) >= 0) {
                    return false;
                }
                b.position(k * 4);
                b.compact();
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample file " + file + ": " + e.getMessage(), e);
        }
    }

    /** True if {@code file} is a complete sample file of {@code seed}. */
    public static boolean isComplete(Path file, long seed) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return header(file).seed() == seed;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The parameters recorded in a sample file, from its first bytes ({@link #HEADER_BYTES} plus
     * {@code h.paramBytes()}, e.g. read from a Hadoop file system); empty for version 1 files.
     */
    public static java.util.Map<String, Double> params(byte[] head, Header h, String where) {
        if (h.paramBytes() == 0) {
            return java.util.Map.of();
        }
        if (head.length < HEADER + h.paramBytes()) {
            throw new IllegalArgumentException("incomplete or corrupt sample file: " + where);
        }
        return parseParams(new String(head, HEADER, h.paramBytes(), java.nio.charset.StandardCharsets.UTF_8), where);
    }

    private static java.util.Map<String, Double> parseParams(String json, Object where) {
        try {
            java.util.Map<String, Double> m = Dataset.GSON_COMPACT.fromJson(json, PARAMS_TYPE);
            return m == null ? java.util.Map.of() : m;
        } catch (com.google.gson.JsonParseException e) {
            throw new IllegalArgumentException("corrupt parameters in sample file " + where + ": " + e.getMessage());
        }
    }

    /** The parameters recorded in a sample file (empty for version 1 files). */
    public static java.util.Map<String, Double> params(Path file) {
        Header h = header(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readParams(ch, h, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a whole sample. */
    public static Sample read(Path file) {
        Header h = header(file);
        Box box = new Box(h.boxSize(), h.n());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            java.util.Map<String, Double> params = readParams(ch, h, file);
            ch.position(h.dataOffset());
            ByteBuffer b = ByteBuffer.allocate(box.cells() * 4).order(ByteOrder.LITTLE_ENDIAN);
            VectorField[] vs = new VectorField[h.fields()];
            for (int f = 0; f < h.fields(); f++) {
                float[][] c = new float[3][box.cells()];
                for (int a = 0; a < 3; a++) {
                    b.clear();
                    while (b.hasRemaining()) {
                        if (ch.read(b) < 0) {
                            throw new IllegalArgumentException("truncated sample file: " + file);
                        }
                    }
                    b.flip();
                    b.asFloatBuffer().get(c[a]);
                    int i = firstNonFinite(c[a], 0, c[a].length);
                    if (i >= 0) {
                        throw new IllegalArgumentException("sample file " + file + " has a non-finite value in its "
                                + FIELDS[f] + " field (component " + a + ", index " + i + "): the file is corrupt;"
                                + " delete it and run make-dataset again with the same settings to remake it");
                    }
                }
                vs[f] = new VectorField(box, c);
            }
            return new Sample(vs[0], vs[1], h.fields() == 3 ? vs[2] : null, params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample file " + file + ": " + e.getMessage(), e);
        }
    }

    private static java.util.Map<String, Double> readParams(FileChannel ch, Header h, Path file) throws IOException {
        if (h.paramBytes() == 0) {
            return java.util.Map.of();
        }
        ByteBuffer p = ByteBuffer.allocate(h.paramBytes());
        ch.position(HEADER);
        while (p.hasRemaining()) {
            if (ch.read(p) < 0) {
                throw new IllegalArgumentException("truncated sample file: " + file);
            }
        }
        return parseParams(new String(p.array(), java.nio.charset.StandardCharsets.UTF_8), file);
    }

    private static final java.lang.reflect.Type PARAMS_TYPE =
            new com.google.gson.reflect.TypeToken<java.util.LinkedHashMap<String, Double>>() { }.getType();
}
