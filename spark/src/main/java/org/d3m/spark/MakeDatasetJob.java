package org.d3m.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.d3m.commands.MakeDatasetCommand;
import org.d3m.core.emulator.CosmologyRanges;
import org.d3m.core.emulator.Dataset;
import org.d3m.core.emulator.DatasetBuilder;
import org.d3m.core.emulator.Sample;
import org.d3m.core.emulator.SampleFile;
import org.d3m.core.emulator.TrainingPairs;
import org.d3m.core.field.Box;
import org.d3m.core.io.FolderLock;
import org.d3m.core.io.MemoryCheck;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.fields.CommandProvenance;
import scala.Tuple2;

/**
 * {@code make-dataset} on Spark: the single-machine command's keys, samples and index. Sample i (seed
 * seed + i) is one task, made by the plugin's {@link TrainingPairs} and {@link DatasetBuilder#sample} and
 * written by {@link SampleFile}, so each file is byte-identical to the command's; index.json is the
 * command's ({@link Dataset#indexJson}, the command's metadata from its provenance). Resumable: complete
 * samples already in the folder are kept, and a folder holding a dataset made with other settings is
 * refused, as by the command. A local folder is locked ({@link FolderLock}) for the run, so the command
 * and this job never write one folder at once.
 */
final class MakeDatasetJob {

    /** The command's keys (its {@code @Parameter} fields) with access to its validated setup. */
    public static final class Keys extends MakeDatasetCommand {
        SimulationSetup validated() {
            return setup();
        }
    }

    private MakeDatasetJob() {
    }

    static String run(JobArgs args, PrintStream err) {
        CommandKeys<Keys> k = CommandKeys.parse(Keys.class, "make-dataset", args.keys);
        SimulationSetup base = k.command.validated();
        int samples = k.getInt("samples");
        int steps = k.getInt("steps");
        int meshFactor = k.getInt("mesh_factor");
        long baseSeed = base.seed();
        if (samples < 1) {
            throw new IllegalArgumentException("sample count must be >= 1, got " + samples);
        }
        if (baseSeed > Long.MAX_VALUE - samples) {
            throw new IllegalArgumentException("base seed too large: " + baseSeed);
        }
        DatasetBuilder.checkBox(null, base.box(), "of this run");
        SetupSpec spec0 = SetupSpec.of(base, null, steps, meshFactor);
        CosmologyRanges ranges = k.command.ranges(spec0.pm(base.threads())); // also the FastPM keys' checks
        TrainingPairs.source(base, spec0.pm(base.threads()), baseSeed, ranges, null); // the ranges' checks
        base.linearPower(); // the spectrum's checks (a table must cover the grid)
        String outText = args.rawPath("output_dir") != null ? args.rawPath("output_dir") : String.valueOf(k.get("output_dir"));
        Map<String, String> meta = new LinkedHashMap<>(CommandProvenance.of(k.command, "D3M training set").entries());
        meta.put("command", "make-dataset");
        meta.put("output_dir", outText);

        SparkConf conf = Sparks.conf("d3m make-dataset", args);
        String grid = "grid " + base.box().n() + "^3";
        Sparks.requireMemory(conf, base.memoryBytes(meshFactor), grid);
        try (JavaSparkContext sc = Sparks.start(conf, base.memoryBytes(meshFactor), grid, err)) {
            Configuration hconf = sc.hadoopConfiguration();
            Path out = HadoopFiles.qualify(outText, hconf);
            FileSystem fs = HadoopFiles.fs(out, hconf);
            HadoopFiles.requireFolderOrAbsent(fs, out, "output_dir");
            Path index = new Path(out, Dataset.INDEX);
            if (HadoopFiles.status(fs, index) != null) {
                Dataset old = Dataset.parseIndex(read(fs, index), index.toString());
                DatasetBuilder.requireSameDataset(old, outText, baseSeed, meta);
            }
            try (FolderLock lock = "file".equals(out.toUri().getScheme()) ? FolderLock.acquire(java.nio.file.Path.of(out.toUri())) : null) {
                return make(sc, fs, out, base, spec0, ranges, samples, meta, err);
            }
        }
    }

