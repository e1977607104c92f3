package org.d3m.core.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.ComparisonTable;
import org.d3m.core.cosmology.EisensteinHu;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.WeightsFile;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.LptKernel;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.testfixtures.TinyModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduced Table 1 on a 64 Mpc/h box with 16^3 particles, FastPM with 2 steps, two seeds, a
 * tiny model trained in the test ({@link TinyModel}), and a small 3PCF (l <= 4, 2 bins up to
 * 10 Mpc/h) on the first seed only.
 */
class PaperTableTest {

    static final Comparison.Settings STATS = new Comparison.Settings(1, 0.02, new double[] {0.11, 0.5}, false, 4, 2, 10, 2);
    static final FastPmSolver.Config PM = FastPmSolver.Config.defaults().withSteps(TinyModel.STEPS).withThreads(2);
    static final PaperTable.Config CONFIG = new PaperTable.Config(2, 1000, 1, PM, STATS);

    static Emulator emulator;
    static PaperTable.Result all;

    @BeforeAll
    static void runAllFiveCosmologies() {
        long t0 = System.nanoTime();
        emulator = Emulator.load(TinyModel.weights(), "cpu");
        long t1 = System.nanoTime();
        all = PaperTable.run(TinyModel.setup(0), List.of(PaperCosmology.values()), null, (za, om, z, p) -> emulator.predict(za, om, z, true, p), CONFIG,
                Progress.NONE);
        System.out.printf(Locale.ROOT, "tiny model %.1f s; table %.1f s: %s%n", (t1 - t0) * 1e-9,
                (System.nanoTime() - t1) * 1e-9, all.timings());
    }

    @AfterAll
    static void close() {
        emulator.close();
    }

    @Test
    void everyCosmologyHasZa2lptAndD3mRowsWithTheThreePointOnItsSeedsOnly() {
        assertEquals(5, all.cosmologies().size());
        for (PaperTable.CosmologyResult c : all.cosmologies()) {
            List<ComparisonTable.Row> rows = c.table().rows();
            List<String> labels = rows.stream().map(ComparisonTable.Row::label).toList();
            assertEquals(List.of("ZA density", "ZA displacement", "2LPT density", "2LPT displacement", "D3M density",
                    "D3M displacement"), labels, c.cosmology().key());
            assertEquals(2, c.table().seeds());
            for (ComparisonTable.Row r : rows) {
                int last = r.mean().length - 1;
                boolean density = r.label().endsWith("density");
                assertEquals(density ? 1 : 0, r.count()[last], r.label() + ": 3PCF on the first seed only");
                assertEquals(density ? 0 : 2, r.count()[0], r.label() + ": point-wise on displacement rows");
                // a 64 Mpc/h box has no modes in the bin of k = 0.11 (k_F = 0.098, then 0.139): those cells are absent
                for (int k = 1; k < last; k++) {
                    assertEquals(k <= 2 ? 0 : 2, r.count()[k], r.label() + " cell " + k);
                    assertTrue(k <= 2 || Double.isFinite(r.mean()[k]) && r.std()[k] >= 0, r.label() + " cell " + k);
                }
                if (density) {
                    assertTrue(r.mean()[last] > 0 && Double.isNaN(r.std()[last]), "one seed: a mean, no scatter");
                } else {
                    assertTrue(r.mean()[0] > 0 && r.mean()[0] < 2, r.label() + " point-wise " + r.mean()[0]);
                }
            }
            assertEquals(3, c.curves().size());
        }
        PaperTable.Timings t = all.timings();
        assertEquals(10, t.runs());
        assertEquals(5, t.threePointRuns());
        assertTrue(t.fastPm() > 0 && t.predictor() > 0 && t.statisticsWithThreePoint() > 0);
    }

    /** The rows are exactly what Comparison gives for the same seeds (as ensemble-compare computes them). */
    @Test
    void rowsEqualComparisonOnTheSameSeeds() {
        for (PaperCosmology cosmo : List.of(PaperCosmology.TRAINED, PaperCosmology.OM_0_5)) {
            ComparisonTable ref = new ComparisonTable(STATS.kProbe());
            double threePoint = Double.NaN;
            for (long seed = 1000; seed <= 1001; seed++) {
                Comparison c = new Comparison(STATS.withThreePoint(seed == 1000));
                Realization r = new Realization(cosmo.setup(TinyModel.setup(seed), null));
                Comparison.Truth truth = c.truth(r.fastPm(PM, Progress.NONE).displacement());
                VectorField za = r.lpt(1, 1);
                List<Comparison.Result> res = List.of(c.compare("ZA", za, truth), c.compare("2LPT", r.lpt(2, 1), truth),
                        c.compare("D3M", emulator.predict(za, Progress.NONE), truth));
                ref.add(res);
                if (seed == 1000) {
                    threePoint = res.get(1).threePointResidual();
                }
            }
            List<ComparisonTable.Row> want = ref.rows();
            List<ComparisonTable.Row> got = result(cosmo).table().rows();
            for (int i = 0; i < want.size(); i++) {
                assertArrayEquals(want.get(i).mean(), got.get(i).mean(), 0, cosmo.key() + " " + want.get(i).label());
                assertArrayEquals(want.get(i).std(), got.get(i).std(), 0, cosmo.key() + " " + want.get(i).label());
            }
            double[] lpt2Density = got.get(2).mean();
            assertEquals(threePoint, lpt2Density[lpt2Density.length - 1], 0, "the 3PCF cell is seed 1000's alone");
        }
    }

