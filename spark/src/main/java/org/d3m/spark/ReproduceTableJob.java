package org.d3m.spark;

import com.google.gson.JsonParseException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.d3m.commands.ReproduceTableCommand;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.ThreePointEstimator;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.emulator.WeightsFile;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.core.validation.PaperCosmology;
import org.d3m.core.validation.PaperTable;
import org.d3m.core.validation.PaperTableFiles;
import scala.Tuple2;

/**
 * {@code reproduce-table} on Spark: the command's keys and checks; each (cosmology, seed) is one task
 * running the plugin's {@link PaperTable#runSeed} (FastPM, ZA, 2LPT, D3M with the model loaded once per
 * executor, each compared with FastPM) and writing {@code seeds/COSMOLOGY/seed-S.json}; the driver reads
 * them all, puts the table together with {@link PaperTable#assemble} and writes the command's
 * {@code table.csv} and {@code table.md} ({@link PaperTableFiles}). Resumable like the other jobs. The
 * per-cosmology plots of the command are not drawn here (the seed files hold every spectrum).
 */
final class ReproduceTableJob {

    static final String FORMAT = "d3m-table-seed";

    /** The command's keys with access to its validated setup. */
    public static final class Keys extends ReproduceTableCommand {
        SimulationSetup validated() {
            return setup();
        }
    }

    /** What a task needs. */
    record Plan(SetupSpec spec, int seeds, long seedOffset, int threePointSeeds, boolean pkTablesShipped, String modelName,
                String device, int symmetries, ThreePointEstimator estimator) implements Serializable {

        PaperTable.Config config(int threads) {
            return PaperTable.Config.paper(spec.toSetup(null, threads).box(), seeds, seedOffset, threePointSeeds,
                    spec.steps(), spec.meshFactor(), spec.redshift(), threads).withThreePointEstimator(estimator);
        }
    }

    /** One task's file: the settings and the plugin's per-seed run (3PCF multipoles left out). */
    record SeedFile(String format, int version, Map<String, String> settings, String cosmology, PaperTable.SeedRun run) {
    }

    /** One task: a cosmology (by key) and a seed index. */
    record Item(String cosmology, int index) implements Serializable {
    }

    private ReproduceTableJob() {
    }

