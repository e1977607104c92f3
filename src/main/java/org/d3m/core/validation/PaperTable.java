package org.d3m.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.ComparisonTable;
import org.d3m.core.analysis.SpectrumAverage;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.MemoryCheck;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;

/**
 * The paper's Table 1 from scratch (He et al. 2019): for each test cosmology ({@link PaperCosmology})
 * and each seed (offset, offset + 1, ...), the FastPM displacement at the run's redshift (z = 0 in the
 * paper; the end of {@link Config#pm()}) is the truth, and ZA, 2LPT (at the same redshift) and D3M (the
 * network applied to that ZA field; the same network for every cosmology) are compared with it by
 * {@link Comparison}. Each cell is the mean over seeds with the seed-to-seed
 * scatter ({@link ComparisonTable}); the 3PCF residual, the slow part, is taken on the first
 * {@code threePointSeeds} seeds only. Spectra are averaged over all seeds for the plots.
 *
 * <p>Plain Java: the network comes in as a {@link Predictor} (e.g.
 * {@code (za, om, z, p) -> emulator.predict(za, om, z, true, p)}).
 * Progress and cancellation go through {@link Progress}; wall time is measured per part
 * ({@link Timings}) so that the cost of a larger run can be estimated from a small one.
 */
public final class PaperTable {

    /** The names of the three predictions, in the table's order. */
    public static final List<String> MODELS = List.of("ZA", "2LPT", "D3M");

    /**
     * A displacement predictor: the ZA displacement [Mpc/h] at a redshift of a cosmology with this Omega_m in,
     * the predicted displacement [Mpc/h] out (an unconditioned network ignores Omega_m and z).
     */
    @FunctionalInterface
    public interface Predictor {
        VectorField predict(VectorField za, double omegaM, double redshift, Progress progress);
    }

    /**
     * What to run.
     *
     * @param seeds           number of seeds per cosmology (&gt;= 1)
     * @param seedOffset      the first seed
     * @param threePointSeeds on how many of the first seeds the 3PCF residual is computed (&gt;= 0; at most all)
     * @param pm              the FastPM run (steps, force mesh, and its end a_end: the table's redshift)
     * @param statistics      the comparison's settings (its 3PCF flag is ignored: see threePointSeeds)
     */
    public record Config(int seeds, long seedOffset, int threePointSeeds, FastPmSolver.Config pm,
                         Comparison.Settings statistics) {
        public Config {
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
            }
            if (threePointSeeds < 0) {
                throw new IllegalArgumentException("three_point_seeds must be >= 0, got " + threePointSeeds);
            }
            threePointSeeds = Math.min(threePointSeeds, seeds);
            if (seedOffset > Long.MAX_VALUE - seeds) {
                throw new IllegalArgumentException("seed + seeds overflows: seed " + seedOffset);
            }
        }

        /**
         * The paper's statistics ({@link #statistics(Box, int)}) with a FastPM of the given steps and mesh factor,
         * ending at {@code redshift} (the paper: 0).
         */
        public static Config paper(Box box, int seeds, long seedOffset, int threePointSeeds, int steps, int meshFactor,
                                   double redshift, int threads) {
            FastPmSolver.Config pm = FastPmSolver.Config.defaults().withSteps(steps).withRedshift(redshift)
                    .withMeshFactor(meshFactor).withThreads(threads);
            return new Config(seeds, seedOffset, threePointSeeds, pm, PaperTable.statistics(box, threads));
        }

        /** The scale factor of every field of the table: FastPM's a_end. */
        /** The same run with another 3PCF estimator. */
        public Config withThreePointEstimator(org.d3m.core.analysis.ThreePointEstimator e) {
            return new Config(seeds, seedOffset, threePointSeeds, pm, statistics.withEstimator(e));
        }

        public double a() {
            return pm.aEnd();
        }

