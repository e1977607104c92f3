package org.d3m.core.emulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d3m.core.field.Box;

/**
 * A training set on disk: one {@link SampleFile} per seed plus {@code index.json} (format, base
 * seed, count, grid, box size [Mpc/h], spacing [Mpc/h], free metadata such as the cosmology and the
 * command that made it, and per sample its seed, split and file). Samples are read one at a time,
 * so training streams them without holding the set in memory.
 *
 * <p>Split by seed: sample i (seed = baseSeed + i) is "train" for i mod 10 in 0..7, "val" for 8 and
 * "test" for 9, i.e. 80/10/10.
 */
public final class Dataset {

    /** Index file name. */
    public static final String INDEX = "index.json";
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    /** One-line JSON (sample parameters). */
    static final Gson GSON_COMPACT = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /**
     * One sample's entry in the index; {@code params} are the sample's parameters ({@link Sample#params}:
     * its cosmology and redshift), null for entries written before they were recorded.
     */
    public record Entry(long seed, String split, String file, Map<String, Double> params) {
        /** An entry without parameters. */
        public Entry(long seed, String split, String file) {
            this(seed, split, file, null);
        }
    }

    /** The index file content. */
    record Index(String format, int version, long baseSeed, int count, int grid, double boxSize, double spacing,
            Map<String, String> meta, List<Entry> samples) {
    }

    private final Path dir;
    private final Index index;

    private Dataset(Path dir, Index index) {
        this.dir = dir;
        this.index = index;
    }

    /** Split of sample number i (0-based): train, val or test. */
    public static String splitOf(long i) {
        long r = Math.floorMod(i, 10L);
        return r < 8 ? "train" : r == 8 ? "val" : "test";
    }

    /** File name of the sample of {@code seed}. */
    public static String fileName(long seed) {
        return "sample-" + seed + ".d3ms";
    }

    /** Opens the dataset in {@code dir}; IllegalArgumentException if its index is missing or invalid. */
    public static Dataset open(Path dir) {
        Path f = dir.resolve(INDEX);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("no dataset index " + f + " (run make-dataset first, or finish it)");
        }
        String json;
        try {
            json = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt dataset index " + f + ": " + e.getMessage());
        }
        return new Dataset(dir, parseIndex(json, f.toString()).index);
    }

    static Dataset create(Path dir, long baseSeed, Box box, Map<String, String> meta, List<Entry> samples) {
        Index idx = index(baseSeed, box, meta, samples);
        AtomicFiles.writeString(dir.resolve(INDEX), GSON.toJson(idx));
        return new Dataset(dir, idx);
    }

    private static Index index(long baseSeed, Box box, Map<String, String> meta, List<Entry> samples) {
        return new Index("d3m-dataset", 1, baseSeed, samples.size(), box.n(), box.size(), box.cell(),
                new LinkedHashMap<>(meta), new ArrayList<>(samples));
    }

    /**
     * The text of {@code index.json} for these samples, exactly as {@link DatasetBuilder#build} writes it
     * (for writers on other file systems, such as the Spark job).
     */
    public static String indexJson(long baseSeed, Box box, Map<String, String> meta, List<Entry> samples) {
        return GSON.toJson(index(baseSeed, box, meta, samples));
    }

    /**
     * A dataset index read from text ({@code where} names it in messages), for its base seed, box, metadata
     * and entries; {@link #dir()} is null and {@link #read} unavailable.
     */
    public static Dataset parseIndex(String json, String where) {
        Index idx;
        try {
            idx = GSON.fromJson(json, Index.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("corrupt dataset index " + where + ": " + e.getMessage());
        }
        if (idx == null || !"d3m-dataset".equals(idx.format()) || idx.samples() == null || idx.grid() < 4) {
            throw new IllegalArgumentException("not a D3M dataset index: " + where);
        }
        return new Dataset(null, idx);
    }

    public Path dir() {
        return dir;
    }

    /** The samples' box: grid and size [Mpc/h]. */
    public Box box() {
        return new Box(index.boxSize(), index.grid());
    }

    public long baseSeed() {
        return index.baseSeed();
    }

    /** Free metadata (cosmology, command, ...). */
    public Map<String, String> meta() {
        return index.meta() == null ? Map.of() : Map.copyOf(index.meta());
    }

    public List<Entry> entries() {
        return List.copyOf(index.samples());
    }

    /** Entries of one split ("train", "val" or "test"), in seed order. */
    public List<Entry> split(String split) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : index.samples()) {
            if (e.split().equals(split)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Reads one sample from disk, checking that it matches the index. */
    public Sample read(Entry e) {
        Path f = dir.resolve(e.file());
        SampleFile.Header h = SampleFile.header(f);
        if (h.seed() != e.seed() || h.n() != index.grid()) {
            throw new IllegalArgumentException("sample file " + f + " does not match the index");
        }
        return SampleFile.read(f);
    }
}