    static String run(JobArgs args, PrintStream err) {
        CommandKeys<Keys> k = CommandKeys.parse(Keys.class, "reproduce-table", args.keys);
        SimulationSetup trained = k.command.validated();
        List<PaperCosmology> list = PaperCosmology.parse((String) k.get("cosmologies"));
        File pkDirFile = (File) k.get("pk_dir");
        java.nio.file.Path pkDir = pkDirFile == null || pkDirFile.getPath().isEmpty() ? null : pkDirFile.toPath();
        if (pkDir != null && !pkDirFile.isDirectory()) {
            throw new IllegalArgumentException("pk_dir " + pkDirFile + " is not a folder");
        }
        int seeds = k.getInt("seeds");
        int threePointSeeds = k.getInt("three_point_seeds");
        int steps = k.getInt("steps");
        int meshFactor = k.getInt("mesh_factor");
        double redshift = ((Number) k.get("redshift")).doubleValue();
        int symmetries = Emulator.checkSymmetries(k.getInt("symmetries"));
        ThreePointEstimator estimator = ThreePointEstimator.parse((String) k.get("three_point_estimator"));
        PaperTable.Config cfg = PaperTable.Config.paper(trained.box(), seeds, trained.seed(), threePointSeeds, steps,
                meshFactor, redshift, trained.threads()).withThreePointEstimator(estimator);
        List<SimulationSetup> setups = PaperTable.setups(trained, list, pkDir);
        File modelFile = (File) k.get("model");
        java.nio.file.Path given = modelFile == null || modelFile.getPath().isEmpty() ? null : modelFile.toPath();
        java.nio.file.Path weights = ShippedModel.resolve(given);
        ModelMeta meta = WeightsFile.readMeta(weights);
        List<String> notes = new ArrayList<>(PaperTable.checkModel(meta, trained, cfg));
        notes.add(0, "model " + ShippedModel.name(given) + " (width " + meta.width() + ", trained on " + meta.grid() + "^3), on Spark"
                + "; D3M = " + Emulator.describeAveraging(symmetries));
        String device = (String) k.get("device");
        String outText = args.rawPath("output_dir") != null ? args.rawPath("output_dir") : String.valueOf(k.get("output_dir"));
        Map<String, String> settings = new LinkedHashMap<>(trained.provenance("reproduce-table").entries());
        for (String key : List.of("what", "version", "created", "seed")) {
            settings.remove(key);
        }
        settings.put("steps", Integer.toString(steps));
        settings.put("mesh_factor", Integer.toString(meshFactor));
        if (redshift != 0) { // absent at z = 0: tables made before the key stay valid
            settings.put("redshift", Double.toString(redshift));
        }
        settings.put("pk_dir", pkDir == null ? "" : pkDir.toAbsolutePath().normalize().toString());
        settings.put("model", EnsembleJob.modelName(given, weights));
        settings.put("symmetries", Integer.toString(symmetries));
        settings.put("three_point_estimator", estimator.key());

        SparkConf conf = Sparks.conf("d3m reproduce-table", args);
        long perTask = PaperTable.memoryBytes(trained, meshFactor);
        String grid = "reproduce-table on grid " + trained.box().n() + "^3";
        Sparks.requireMemory(conf, perTask, grid);
        try (JavaSparkContext sc = Sparks.start(conf, perTask, grid, err)) {
            Configuration hconf = sc.hadoopConfiguration();
            Path out = HadoopFiles.qualify(outText, hconf);
            FileSystem fs = HadoopFiles.fs(out, hconf);
            HadoopFiles.requireFolderOrAbsent(fs, out, "output_dir");
            List<Item> all = new ArrayList<>();
            for (PaperCosmology c : list) {
                for (int i = 0; i < seeds; i++) {
                    all.add(new Item(c.key(), i));
                }
            }
            Map<Item, PaperTable.SeedRun> have = read(fs, out, all, cfg, settings, outText);
            List<Item> todo = all.stream().filter(i -> !have.containsKey(i)).toList();
            if (pkDir != null) { // each table its own file: SparkContext.addFile takes a folder in local mode only
                for (PaperCosmology c : list) {
                    if (c.tableName() != null) {
                        sc.addFile(pkDir.resolve(c.tableName()).toAbsolutePath().normalize().toString());
                    }
                }
            }
            String pkFileName = null;
            if (trained.pkFile() != null) {
                sc.addFile(trained.pkFile().toAbsolutePath().toString());
                pkFileName = trained.pkFile().getFileName().toString();
            }
            sc.addFile(weights.toAbsolutePath().toString());
            Plan plan = new Plan(SetupSpec.of(trained, pkFileName, steps, meshFactor, redshift), seeds, trained.seed(),
                    threePointSeeds, pkDir != null, weights.getFileName().toString(), device, symmetries, estimator);
            SeedTasks.run(sc, out, new ArrayList<>(todo), item -> {
                SeedFile f = runItem(plan, settings, item);
                PerFileOutputFormat.Body body = o -> o.write(EnsembleJob.GSON.toJson(f).getBytes(StandardCharsets.UTF_8));
                return List.of(new Tuple2<>(seedFile(item, plan.seedOffset()), body)).iterator();
            }, "reproduce-table " + (all.size() - todo.size()) + " of " + all.size() + " runs exist", err);

            Map<Item, PaperTable.SeedRun> done = read(fs, out, all, cfg, settings, outText);
            List<List<PaperTable.SeedRun>> runs = new ArrayList<>();
            for (PaperCosmology c : list) {
                List<PaperTable.SeedRun> r = new ArrayList<>();
                for (int i = 0; i < seeds; i++) {
                    PaperTable.SeedRun run = done.get(new Item(c.key(), i));
                    if (run == null) {
                        throw new IllegalStateException(c.key() + " seed " + (trained.seed() + i) + " is missing after the run");
                    }
                    r.add(run);
                }
                runs.add(r);
            }
            PaperTable.Result result = PaperTable.assemble(cfg, list, setups, runs);
            HadoopFiles.writeAtomically(hconf, new Path(out, "table.csv"),
                    PaperTableFiles.csv(result).getBytes(StandardCharsets.UTF_8));
            String md = PaperTableFiles.markdown(result, notes);
            HadoopFiles.writeAtomically(hconf, new Path(out, "table.md"), md.getBytes(StandardCharsets.UTF_8));
            return md + "\nwritten to " + outText;
        }
    }

