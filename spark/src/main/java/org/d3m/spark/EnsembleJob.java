package org.d3m.spark;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.d3m.commands.SetupParameters;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.Spectrum;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.emulator.WeightsFile;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.MemoryCheck;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.core.validation.PaperTable;
import org.scijava.plugin.Parameter;
import scala.Tuple2;

/**
 * {@code ensemble}: per seed, FastPM (always: the reference) and any of ZA, 2LPT and D3M, all at {@code redshift}
 * (D3M: the network on the ZA field at that redshift); for each the
 * CIC density's P(k) and, against FastPM, the point-wise displacement error and T, r at the paper's k
 * ({@link Comparison} with the paper's settings, no 3PCF). Each seed is one task writing
 * {@code seeds/seed-S.json}; the driver then reads them all and writes, per field, the mean P(k) with its
 * seed-to-seed scatter ({@code pk.csv}), the P(k) covariance ({@code pk-covariance-FIELD.csv}), a PNG of
 * its correlation matrix ({@code pk-correlation-FIELD.png}) and the point-wise errors ({@code pointwise.csv}).
 * Resumable: seeds whose file is complete and made with the same settings are kept.
 */
final class EnsembleJob {

    /** Display names of the fields, by key. */
    static final Map<String, String> NAMES = Map.of("za", "ZA", "2lpt", "2LPT", "fastpm", "FastPM", "d3m", "D3M");
    static final String FORMAT = "d3m-ensemble-seed";
    static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The job's keys: the generators' (box, grid, seed, cosmology, kernel, threads) and these. */
    public static final class Keys extends SetupParameters {
        @Parameter(description = "number of seeds: seed, seed+1, ...")
        int seeds = 100;
        @Parameter(description = "fields per seed, comma-separated from za, 2lpt, fastpm, d3m (FastPM is always run: the"
                + " reference); auto: za,2lpt,fastpm, and d3m when a model is given or the shipped one fits the box (at z = 0)")
        String models = "auto";
        @Parameter(required = false, description = "weights file (.d3mw) for d3m; empty: the shipped model")
        File model;
        @Parameter(choices = {"auto", "cpu", "gpu"}, description = "where the network runs on the executors")
        String device = "auto";
        @Parameter(min = "1", max = "48", description = "d3m is the mean over this many cube symmetries (1: the network alone)")
        int symmetries = Emulator.DEFAULT_SYMMETRIES;
        @Parameter(description = "FastPM steps")
        int steps = 10;
        @Parameter(description = "redshift z of every field, in [0, 9) (FastPM from a = 0.1)")
        double redshift = 0;
        @Parameter(description = "FastPM force mesh factor B")
        int mesh_factor = 2;
        @Parameter(description = "folder (file:, hdfs:, s3a: ...) for seeds/, pk.csv, the covariances and plots")
        String output_dir = "out/spark-ensemble";

        SimulationSetup validated() {
            return setup();
        }

        @Override
        public void run() {
            throw new UnsupportedOperationException("the ensemble keys are read by the Spark job");
        }
    }

    /** One field of one seed: P(k) of its density; against FastPM (null for FastPM) the point-wise error and T, r. */
    record FieldResult(double[] pk, Double pointwiseMean, Double pointwiseMedian, Double pointwiseMax, double[] densityT,
                       double[] densityR) {
    }

    /** One seed's file. */
    record SeedResult(String format, int version, Map<String, String> settings, long seed, double[] k, long[] modes,
                      Map<String, FieldResult> fields) {
    }

    /** What a task needs. */
    record Plan(SetupSpec spec, List<String> fields, String modelName, String device, int symmetries, double[] kProbe)
            implements java.io.Serializable {
    }

    private EnsembleJob() {
    }