        /** The last seed. */
        public long lastSeed() {
            return seedOffset + seeds - 1;
        }
    }

    /**
     * The paper's statistics ({@link Comparison.Settings#paper}) on a box: the 3PCF in radial bins of
     * 5 Mpc/h, 10 of them up to 50 Mpc/h, fewer where half the box is shorter (a 64 Mpc/h box: 6 up to 30).
     */
    public static Comparison.Settings statistics(Box box, int threads) {
        Comparison.Settings p = Comparison.Settings.paper(threads);
        double width = p.rMax() / p.bins();
        int bins = (int) Math.min(p.bins(), Math.floor(box.size() / 2 / width + 1e-9));
        if (bins < 1) {
            throw new IllegalArgumentException("the box (" + box.size() + " Mpc/h) is too small for 3PCF bins of "
                    + width + " Mpc/h");
        }
        return new Comparison.Settings(p.meshFactor(), p.dk(), p.kProbe(), p.threePoint(), p.lmax(), bins, bins * width,
                threads);
    }

    /** One cosmology's rows (mean and scatter per cell), spectra averaged over seeds, and what it ran. */
    public record CosmologyResult(PaperCosmology cosmology, SimulationSetup setup, String spectrum, double sigma8,
                                  ComparisonTable table, List<Comparison.Result> curves, double fastPmRms) {
    }

    /**
     * Wall time [s] by part, summed over all (cosmology, seed) runs: FastPM, ZA and 2LPT, the
     * predictor, and the comparison on runs without and with the 3PCF.
     */
    public record Timings(double fastPm, double lpt, double predictor, double statistics, double statisticsWithThreePoint,
                          int runs, int threePointRuns) {

        /** Seconds of one (cosmology, seed) run without the 3PCF. */
        public double perRun() {
            return runs == 0 ? 0 : (fastPm + lpt + predictor) / runs + statisticsPerRun();
        }

        /** Extra seconds of a run with the 3PCF (four fields: the truth and three predictions). */
        public double threePointExtra() {
            return threePointRuns == 0 ? Double.NaN : statisticsWithThreePoint / threePointRuns - statisticsPerRun();
        }

        private double statisticsPerRun() {
            int plain = runs - threePointRuns;
            return plain > 0 ? statistics / plain : 0;
        }

        /** Estimated seconds for a run of this setup with other counts, from the measured per-part costs. */
        public double estimate(int cosmologies, int seeds, int threePointSeeds) {
            double extra = threePointSeeds > 0 ? threePointSeeds * threePointExtra() : 0;
            return cosmologies * (seeds * perRun() + extra);
        }

        /** Seconds in all. */
        public double total() {
            return fastPm + lpt + predictor + statistics + statisticsWithThreePoint;
        }
    }

    /** Everything a run produced. {@link PaperTableFiles} writes it as CSV and Markdown. */
    public record Result(Config config, List<CosmologyResult> cosmologies, Timings timings) {
    }

    private PaperTable() {
    }

    /** The setups of the cosmologies (tables read and checked), in the given order; see {@link PaperCosmology#setup}. */
    public static List<SimulationSetup> setups(SimulationSetup trained, List<PaperCosmology> cosmologies,
                                               java.nio.file.Path pkDir) {
        if (cosmologies.isEmpty()) {
            throw new IllegalArgumentException("no cosmologies to run");
        }
        List<SimulationSetup> out = new ArrayList<>();
        for (PaperCosmology c : cosmologies) {
            out.add(c.setup(trained, pkDir));
        }
        return out;
    }

    /**
     * Rough peak heap [bytes] of one run: the FastPM run and the LPT fields, plus the three
     * predictions and four densities held for the comparison.
     */
    public static long memoryBytes(SimulationSetup s, int meshFactor) {
        return s.memoryBytes(meshFactor) + MemoryCheck.floatArrays(3 * 4 + 4 * 2, s.box().cells());
    }

    /**
     * Checks a model against the run before any work: its training kernel, grid and spacing must fit
     * the box, and none of the run's seeds may be one it was trained on (read from its dataset
     * metadata, when recorded). Returns notes on softer mismatches: a training set made with other
     * cosmology keys, steps or mesh factor than the trained cosmology of this run.
     *
     * @throws IllegalArgumentException a one-line message on a hard mismatch
     */
    public static List<String> checkModel(ModelMeta meta, SimulationSetup trained, Config config) {
        String kernel = trained.kernel().key();
        if (meta.kernelMismatch(kernel) != null) {
            throw new IllegalArgumentException(meta.kernelMismatch(kernel) + "; pass kernel=" + meta.kernel()
                    + " or a model trained on " + kernel + " fields");
        }
        Box box = trained.box();
        if (!meta.fits(box)) {
            throw new IllegalArgumentException("the model was trained on grid " + meta.grid() + " in a " + num(meta.boxSize())
                    + " Mpc/h box (" + num(meta.spacing()) + " Mpc/h per cell); this run has grid " + box.n() + " in "
                    + num(box.size()) + " Mpc/h (pass box_size and grid with that spacing)");
        }
        Map<String, String> info = meta.info();
        Long base = parseLong(info.get("dataset.base_seed"));
        Long samples = parseLong(info.get("dataset.samples"));
        if (base != null && samples != null && samples > 0) {
            long last = base + samples - 1;
            if (config.seedOffset() <= last && config.lastSeed() >= base) {
                throw new IllegalArgumentException("seeds " + config.seedOffset() + ".." + config.lastSeed()
                        + " include seeds the model was trained on (" + base + ".." + last
                        + ", from its dataset metadata); choose seed >= " + (last + 1));
            }
        }
        List<String> notes = new ArrayList<>();
        var c = trained.cosmology();
        org.d3m.core.emulator.TrainingRanges ranges = org.d3m.core.emulator.TrainingRanges.of(meta);
        if (ranges != null) {
            // a conditioned model is told each cosmology and the redshift; its training set spans ranges
            notes.add("the model is conditioned on the cosmology and redshift, trained over " + ranges.describe());
            compare(notes, info, "n_s", c.nS());
            compare(notes, info, "h", c.h());
            compare(notes, info, "omega_b", c.omegaB());
            compare(notes, info, "steps", config.pm().steps());
            compare(notes, info, "mesh_factor", config.pm().meshFactor());
            return notes;
        }
        compare(notes, info, "a_s", c.aS());
        compare(notes, info, "n_s", c.nS());
        compare(notes, info, "h", c.h());
        compare(notes, info, "omega_m", c.omegaM());
        compare(notes, info, "omega_b", c.omegaB());
        compare(notes, info, "sigma8", trained.rescaled() ? trained.sigma8() : 0);
        compare(notes, info, "steps", config.pm().steps());
        compare(notes, info, "mesh_factor", config.pm().meshFactor());
        double z = config.pm().redshift();
        if (info.containsKey("dataset.redshift")) {
            compare(notes, info, "redshift", z);
        } else if (config.a() != 1) {
            notes.add("the model's training set records no redshift (it emulates z = 0); D3M here is that network on the"
                    + " ZA field at z = " + num(z));
        }
        return notes;
    }

    private static void compare(List<String> notes, Map<String, String> info, String key, double here) {
        String v = info.get("dataset." + key);
        if (v == null) {
            return;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Math.abs(d - here) > 1e-9 * Math.max(Math.abs(d), Math.abs(here))) {
                notes.add("the model's training set had " + key + "=" + v.strip() + ", this run has " + key + "="
                        + num(here));
            }
        } catch (NumberFormatException e) {
            // not a number: nothing to compare
        }
    }

    /** A number with at most 6 significant digits and no trailing zeros: 64, 4, 0.3089. */
    static String num(double v) {
        return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * One (cosmology, seed) run: the comparisons of ZA, 2LPT and D3M ({@link #MODELS}, in this order) with
     * FastPM, the rms of the FastPM displacement [Mpc/h], and the wall time [s] of its parts: FastPM, ZA
     * and 2LPT, the predictor, the statistics (with the 3PCF when {@code threePoint}).
     */
    public record SeedRun(long seed, boolean threePoint, List<Comparison.Result> results, double fastPmRms,
                          double fastPmSeconds, double lptSeconds, double predictorSeconds, double statisticsSeconds) {
    }

    /**
     * Runs the table.
     *
     * @param trained     the trained cosmology's setup (its seed is replaced by the config's seeds)
     * @param cosmologies which test cosmologies, in this order
     * @param pkDir       a folder of CLASS tables for the four other cosmologies, or null (see {@link PaperCosmology})
     * @param d3m         the network (the same for every cosmology)
     * @throws IllegalArgumentException bad input, before any work
     * @throws Progress.CancelledException when the progress is cancelled
     */
    public static Result run(SimulationSetup trained, List<PaperCosmology> cosmologies, java.nio.file.Path pkDir,
                             Predictor d3m, Config config, Progress progress) {
        Progress prog = progress == null ? Progress.NONE : progress;
        List<SimulationSetup> setups = setups(trained, cosmologies, pkDir);
        MemoryCheck.require(memoryBytes(trained, config.pm().meshFactor()), "reproduce-table on grid " + trained.box().n() + "^3");
        // progress weights: a run with the 3PCF costs about 20 plain runs at 32^3 with the particle
        // estimator, about 3 with the mesh estimator
        double extra = config.statistics().estimator() == org.d3m.core.analysis.ThreePointEstimator.PARTICLES ? 19.0 : 2.0;
        double perCosmology = config.seeds() + extra * config.threePointSeeds();
        double total = perCosmology * cosmologies.size();
        double done = 0;
        List<List<SeedRun>> runs = new ArrayList<>();
        for (int ci = 0; ci < cosmologies.size(); ci++) {
            PaperCosmology cosmo = cosmologies.get(ci);
            List<SeedRun> seedRuns = new ArrayList<>();
            for (int i = 0; i < config.seeds(); i++) {
                prog.checkCancelled();
                long seed = config.seedOffset() + i;
                boolean three = i < config.threePointSeeds();
                double w = three ? 1 + extra : 1;
                Progress p = prog.sub(done / total, (done + w) / total);
                done += w;
                String what = cosmo.key() + " seed " + seed + " (" + (i + 1) + "/" + config.seeds() + ", cosmology "
                        + (ci + 1) + "/" + cosmologies.size() + ")";
                seedRuns.add(runSeed(setups.get(ci), seed, three, config, d3m, p, what));
            }
            runs.add(seedRuns);
        }
        prog.report(1, "table done");
        return assemble(config, cosmologies, setups, runs);
    }

    /**
     * One seed of one cosmology ({@code setup}, its seed replaced by {@code seed}): FastPM, ZA, 2LPT and the
     * predictor on the ZA field, each compared with FastPM (with the 3PCF when {@code threePoint}). The
     * per-seed piece of {@link #run}; runs on a Spark executor as well. {@code what} names the run in
     * progress messages.
     */
    public static SeedRun runSeed(SimulationSetup setup, long seed, boolean threePoint, Config config, Predictor d3m,
                                  Progress progress, String what) {
        Progress p = progress == null ? Progress.NONE : progress;
        p.report(0, what + ": FastPM");
        Realization r = new Realization(setup.withSeed(seed));
        long t0 = System.nanoTime();
        VectorField truth = r.fastPm(config.pm(), threePoint ? p.sub(0, 0.05) : p.sub(0, 0.6)).displacement();
        long t1 = System.nanoTime();
        VectorField za = r.lpt(1, config.a());
        VectorField lpt2 = r.lpt(2, config.a());
        long t2 = System.nanoTime();
        p.report(threePoint ? 0.05 : 0.6, what + ": D3M");
        // the cosmology and redshift go to the emulator: a conditioned model uses them, the paper's ignores them
        VectorField net = d3m.predict(za, setup.cosmology().omegaM(), config.pm().redshift(), Progress.NONE);
        long t3 = System.nanoTime();
        // the comparison: the truth's products, then each prediction (a quarter each with the 3PCF)
        double from = threePoint ? 0.06 : 0.7;
        String stats = threePoint ? ": statistics and 3PCF of " : ": statistics of ";
        p.report(from, what + stats + "FastPM");
        Comparison c = new Comparison(config.statistics().withThreePoint(threePoint));
        Comparison.Truth truthStats = c.truth(truth);
        List<VectorField> preds = List.of(za, lpt2, net);
        List<Comparison.Result> results = new ArrayList<>();
        for (int m = 0; m < MODELS.size(); m++) {
            p.checkCancelled();
            p.report(from + (1 - from) * (m + 1) / (MODELS.size() + 1), what + stats + MODELS.get(m));
            results.add(c.compare(MODELS.get(m), preds.get(m), truthStats));
        }
        long t4 = System.nanoTime();
        return new SeedRun(seed, threePoint, results, truth.rms(), (t1 - t0) * 1e-9, (t2 - t1) * 1e-9,
                (t3 - t2) * 1e-9, (t4 - t3) * 1e-9);
    }

    /**
     * The table from the runs of every cosmology ({@code runs.get(ci)}: the seeds of cosmology ci, in seed
     * order): per cosmology the cells' mean and scatter, the spectra averaged over seeds and the mean
     * FastPM rms; the timings summed over all runs.
     */
    public static Result assemble(Config config, List<PaperCosmology> cosmologies, List<SimulationSetup> setups,
                                  List<List<SeedRun>> runs) {
        double[] t = new double[5];
        int count = 0;
        int threePointRuns = 0;
        List<CosmologyResult> out = new ArrayList<>();
        for (int ci = 0; ci < cosmologies.size(); ci++) {
            SimulationSetup setup = setups.get(ci);
            ComparisonTable table = new ComparisonTable(config.statistics().kProbe());
            SpectrumAverage curves = new SpectrumAverage();
            double rms = 0;
            for (SeedRun run : runs.get(ci)) {
                t[0] += run.fastPmSeconds();
                t[1] += run.lptSeconds();
                t[2] += run.predictorSeconds();
                t[run.threePoint() ? 4 : 3] += run.statisticsSeconds();
                count++;
                threePointRuns += run.threePoint() ? 1 : 0;
                table.add(run.results());
                curves.add(run.results());
                rms += run.fastPmRms();
            }
            var power = setup.linearPower();
            out.add(new CosmologyResult(cosmologies.get(ci), setup, power.describe(), power.sigma8(), table,
                    curves.results(), rms / runs.get(ci).size()));
        }
        return new Result(config, out, new Timings(t[0], t[1], t[2], t[3], t[4], count, threePointRuns));
    }
}