    @Test
    void otherCosmologiesRunTheirOwnFastPm() {
        SimulationSetup om05 = result(PaperCosmology.OM_0_5).setup();
        assertEquals(0.5, om05.cosmology().omegaM(), 0);
        assertEquals(2.142e-9, om05.cosmology().aS(), 0, "A_s fixed");
        double want = 0;
        for (long seed = 1000; seed <= 1001; seed++) {
            want += new Realization(om05.withSeed(seed)).fastPm(PM, Progress.NONE).displacement().rms() / 2;
        }
        double om = result(PaperCosmology.OM_0_5).fastPmRms();
        double trained = result(PaperCosmology.TRAINED).fastPmRms();
        assertEquals(want, om, 1e-12 * want);
        assertTrue(om > 1.2 * trained, "Omega_m 0.5 at fixed A_s moves particles further: " + om + " vs " + trained);
        assertTrue(result(PaperCosmology.OM_0_1).fastPmRms() < 0.7 * trained);
        assertTrue(result(PaperCosmology.AS_1_8).fastPmRms() > 1.2 * trained);
        // ZA is linear in the field: sqrt(0.2) of the trained displacement would be ZA's; FastPM is near it
        assertEquals(Math.sqrt(0.2), result(PaperCosmology.AS_0_2).fastPmRms() / trained, 0.05);
        assertEquals(result(PaperCosmology.AS_1_8).setup().linearPower().sigma8(),
                Math.sqrt(1.8) * result(PaperCosmology.TRAINED).setup().linearPower().sigma8(), 1e-9);
    }

    @Test
    void filesHoldOneRowPerCosmologyModelAndField() {
        String csv = PaperTableFiles.csv(all);
        String[] lines = csv.split("\n");
        assertEquals(1 + 5 * 6, lines.length);
        assertEquals("cosmology,model,field,seeds,pointwise,pointwise_std,T(0.11),T(0.11)_std,r(0.11),r(0.11)_std,"
                + "T(0.50),T(0.50)_std,r(0.50),r(0.50)_std,3PCF,3PCF_std,3PCF_seeds", lines[0]);
        assertTrue(lines[lines.length - 1].startsWith("Om0.1,D3M,displacement,2,"), lines[lines.length - 1]);
        assertTrue(lines[1].startsWith("trained,ZA,density,2,NaN,NaN,") && lines[1].endsWith(",1"), lines[1]);
        String md = PaperTableFiles.markdown(all, List.of("a note"));
        assertTrue(md.contains("| Om0.5 | D3M | displacement | "), md);
        assertTrue(md.contains(" ± "), md);
        assertTrue(md.contains("- a note"), md);
        assertTrue(md.contains("| Om0.1 | 0.0250 | 0.99 | 1.00 | 1.04 | 1.00 | 0.0120 |"), "the paper's D3M row: " + md);
        assertTrue(md.contains("would take about"), md);
    }

    @Test
    void badNamesMissingTablesAndMismatchedModelsAreOneLineErrors(@TempDir Path dir) {
        String m = assertThrows(IllegalArgumentException.class, () -> PaperCosmology.parse("trained, Om0.7")).getMessage();
        assertEquals("unknown cosmology 'Om0.7' in cosmologies; use all or a comma-separated list of trained, As1.8x,"
                + " As0.2x, Om0.5, Om0.1", m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaperCosmology.parse("Om0.5,om0.5")).getMessage()
                .contains("listed twice"));
        assertEquals(List.of(PaperCosmology.TRAINED, PaperCosmology.OM_0_1), PaperCosmology.parse(" om0.1 ,Trained"));
        assertEquals(5, PaperCosmology.parse("all").size());

        m = assertThrows(IllegalArgumentException.class,
                () -> PaperTable.setups(TinyModel.setup(0), PaperCosmology.parse("trained,Om0.5"), dir)).getMessage();
        assertEquals("pk_dir " + dir + " has no class_pk_Om0.5.txt (the linear P(k) table of cosmology Om0.5,"
                + " Omega_m = 0.5)", m);
        assertThrows(IllegalArgumentException.class, () -> new PaperTable.Config(2, 0, -1, PM, STATS));
        assertEquals(2, new PaperTable.Config(2, 0, 10, PM, STATS).threePointSeeds(), "at most every seed");