    static String run(JobArgs args, PrintStream err) {
        CommandKeys<Keys> k = CommandKeys.parse(Keys.class, "ensemble", args.keys);
        Keys keys = k.command;
        SimulationSetup base = keys.validated();
        if (keys.seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + keys.seeds);
        }
        if (base.seed() > Long.MAX_VALUE - keys.seeds) {
            throw new IllegalArgumentException("seed + seeds overflows: seed " + base.seed());
        }
        Emulator.checkSymmetries(keys.symmetries);
        SetupSpec spec0 = SetupSpec.of(base, null, keys.steps, keys.mesh_factor, keys.redshift);
        FastPmSolver.Config pm = spec0.pm(base.threads());
        base.linearPower();
        java.nio.file.Path given = keys.model == null || keys.model.getPath().isEmpty() ? null : keys.model.toPath();
        List<String> fields = fields(keys.models, given != null || keys.redshift == 0 && shippedFits(base));
        List<String> notes = new ArrayList<>();
        java.nio.file.Path weights = null;
        if (fields.contains("d3m")) {
            weights = ShippedModel.resolve(given);
            ModelMeta meta = WeightsFile.readMeta(weights);
            PaperTable.Config cfg = new PaperTable.Config(keys.seeds, base.seed(), 0, pm, Comparison.Settings.paper(1));
            notes.addAll(PaperTable.checkModel(meta, base, cfg));
            notes.add(0, "model " + ShippedModel.name(given) + " (width " + meta.width() + ", trained on " + meta.grid() + "^3)");
        }
        if (keys.output_dir == null || keys.output_dir.isBlank()) {
            throw new IllegalArgumentException("output_dir must not be empty");
        }
        Map<String, String> settings = settings(base, keys, weights == null ? "" : modelName(given, weights));

