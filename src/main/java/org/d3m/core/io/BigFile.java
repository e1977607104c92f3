package org.d3m.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of one block of a bigfile (the format the C FastPM writes; github.com/rainwoodman/bigfile).
 * A block is a directory holding
 * <ul>
 *   <li>{@code header}: text lines {@code DTYPE: <f4}, {@code NMEMB: 3}, {@code NFILE: 1}, then one
 *   line per data file {@code 000000: items : checksum : sysv} (hexadecimal file names);</li>
 *   <li>{@code attr-v2}: one attribute per line, {@code name dtype count HEXBYTES #HUMANE [ ... ]};</li>
 *   <li>the data files: items of NMEMB members each, raw, in the dtype's byte order.</li>
 * </ul>
 * Only little-endian numeric dtypes ({@code <f4 <f8 <i4 <i8 <u4 <u8 <c8 <c16}) and byte strings
 * ({@code <S1}) are read. Problems are one-line {@link IllegalArgumentException}s naming the block.
 */
public final class BigFile {

    /** One attribute: its dtype and raw little-endian bytes. */
    public record Attribute(String dtype, int count, byte[] bytes) {

        /** The values as doubles (numeric dtypes). */
        public double[] doubles() {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = switch (dtype.substring(1)) {
                    case "f8" -> b.getDouble();
                    case "f4" -> b.getFloat();
                    case "i8", "u8" -> b.getLong();
                    case "i4", "u4" -> b.getInt();
                    default -> throw new IllegalArgumentException("attribute of dtype " + dtype + " is not numeric");
                };
            }
            return v;
        }

        /** The value as text ({@code S1} strings). */
        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Path dir;
    private final String dtype;
    private final int members;
    private final long[] fileItems;
    private final Map<String, Attribute> attributes;

    private BigFile(Path dir, String dtype, int members, long[] fileItems, Map<String, Attribute> attributes) {
        this.dir = dir;
        this.dtype = dtype;
        this.members = members;
        this.fileItems = fileItems;
        this.attributes = attributes;
    }

    /** True when {@code dir} looks like a bigfile block (a directory with a {@code header} file). */
    public static boolean isBlock(Path dir) {
        return Files.isRegularFile(dir.resolve("header"));
    }

    /** Opens the block in {@code dir}: reads its header and attributes (not yet its data). */
    public static BigFile open(Path dir) {
        if (!isBlock(dir)) {
            throw new IllegalArgumentException(dir + " is not a bigfile block (no header file)");
        }
        String dtype = null;
        int members = -1;
        List<Long> items = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("header"))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "DTYPE" -> dtype = value;
                    case "NMEMB" -> members = Integer.parseInt(value);
                    case "NFILE" -> { }
                    default -> items.add(Long.parseLong(value.split(":")[0].trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read bigfile header " + dir.resolve("header") + ": " + e.getMessage());
        }
        if (dtype == null || members < 0) {
            throw new IllegalArgumentException("bigfile header " + dir.resolve("header") + " lacks DTYPE or NMEMB");
        }
        long[] fileItems = items.stream().mapToLong(Long::longValue).toArray();
        return new BigFile(dir, dtype, members, fileItems, readAttributes(dir.resolve("attr-v2")));
    }

    private static Map<String, Attribute> readAttributes(Path file) {
        Map<String, Attribute> map = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return map;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String[] t = line.trim().split("\\s+");
                if (t.length < 4 || t[0].isEmpty()) {
                    continue;
                }
                int count = Integer.parseInt(t[2]);
                String hex = t[3];
                byte[] bytes = new byte[hex.length() / 2];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
                }
                map.put(t[0], new Attribute(t[1], count, bytes));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read bigfile attributes " + file + ": " + e.getMessage());
        }
        return map;
    }

    public Path dir() {
        return dir;
    }

    /** The dtype, for example {@code <f4}. */
    public String dtype() {
        return dtype;
    }

    /** Members per item (3 for a position). */
    public int members() {
        return members;
    }

    /** Total number of items over all data files. */
    public long size() {
        long s = 0;
        for (long f : fileItems) {
            s += f;
        }
        return s;
    }

    /** The attribute {@code name}, or null. */
    public Attribute attribute(String name) {
        return attributes.get(name);
    }

    /** The numeric attribute {@code name}, or null when absent. */
    public double[] doubles(String name) {
        Attribute a = attributes.get(name);
        return a == null ? null : a.doubles();
    }

    /** Bytes per member of the dtype. */
    int memberBytes() {
        if (!dtype.startsWith("<") && !dtype.startsWith("|")) {
            throw new IllegalArgumentException(dir + ": only little-endian bigfile data is supported, found dtype " + dtype);
        }
        return switch (dtype.substring(1)) {
            case "f4", "i4", "u4" -> 4;
            case "f8", "i8", "u8", "c8" -> 8;
            case "c16" -> 16;
            default -> throw new IllegalArgumentException(dir + ": unsupported bigfile dtype " + dtype);
        };
    }

    /**
     * All data of the block, concatenated over its files, little-endian, positioned at 0. Each
     * file's size must match the header. Limited to 2 GB.
     */
    public ByteBuffer readAll() {
        long bytesPerItem = (long) memberBytes() * members;
        long total = size() * bytesPerItem;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(dir + ": block of " + total + " bytes is too large to read at once");
        }
        ByteBuffer all = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < fileItems.length; f++) {
            Path file = dir.resolve(String.format("%06X", f));
            long expect = fileItems[f] * bytesPerItem;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (ch.size() != expect) {
                    throw new IllegalArgumentException("bigfile data " + file + " has " + ch.size()
                            + " bytes, its header says " + expect);
                }
                ByteBuffer slice = all.slice(all.position(), (int) expect);
                while (slice.hasRemaining()) {
                    if (ch.read(slice) < 0) {
                        throw new IllegalArgumentException("bigfile data " + file + " ended early");
                    }
                }
                all.position(all.position() + (int) expect);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read bigfile data " + file + ": " + e.getMessage());
            }
        }
        all.position(0);
        return all;
    }
}