    static String seedFile(Item item, long seedOffset) {
        return "seeds/" + item.cosmology() + "/seed-" + (seedOffset + item.index()) + ".json";
    }

    /** One (cosmology, seed) on an executor. */
    static SeedFile runItem(Plan plan, Map<String, String> settings, Item item) {
        long seed = plan.seedOffset() + item.index();
        Sparks.maybeFail(seed);
        int threads = Sparks.taskThreads(plan.spec().threads());
        SimulationSetup trained = plan.spec().toSetup(Sparks.shipped(plan.spec().pkFile()), threads);
        PaperCosmology c = PaperCosmology.parse(item.cosmology()).get(0);
        SimulationSetup setup = c.setup(trained, plan.pkTablesShipped() ? Sparks.shippedFolder() : null);
        org.d3m.core.io.MemoryCheck.require(PaperTable.memoryBytes(setup, plan.spec().meshFactor()),
                "reproduce-table on grid " + setup.box().n() + "^3");
        java.nio.file.Path weights = Sparks.shipped(plan.modelName());
        PaperTable.SeedRun run = PaperTable.runSeed(setup, seed, item.index() < plan.threePointSeeds(), plan.config(threads),
                (za, om, z, p) -> Emulators.predict(weights, plan.device(), plan.symmetries(), threads, za, om, z), null,
                c.key() + " seed " + seed);
        List<Comparison.Result> slim = new ArrayList<>();
        for (Comparison.Result r : run.results()) {
            slim.add(new Comparison.Result(r.name(), r.pointwise(), r.densityT(), r.densityR(), r.displacementT(),
                    r.displacementR(), r.threePointResidual(), r.density(), r.displacement(), null));
        }
        PaperTable.SeedRun s = new PaperTable.SeedRun(run.seed(), run.threePoint(), slim, run.fastPmRms(), run.fastPmSeconds(),
                run.lptSeconds(), run.predictorSeconds(), run.statisticsSeconds());
        return new SeedFile(FORMAT, 1, settings, item.cosmology(), s);
    }

    private static Map<Item, PaperTable.SeedRun> read(FileSystem fs, Path out, List<Item> items, PaperTable.Config cfg,
                                                      Map<String, String> settings, String where) {
        Map<Item, PaperTable.SeedRun> have = new LinkedHashMap<>();
        for (Item item : items) {
            Path p = new Path(out, seedFile(item, cfg.seedOffset()));
            if (HadoopFiles.status(fs, p) == null) {
                continue;
            }
            SeedFile f;
            try {
                f = EnsembleJob.GSON.fromJson(new String(HadoopFiles.readAll(fs, p), StandardCharsets.UTF_8), SeedFile.class);
            } catch (JsonParseException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
            if (f == null || !FORMAT.equals(f.format()) || f.run() == null || f.run().results() == null
                    || f.run().seed() != cfg.seedOffset() + item.index()) {
                continue;
            }
            if (!settings.equals(f.settings())) {
                throw new IllegalArgumentException(where + " holds a table made with other settings (" + p.getName()
                        + "); use the same settings to extend it, or another folder");
            }
            if (f.run().threePoint() == item.index() < cfg.threePointSeeds() && f.run().results().size() == PaperTable.MODELS.size()) {
                have.put(item, f.run());
            }
        }
        return have;
    }
}