    private static String make(JavaSparkContext sc, FileSystem fs, Path out, SimulationSetup base, SetupSpec spec0,
                               CosmologyRanges ranges, int samples, Map<String, String> meta, PrintStream err) {
        double[] om = ranges.omegaM();
        double[] as = ranges.aS();
        double[] zs = ranges.redshift();
        long baseSeed = base.seed();
        Map<Long, SampleFile.Header> have = complete(fs, out, baseSeed, samples);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            if (!have.containsKey(baseSeed + i)) {
                todo.add(i);
            }
        }
        String pkName = null;
        if (base.pkFile() != null) {
            sc.addFile(base.pkFile().toAbsolutePath().toString());
            pkName = base.pkFile().getFileName().toString();
        }
        SetupSpec spec = SetupSpec.of(base, pkName, spec0.steps(), spec0.meshFactor());
        String what = "make-dataset " + (samples - todo.size()) + " of " + samples + " samples exist";
        SeedTasks.run(sc, out, todo, i -> {
            long seed = baseSeed + i;
            Sparks.maybeFail(seed);
            int threads = Sparks.taskThreads(spec.threads());
            SimulationSetup s = spec.toSetup(Sparks.shipped(spec.pkFile()), threads);
            MemoryCheck.require(s.memoryBytes(spec.meshFactor()), "grid " + s.box().n() + "^3");
            Sample sample = DatasetBuilder.sample(TrainingPairs.source(s, spec.pm(threads), baseSeed,
                    new CosmologyRanges(om, as, zs), null), baseSeed, i);
            PerFileOutputFormat.Body body = o -> SampleFile.write(o, seed, sample);
            return List.of(new Tuple2<>(Dataset.fileName(seed), body)).iterator();
        }, what, err);

        have = complete(fs, out, baseSeed, samples);
        List<Dataset.Entry> entries = new ArrayList<>();
        Box box = null;
        int[] splits = new int[3];
        for (int i = 0; i < samples; i++) {
            long seed = baseSeed + i;
            SampleFile.Header h = have.get(seed);
            if (h == null) {
                throw new IllegalStateException("sample of seed " + seed + " is missing after the run");
            }
            box = DatasetBuilder.checkBox(box, new Box(h.boxSize(), h.n()), Dataset.fileName(seed));
            String split = Dataset.splitOf(i);
            entries.add(new Dataset.Entry(seed, split, Dataset.fileName(seed), params(fs, new Path(out, Dataset.fileName(seed)), h)));
            splits[split.equals("train") ? 0 : split.equals("val") ? 1 : 2]++;
        }
        HadoopFiles.writeAtomically(sc.hadoopConfiguration(), new Path(out, Dataset.INDEX),
                Dataset.indexJson(baseSeed, box, meta, entries).getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%d samples (%d train, %d val, %d test) of %d^3 in %s", samples, splits[0],
                splits[1], splits[2], box.n(), meta.get("output_dir"));
    }

    /** The complete sample files of seeds baseSeed .. baseSeed + count - 1 in {@code dir}, by seed. */
    static Map<Long, SampleFile.Header> complete(FileSystem fs, Path dir, long baseSeed, int count) {
        Map<Long, SampleFile.Header> out = new HashMap<>();
        try {
            if (HadoopFiles.status(fs, dir) == null) {
                return out;
            }
            Map<String, FileStatus> files = new HashMap<>();
            for (FileStatus st : fs.listStatus(dir)) {
                if (st.isFile()) {
                    files.put(st.getPath().getName(), st);
                }
            }
            for (int i = 0; i < count; i++) {
                long seed = baseSeed + i;
                FileStatus st = files.get(Dataset.fileName(seed));
                if (st == null) {
                    continue;
                }
                try {
                    SampleFile.Header h = SampleFile.header(HadoopFiles.head(fs, st.getPath(), SampleFile.HEADER_BYTES),
                            st.getLen(), st.getPath().toString());
                    if (h.seed() == seed) {
                        out.put(seed, h);
                    }
                } catch (IllegalArgumentException e) {
                    // incomplete or foreign: made again
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The parameters a sample file records (its first bytes only). */
    private static Map<String, Double> params(FileSystem fs, Path p, SampleFile.Header h) {
        try {
            return SampleFile.params(HadoopFiles.head(fs, p, SampleFile.HEADER_BYTES + h.paramBytes()), h, p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static String read(FileSystem fs, Path p) {
        try {
            return new String(HadoopFiles.readAll(fs, p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + p + ": " + e.getMessage());
        }
    }
}
