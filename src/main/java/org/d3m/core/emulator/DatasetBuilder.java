package org.d3m.core.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.d3m.core.field.Box;
import org.d3m.core.io.FolderLock;
import org.d3m.core.progress.Progress;

/**
 * Generates a {@link Dataset}: sample i has seed baseSeed + i and the split of
 * {@link Dataset#splitOf}; every sample keeps its 2LPT field (the conditioned emulator learns the
 * correction to it), and the index records each sample's parameters. Resumable: complete
 * sample files already present are skipped (each is written atomically, so a killed run leaves
 * only complete files), unless a value in them is not finite (a corrupted file), which is made again.
 * Cancelling through the progress stops between samples (or within FastPM's steps) with
 * {@link Progress.StoppedException}; the samples made so far stay. The index is written at the end.
 * One run per folder: the folder is locked ({@link FolderLock}) while samples are made, and a folder
 * holding a dataset with another base seed or other settings is refused.
 */
public final class DatasetBuilder {

    /**
     * Metadata keys that describe a run rather than the data (what, version, time, command,
     * threads, how many samples, where): they may differ when a dataset is extended.
     */
    static final Set<String> NOT_SETTINGS = Set.of("what", "version", "created", "command", "threads", "samples",
            "output_dir");

    private DatasetBuilder() {
    }

    /** {@link #build(Path, int, long, SampleSource, Map, Progress)} without metadata. */
    public static Dataset build(Path dir, int count, long baseSeed, SampleSource source, Progress progress) {
        return build(dir, count, baseSeed, source, Map.of(), progress);
    }

    /**
     * Makes (or completes) {@code count} samples in {@code dir}.
     *
     * @param meta free metadata for the index, e.g. cosmology parameters and the generating command
     */
    public static Dataset build(Path dir, int count, long baseSeed, SampleSource source, Map<String, String> meta,
            Progress progress) {
        if (count < 1) {
            throw new IllegalArgumentException("sample count must be >= 1, got " + count);
        }
        if (baseSeed > Long.MAX_VALUE - count) {
            throw new IllegalArgumentException("base seed too large: " + baseSeed);
        }
        if (source == null || dir == null) {
            throw new IllegalArgumentException("dataset folder and sample source are required");
        }
        requireSameDataset(dir, baseSeed, meta);
        try (FolderLock lock = FolderLock.acquire(dir)) {
            requireSameDataset(dir, baseSeed, meta); // again under the lock: another run may have finished meanwhile
            return make(dir, count, baseSeed, source, meta, progress);
        }
    }

    /**
     * Refuses to add to a dataset in {@code dir} made with another base seed or other settings:
     * every key the existing index's metadata records, except those of {@link #NOT_SETTINGS}, must
     * have the same value in {@code meta} when {@code meta} has it (so a setting recorded later,
     * such as a new generator key, is compared as soon as both runs record it).
     */
    static void requireSameDataset(Path dir, long baseSeed, Map<String, String> meta) {
        if (!Files.isRegularFile(dir.resolve(Dataset.INDEX))) {
            return;
        }
        requireSameDataset(Dataset.open(dir), dir.toString(), baseSeed, meta);
    }

    /**
     * {@link #requireSameDataset(Path, long, Map)} for an index already read ({@link Dataset#parseIndex}),
     * e.g. from a Hadoop file system; {@code where} names the folder in the message.
     */
    public static void requireSameDataset(Dataset old, String where, long baseSeed, Map<String, String> meta) {
        if (old.baseSeed() != baseSeed) {
            throw new IllegalArgumentException("folder holds a dataset with base seed " + old.baseSeed()
                    + ", not " + baseSeed);
        }
        StringBuilder diff = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(old.meta()).entrySet()) {
            String now = meta.get(e.getKey());
            if (now != null && !NOT_SETTINGS.contains(e.getKey()) && !now.equals(e.getValue())) {
                diff.append(diff.length() > 0 ? ", " : "").append(e.getKey()).append('=').append(e.getValue())
                        .append(" (now ").append(now).append(')');
            }
        }
        if (diff.length() > 0) {
            throw new IllegalArgumentException(where + " holds a dataset made with other settings: " + diff
                    + "; use the same settings to extend it, or another folder");
        }
    }

    private static Dataset make(Path dir, int count, long baseSeed, SampleSource source, Map<String, String> meta,
            Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        List<Dataset.Entry> entries = new ArrayList<>(count);
        Box box = null;
        for (int i = 0; i < count; i++) {
            if (p.cancelled()) {
                throw stopped(i, count);
            }
            long seed = baseSeed + i;
            String split = Dataset.splitOf(i);
            Path f = dir.resolve(Dataset.fileName(seed));
            boolean complete = SampleFile.isComplete(f, seed);
            if (complete && !SampleFile.isFinite(f)) {
                complete = false;
                p.report((double) i / count, "sample " + (i + 1) + "/" + count + " (" + f.getFileName()
                        + ") has non-finite values; making it again");
            }
            if (complete) {
                SampleFile.Header h = SampleFile.header(f);
                box = check(box, new Box(h.boxSize(), h.n()), f);
                entries.add(new Dataset.Entry(seed, split, f.getFileName().toString(), SampleFile.params(f)));
                p.report((i + 1.0) / count, "sample " + (i + 1) + "/" + count + " (seed " + seed + ") exists");
                continue;
            }
            p.report((double) i / count, "making sample " + (i + 1) + "/" + count + " (seed " + seed + ", " + split + ")");
            Sample s;
            try {
                s = sample(source, baseSeed, i);
            } catch (Progress.CancelledException e) {
                throw stopped(i, count);
            }
            box = check(box, s.za().box(), f);
            entries.add(new Dataset.Entry(seed, split, f.getFileName().toString(), s.params()));
            SampleFile.write(f, seed, s);
            p.report((i + 1.0) / count, "sample " + (i + 1) + "/" + count + " written");
        }
        return Dataset.create(dir, baseSeed, box, meta, entries);
    }

    /** How a run asked to stop ends: the samples before {@code done} are complete files, which a resume keeps. */
    private static Progress.StoppedException stopped(int done, int count) {
        return new Progress.StoppedException("stopped with " + done + " of " + count
                + " samples made; resume with the same command");
    }

    /**
     * Sample number {@code i} (seed baseSeed + i) as the dataset stores it: the source's sample. One
     * seed's piece of {@link #build}, for callers that distribute the seeds (the Spark job) and write it
     * with {@link SampleFile}.
     */
    public static Sample sample(SampleSource source, long baseSeed, int i) {
        long seed = baseSeed + i;
        Sample s = source.make(seed);
        if (s == null) {
            throw new IllegalArgumentException("sample source returned nothing for seed " + seed);
        }
        return s;
    }

    private static Box check(Box have, Box got, Path f) {
        return checkBox(have, got, f.getFileName().toString());
    }

    /**
     * The box every sample of a dataset shares: {@code got} (a sample's) when its grid is a multiple of 4
     * and it equals {@code have} (the others', or null for the first); else IllegalArgumentException.
     */
    public static Box checkBox(Box have, Box got, String file) {
        if (got.n() % 4 != 0) {
            throw new IllegalArgumentException("sample grid must be a multiple of 4, got " + got.n());
        }
        if (have != null && !have.equals(got)) {
            throw new IllegalArgumentException("sample " + file + " has box " + got + ", others " + have);
        }
        return got;
    }
}