        ModelMeta meta = WeightsFile.readMeta(TinyModel.weights());
        m = assertThrows(IllegalArgumentException.class, () -> PaperTable.checkModel(meta, TinyModel.setup(0),
                new PaperTable.Config(4, 507, 0, PM, STATS))).getMessage();
        assertEquals("seeds 507..510 include seeds the model was trained on (500..509, from its dataset metadata);"
                + " choose seed >= 510", m);
        m = assertThrows(IllegalArgumentException.class, () -> PaperTable.checkModel(meta,
                TinyModel.setup(0).withKernel(LptKernel.EXACT), CONFIG)).getMessage();
        assertTrue(m.startsWith("the model was trained on kernel=fastpm fields, not kernel=exact"), m);
        SimulationSetup coarse = new SimulationSetup(new Box(128, 16), TinyModel.setup(0).cosmology(), null, Double.NaN, 0, 2);
        m = assertThrows(IllegalArgumentException.class, () -> PaperTable.checkModel(meta, coarse, CONFIG)).getMessage();
        assertEquals("the model was trained on grid 16 in a 64 Mpc/h box (4 Mpc/h per cell); this run has grid 16 in 128"
                + " Mpc/h (pass box_size and grid with that spacing)", m);

        assertTrue(PaperTable.checkModel(meta, TinyModel.setup(0), CONFIG).isEmpty(), "the training set's own keys");
        List<String> notes = PaperTable.checkModel(meta, new SimulationSetup(TinyModel.BOX,
                TinyModel.setup(0).cosmology().withOmegaM(0.3), null, Double.NaN, 0, 2),
                new PaperTable.Config(2, 1000, 1, PM.withSteps(5), STATS));
        assertEquals(List.of("the model's training set had omega_m=0.3089, this run has omega_m=0.3",
                "the model's training set had steps=2, this run has steps=5"), notes);

    }

    /**
     * At a redshift the table's FastPM stops there, ZA and 2LPT are taken there, and the predictor gets the
     * ZA field at that redshift with that redshift and the cosmology's Omega_m; a model whose training set
     * records no redshift is noted.
     */
    @Test
    void aConditionedModelIsNotedWithItsRangesAtAnyRedshift() {
        ModelMeta meta = WeightsFile.readMeta(org.d3m.testfixtures.TinyConditionedModel.weights());
        PaperTable.Config z1 = new PaperTable.Config(1, 1000, 0, PM.withRedshift(1), STATS);
        List<String> notes = PaperTable.checkModel(meta, TinyModel.setup(0), z1);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("the model is conditioned on the cosmology and redshift, trained over Omega_m"),
                notes.toString());
    }

    @Test
    void atARedshiftEveryFieldIsThere() {
        PaperTable.Config z1 = new PaperTable.Config(1, 1000, 0, PM.withRedshift(1), STATS);
        assertEquals(0.5, z1.a());
        List<VectorField> given = new ArrayList<>();
        double[] told = new double[2];
        PaperTable.SeedRun run = PaperTable.runSeed(TinyModel.setup(0), 1000, false, z1, (za, om, z, p) -> {
            given.add(za);
            told[0] = om;
            told[1] = z;
            return za;
        }, Progress.NONE, "z=1");
        assertArrayEquals(new double[] {0.3089, 1.0}, told, 1e-12, "the predictor is told Omega_m and z");
        Realization r = new Realization(TinyModel.setup(1000));
        VectorField za = r.lpt(1, 0.5);
        for (int d = 0; d < 3; d++) {
            assertArrayEquals(za.c()[d], given.get(0).c()[d], "the predictor gets ZA at z = 1");
        }
        VectorField truth = r.fastPm(PM.withRedshift(1), Progress.NONE).displacement();
        Comparison c = new Comparison(STATS);
        assertEquals(c.compare("ZA", za, c.truth(truth)).pointwise().mean(), run.results().get(0).pointwise().mean(), 1e-12);
        assertEquals(c.compare("2LPT", r.lpt(2, 0.5), c.truth(truth)).pointwise().mean(),
                run.results().get(1).pointwise().mean(), 1e-12);
        assertEquals(truth.rms(), run.fastPmRms(), 1e-12);

        ModelMeta meta = WeightsFile.readMeta(TinyModel.weights());
        assertEquals(List.of("the model's training set records no redshift (it emulates z = 0); D3M here is that network"
                + " on the ZA field at z = 1"), PaperTable.checkModel(meta, TinyModel.setup(0), z1));
        String md = PaperTableFiles.markdown(new PaperTable.Result(z1, List.of(), all.timings()), List.of());
        assertTrue(md.contains("- FastPM: 2 steps from a = 0.1 to 0.5 (z = 1), force mesh factor 2; ZA, 2LPT and the"
                + " statistics at the same z"), md);
    }

    @Test
    void tablesInPkDirAreUsedAndDerivedSpectraFollowThePaper(@TempDir Path dir) throws IOException {
        SimulationSetup trained = TinyModel.setup(0);
        // a table of Eisenstein-Hu at Omega_m = 0.5, times 1.5
        EisensteinHu eh = new EisensteinHu(trained.cosmology().withOmegaM(0.5));
        StringBuilder sb = new StringBuilder("# k P\n");
        for (int i = 0; i <= 400; i++) {
            double k = Math.pow(10, -4 + 5.0 * i / 400);
            sb.append(String.format(Locale.ROOT, "%.8e %.8e%n", k, 1.5 * eh.at(k)));
        }
        Files.writeString(dir.resolve("class_pk_Om0.5.txt"), sb.toString());
        SimulationSetup om = PaperCosmology.OM_0_5.setup(trained, dir);
        assertEquals(dir.resolve("class_pk_Om0.5.txt"), om.pkFile());
        assertEquals(0.5, om.cosmology().omegaM(), 0);
        assertEquals(Math.sqrt(1.5) * eh.sigma8(), om.linearPower().sigma8(), 1e-4 * eh.sigma8());

        // without tables: A_s scales the trained spectrum, whatever it is; Omega_m keeps sigma8's factor
        SimulationSetup renorm = new SimulationSetup(trained.box(), trained.cosmology(), null, 0.8, 0, 2);
        assertEquals(0.8 * Math.sqrt(0.2), PaperCosmology.AS_0_2.setup(renorm, null).linearPower().sigma8(), 1e-6);
        double factor = 0.8 / new EisensteinHu(trained.cosmology()).sigma8();
        assertEquals(factor * new EisensteinHu(trained.cosmology().withOmegaM(0.1)).sigma8(),
                PaperCosmology.OM_0_1.setup(renorm, null).linearPower().sigma8(), 1e-6);
        assertEquals(trained, PaperCosmology.TRAINED.setup(trained, dir), "the trained cosmology is the given one");
    }

    /** The project's CLASS tables, when the shared reference data are present: pk_dir reads all four. */
    @Test
    void classTablesOfTheReferenceData() throws IOException {
        String shared = System.getProperty("d3m.shared.data");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared)), "shared data not available");
        List<SimulationSetup> s = PaperTable.setups(TinyModel.setup(0), List.of(PaperCosmology.values()), Path.of(shared));
        for (int i = 1; i < 5; i++) {
            Path table = s.get(i).pkFile();
            String header = Files.readAllLines(table).stream().filter(l -> l.contains("sigma8")).findFirst().orElseThrow();
            double want = Double.parseDouble(header.replaceAll(".*sigma8\\s*=\\s*([0-9.]+).*", "$1"));
            assertEquals(want, s.get(i).linearPower().sigma8(), 2e-3 * want, table.toString());
        }
        assertNull(s.get(0).pkFile(), "the trained cosmology keeps its own spectrum");
    }

    @Test
    void cancelStopsTheRun() {
        Progress cancel = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(Progress.CancelledException.class, () -> PaperTable.run(TinyModel.setup(0),
                List.of(PaperCosmology.TRAINED), null, (za, om, z, p) -> emulator.predict(za, om, z, true, p), CONFIG, cancel));
    }

    @Test
    void timingsEstimateALargerRunFromThePerPartCosts() {
        PaperTable.Timings t = new PaperTable.Timings(10, 2, 3, 5, 82, 10, 2);
        assertEquals(15.0 / 10 + 5.0 / 8, t.perRun(), 1e-12);
        assertEquals(41 - 5.0 / 8, t.threePointExtra(), 1e-12);
        assertEquals(5 * (100 * t.perRun() + 10 * t.threePointExtra()), t.estimate(5, 100, 10), 1e-9);
        assertFalse(Double.isNaN(t.total()));
        assertEquals(6, PaperTable.statistics(new Box(64, 16), 1).bins(), "6 bins of 5 Mpc/h fit in half a 64 Mpc/h box");
        assertEquals(30, PaperTable.statistics(new Box(64, 16), 1).rMax(), 1e-12);
        assertEquals(10, PaperTable.statistics(new Box(128, 32), 1).bins());
    }

    private static PaperTable.CosmologyResult result(PaperCosmology c) {
        List<PaperTable.CosmologyResult> found = new ArrayList<>();
        for (PaperTable.CosmologyResult r : all.cosmologies()) {
            if (r.cosmology() == c) {
                found.add(r);
            }
        }
        assertEquals(1, found.size());
        return found.get(0);
    }
}