        SparkConf conf = Sparks.conf("d3m ensemble", args);
        long perTask = PaperTable.memoryBytes(base, keys.mesh_factor);
        Sparks.requireMemory(conf, perTask, "grid " + base.box().n() + "^3");
        try (JavaSparkContext sc = Sparks.start(conf, perTask, "grid " + base.box().n() + "^3", err)) {
            Configuration hconf = sc.hadoopConfiguration();
            Path out = HadoopFiles.qualify(keys.output_dir, hconf);
            FileSystem fs = HadoopFiles.fs(out, hconf);
            HadoopFiles.requireFolderOrAbsent(fs, out, "output_dir");
            Map<Long, SeedResult> have = readSeeds(fs, out, base.seed(), keys.seeds, settings, fields, keys.output_dir);
            List<Long> todo = new ArrayList<>();
            for (int i = 0; i < keys.seeds; i++) {
                if (!have.containsKey(base.seed() + i)) {
                    todo.add(base.seed() + i);
                }
            }
            String pkName = ship(sc, base.pkFile());
            String modelName = ship(sc, weights);
            Plan plan = new Plan(SetupSpec.of(base, pkName, keys.steps, keys.mesh_factor, keys.redshift), fields, modelName,
                    keys.device, keys.symmetries, Comparison.Settings.paper(1).kProbe());
            SeedTasks.run(sc, out, todo, seed -> {
                SeedResult r = runSeed(plan, settings, seed);
                PerFileOutputFormat.Body body = o -> o.write(GSON.toJson(r).getBytes(StandardCharsets.UTF_8));
                return List.of(new Tuple2<>(seedFile(seed), body)).iterator();
            }, "ensemble " + (keys.seeds - todo.size()) + " of " + keys.seeds + " seeds exist", err);
            have = readSeeds(fs, out, base.seed(), keys.seeds, settings, fields, keys.output_dir);
            if (have.size() != keys.seeds) {
                throw new IllegalStateException((keys.seeds - have.size()) + " seeds are missing after the run");
            }
            return aggregate(hconf, out, new ArrayList<>(new TreeMap<>(have).values()), fields, notes, keys.output_dir);
        }
    }

    /** True when a model ships and can emulate this setup's box and kernel (what {@code models=auto} asks). */
    static boolean shippedFits(SimulationSetup base) {
        java.nio.file.Path w = ShippedModel.defaultWeights();
        return w != null && WeightsFile.readMeta(w).mismatch(base.box(), base.kernel().key()) == null;
    }

    /** The fields asked for, FastPM always included, in the order za, 2lpt, fastpm, d3m. */
    static List<String> fields(String models, boolean haveModel) {
        String m = models.trim().toLowerCase(Locale.ROOT);
        List<String> asked = new ArrayList<>();
        if (m.equals("auto")) {
            asked.addAll(List.of("za", "2lpt", "fastpm"));
            if (haveModel) {
                asked.add("d3m");
            }
        } else {
            for (String s : m.split(",")) {
                String t = s.trim();
                if (!NAMES.containsKey(t)) {
                    throw new IllegalArgumentException("models: unknown field '" + t + "'; use auto or a comma-separated list of za, 2lpt, fastpm, d3m");
                }
                asked.add(t);
            }
        }
        List<String> out = new ArrayList<>();
        for (String f : List.of("za", "2lpt", "fastpm", "d3m")) {
            if (f.equals("fastpm") || asked.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** How the settings name a model: the shipped model's id, or the given file's absolute path. */
    static String modelName(java.nio.file.Path given, java.nio.file.Path weights) {
        return given == null || ShippedModel.isPaper(given) ? ShippedModel.name(given)
                : weights.toAbsolutePath().normalize().toString();
    }

    /** The keys a seed's result depends on; a folder made with others is refused. */
    static Map<String, String> settings(SimulationSetup base, Keys keys, String model) {
        Map<String, String> s = new LinkedHashMap<>(base.provenance("ensemble").entries());
        s.remove("what");
        s.remove("version");
        s.remove("created");
        s.remove("seed");
        s.put("steps", Integer.toString(keys.steps));
        s.put("mesh_factor", Integer.toString(keys.mesh_factor));
        if (keys.redshift != 0) { // absent at z = 0: ensembles made before the key stay valid
            s.put("redshift", Double.toString(keys.redshift));
        }
        s.put("model", model);
        if (!model.isEmpty()) {
            s.put("symmetries", Integer.toString(keys.symmetries));
        }
        return s;
    }

    private static String ship(JavaSparkContext sc, java.nio.file.Path file) {
        if (file == null) {
            return null;
        }
        sc.addFile(file.toAbsolutePath().toString());
        return file.getFileName().toString();
    }

    static String seedFile(long seed) {
        return "seeds/seed-" + seed + ".json";
    }

    /** One seed on an executor: the fields, their densities and spectra, the errors against FastPM. */
    static SeedResult runSeed(Plan plan, Map<String, String> settings, long seed) {
        Sparks.maybeFail(seed);
        int threads = Sparks.taskThreads(plan.spec().threads());
        SimulationSetup s = plan.spec().toSetup(Sparks.shipped(plan.spec().pkFile()), threads).withSeed(seed);
        MemoryCheck.require(PaperTable.memoryBytes(s, plan.spec().meshFactor()), "grid " + s.box().n() + "^3");
        Realization r = new Realization(s);
        FastPmSolver.Config pm = plan.spec().pm(threads);
        VectorField truth = r.fastPm(pm, Progress.NONE).displacement();
        Comparison c = new Comparison(Comparison.Settings.paper(threads).withThreePoint(false));
        Comparison.Truth t = c.truth(truth);
        Spectrum ref = t.densityPower();
        Map<String, FieldResult> out = new LinkedHashMap<>();
        VectorField za = r.lpt(1, pm.aEnd());
        for (String f : plan.fields()) {
            if (f.equals("fastpm")) {
                out.put(NAMES.get(f), new FieldResult(ref.p(), null, null, null, null, null));
                continue;
            }
            VectorField v = switch (f) {
                case "za" -> za;
                case "2lpt" -> r.lpt(2, pm.aEnd());
                default -> Emulators.predict(Sparks.shipped(plan.modelName()), plan.device(), plan.symmetries(), threads, za,
                        r.setup().cosmology().omegaM(), pm.redshift());
            };
            Comparison.Result res = c.compare(NAMES.get(f), v, t);
            out.put(NAMES.get(f), new FieldResult(res.density().pred().p(), res.pointwise().mean(), res.pointwise().median(),
                    res.pointwise().max(), res.densityT(), res.densityR()));
        }
        return new SeedResult(FORMAT, 1, settings, seed, ref.k(), ref.modes(), out);
    }

    /**
     * The complete seed files of seeds first .. first + count - 1 with every field asked for, by seed;
     * a file made with other settings is refused with one line.
     */
    static Map<Long, SeedResult> readSeeds(FileSystem fs, Path out, long first, int count, Map<String, String> settings,
                                           List<String> fields, String where) {
        Map<Long, SeedResult> have = new TreeMap<>();
        Path dir = new Path(out, "seeds");
        try {
            if (HadoopFiles.status(fs, dir) == null) {
                return have;
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            for (var st : fs.listStatus(dir)) {
                names.add(st.getPath().getName());
            }
            for (int i = 0; i < count; i++) {
                long seed = first + i;
                String name = seedFile(seed).substring("seeds/".length());
                if (!names.contains(name)) {
                    continue;
                }
                SeedResult r;
                try {
                    r = GSON.fromJson(new String(HadoopFiles.readAll(fs, new Path(dir, name)), StandardCharsets.UTF_8),
                            SeedResult.class);
                } catch (JsonParseException e) {
                    continue; // not complete: made again
                }
                if (r == null || !FORMAT.equals(r.format()) || r.seed() != seed || r.fields() == null || r.k() == null) {
                    continue;
                }
                if (r.settings() == null || !r.settings().equals(settings)) {
                    throw new IllegalArgumentException(where + " holds an ensemble made with other settings: "
                            + diff(r.settings(), settings) + "; use the same settings to extend it, or another folder");
                }
                boolean all = true;
                for (String f : fields) {
                    FieldResult fr = r.fields().get(NAMES.get(f));
                    all &= fr != null && fr.pk() != null && fr.pk().length == r.k().length;
                }
                if (all) {
                    have.put(seed, r);
                }
            }
            return have;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String diff(Map<String, String> old, Map<String, String> now) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String o = old == null ? null : old.get(e.getKey());
            if (!e.getValue().equals(o)) {
                sb.append(sb.length() > 0 ? ", " : "").append(e.getKey()).append('=').append(o).append(" (now ")
                        .append(e.getValue()).append(')');
            }
        }
        if (old != null) {
            for (Map.Entry<String, String> e : old.entrySet()) {
                if (!now.containsKey(e.getKey())) { // a key recorded only away from its default (redshift)
                    sb.append(sb.length() > 0 ? ", " : "").append(e.getKey()).append('=').append(e.getValue())
                            .append(" (now unset)");
                }
            }
        }
        return sb.toString();
    }

    /** The driver's aggregates, written next to seeds/; returns the summary. */
    static String aggregate(Configuration hconf, Path out, List<SeedResult> seeds, List<String> fields, List<String> notes,
                            String where) {
        SeedResult first = seeds.get(0);
        List<Integer> bins = new ArrayList<>();
        for (int b = 0; b < first.k().length; b++) {
            if (first.modes()[b] > 0) {
                bins.add(b);
            }
        }
        double[] k = new double[bins.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = first.k()[bins.get(i)];
        }
        Map<String, EnsembleStats> stats = new LinkedHashMap<>();
        for (String f : fields) {
            List<double[]> x = new ArrayList<>();
            for (SeedResult s : seeds) {
                double[] pk = s.fields().get(NAMES.get(f)).pk();
                double[] v = new double[bins.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = pk[bins.get(i)];
                }
                x.add(v);
            }
            stats.put(NAMES.get(f), EnsembleStats.of(x));
        }
        StringBuilder pk = new StringBuilder("k,modes");
        stats.keySet().forEach(n -> pk.append(',').append(n).append("_mean,").append(n).append("_std"));
        pk.append('\n');
        for (int i = 0; i < k.length; i++) {
            pk.append(k[i]).append(',').append(first.modes()[bins.get(i)]);
            for (EnsembleStats st : stats.values()) {
                pk.append(',').append(st.mean()[i]).append(',').append(st.std()[i]);
            }
            pk.append('\n');
        }
        write(hconf, new Path(out, "pk.csv"), pk.toString());
        for (Map.Entry<String, EnsembleStats> e : stats.entrySet()) {
            StringBuilder cov = new StringBuilder("k");
            for (double kj : k) {
                cov.append(',').append(kj);
            }
            cov.append('\n');
            for (int i = 0; i < k.length; i++) {
                cov.append(k[i]);
                for (int j = 0; j < k.length; j++) {
                    cov.append(',').append(e.getValue().cov()[i][j]);
                }
                cov.append('\n');
            }
            write(hconf, new Path(out, "pk-covariance-" + e.getKey() + ".csv"), cov.toString());
            HadoopFiles.writeAtomically(hconf, new Path(out, "pk-correlation-" + e.getKey() + ".png"),
                    CorrelationPng.png(e.getValue().correlation(), k, "P(k) correlation of " + e.getKey() + " over "
                            + seeds.size() + " seeds"));
        }
        StringBuilder pw = new StringBuilder("field,seeds,pointwise_mean,pointwise_std,pointwise_median_mean,pointwise_max_mean");
        double[] kProbe = Comparison.Settings.paper(1).kProbe();
        for (double kp : kProbe) {
            pw.append(String.format(Locale.ROOT, ",T(%.2f),r(%.2f)", kp, kp));
        }
        pw.append('\n');
        StringBuilder summary = new StringBuilder();
        notes.forEach(n -> summary.append(n).append('\n'));
        summary.append(String.format(Locale.ROOT, "%d seeds (%d..%d), grid %s^3: density P(k) in %d bins%n", seeds.size(),
                first.seed(), seeds.get(seeds.size() - 1).seed(), first.settings().get("grid"), k.length));
        for (String f : fields) {
            if (f.equals("fastpm")) {
                continue;
            }
            String name = NAMES.get(f);
            List<double[]> e = new ArrayList<>();
            double[] tr = new double[2 * kProbe.length];
            for (SeedResult s : seeds) {
                FieldResult fr = s.fields().get(name);
                e.add(new double[] {fr.pointwiseMean(), fr.pointwiseMedian(), fr.pointwiseMax()});
                for (int i = 0; i < kProbe.length; i++) {
                    tr[2 * i] += fr.densityT()[i] / seeds.size();
                    tr[2 * i + 1] += fr.densityR()[i] / seeds.size();
                }
            }
            EnsembleStats es = EnsembleStats.of(e);
            pw.append(name).append(',').append(seeds.size()).append(',').append(es.mean()[0]).append(',').append(es.std()[0])
                    .append(',').append(es.mean()[1]).append(',').append(es.mean()[2]);
            for (double v : tr) {
                pw.append(',').append(v);
            }
            pw.append('\n');
            summary.append(String.format(Locale.ROOT, "%-6s point-wise error vs FastPM %.4f ± %.4f%n", name, es.mean()[0],
                    seeds.size() > 1 ? es.std()[0] : 0.0));
        }
        write(hconf, new Path(out, "pointwise.csv"), pw.toString());
        summary.append("written to ").append(where);
        return summary.toString();
    }

    private static void write(Configuration hconf, Path p, String text) {
        HadoopFiles.writeAtomically(hconf, p, text.getBytes(StandardCharsets.UTF_8));
    }
}
