package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.Spectrum;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ensemble over 16 seeds in local[2] with ZA, 2LPT, FastPM and D3M (a tiny model): the mean P(k) is the
 * one a loop over the seeds on one machine gives, the covariance is symmetric positive semi-definite,
 * the network is loaded once per executor, and a run with a fault injected on one seed gives the same
 * files.
 */
class EnsembleJobTest {

    static final int SEEDS = 16;
    static final long FIRST = 1000;

    @Test
    void meanPkIsTheOneByOneMeanAndTheCovarianceIsSymmetricPsd(@TempDir Path dir) throws Exception {
        Path model = TinyModel.weights();
        Path out = dir.resolve("ens");
        int loads = Emulators.LOADS.get();
        Runs.Result r = Runs.spark(Runs.args("ensemble", "seeds=" + SEEDS, "seed=" + FIRST, "models=za,2lpt,fastpm,d3m",
                "model=" + model, "device=cpu", "symmetries=2", "output_dir=" + out, "master=local[2]", "spark.ui.enabled=false"));
        assertEquals(0, r.code(), r.err());
        assertEquals(1, Emulators.LOADS.get() - loads, "the network is loaded once per executor");
        assertTrue(r.out().contains("D3M    point-wise error vs FastPM"), r.out());

        // the seeds one by one on this machine, with the same core calls
        String[] names = {"ZA", "2LPT", "FastPM", "D3M"};
        List<double[]> sums = new ArrayList<>();
        for (int f = 0; f < names.length; f++) {
            sums.add(null);
        }
        double[] k = null;
        long[] modes = null;
        try (Emulator em = Emulator.load(model, "cpu")) {
            em.setSymmetries(2); // as the job was told: a job that ignored the key would use 8
            for (int i = 0; i < SEEDS; i++) {
                SimulationSetup s = new SimulationSetup(new Box(64, 16), Cosmology.planck15(), null, Double.NaN, FIRST + i, 1);
                Realization re = new Realization(s);
                VectorField truth = re.fastPm(FastPmSolver.Config.defaults().withSteps(2).withThreads(1), Progress.NONE)
                        .displacement();
                Comparison c = new Comparison(Comparison.Settings.paper(1).withThreePoint(false));
                Comparison.Truth t = c.truth(truth);
                VectorField za = re.lpt(1, 1);
                Spectrum[] pk = {c.compare("ZA", za, t).density().pred(), c.compare("2LPT", re.lpt(2, 1), t).density().pred(),
                    t.densityPower(), c.compare("D3M", em.predict(za, Progress.NONE), t).density().pred()};
                k = pk[2].k();
                modes = pk[2].modes();
                for (int f = 0; f < names.length; f++) {
                    double[] p = pk[f].p();
                    if (sums.get(f) == null) {
                        sums.set(f, new double[p.length]);
                    }
                    for (int b = 0; b < p.length; b++) {
                        sums.get(f)[b] += p[b];
                    }
                }
            }
        }
        List<String> csv = Files.readAllLines(out.resolve("pk.csv"));
        assertEquals("k,modes,ZA_mean,ZA_std,2LPT_mean,2LPT_std,FastPM_mean,FastPM_std,D3M_mean,D3M_std", csv.get(0));
        int row = 1;
        for (int b = 0; b < k.length; b++) {
            if (modes[b] == 0) {
                continue;
            }
            String[] cells = csv.get(row++).split(",");
            assertEquals(k[b], Double.parseDouble(cells[0]), 1e-12);
            for (int f = 0; f < names.length; f++) {
                double expect = sums.get(f)[b] / SEEDS;
                double got = Double.parseDouble(cells[2 + 2 * f]);
                assertEquals(expect, got, 1e-6 * Math.abs(expect), names[f] + " mean P(k) at k = " + k[b]);
            }
        }
        assertEquals(csv.size(), row, "one row per non-empty bin");

        for (String f : names) {
            double[][] cov = matrix(Files.readAllLines(out.resolve("pk-covariance-" + f + ".csv")));
            assertEquals(row - 1, cov.length);
            for (int i = 0; i < cov.length; i++) {
                for (int j = 0; j < cov.length; j++) {
                    assertEquals(cov[i][j], cov[j][i], 0.0, f + " symmetric");
                }
            }
            double trace = 0;
            for (int i = 0; i < cov.length; i++) {
                trace += cov[i][i];
            }
            for (double ev : eigenvalues(cov)) {
                assertTrue(ev >= -1e-10 * trace, f + " positive semi-definite: eigenvalue " + ev + ", trace " + trace);
            }
            assertTrue(Files.size(out.resolve("pk-correlation-" + f + ".png")) > 1000);
        }
        assertEquals(SEEDS, Runs.files(out.resolve("seeds")).size());

        // the same run with a task that fails once, into a file: URI: retried, and the same files
        Path faulty = dir.resolve("faulty");
        Runs.Result rf = Runs.spark(Runs.args("ensemble", "seeds=" + SEEDS, "seed=" + FIRST, "models=za,2lpt,fastpm,d3m",
                "model=" + model, "device=cpu", "symmetries=2", "output_dir=" + faulty.toUri(), "master=local[2]", "spark.ui.enabled=false",
                Sparks.FAIL_ONCE + "=" + (FIRST + 5)));
        assertEquals(0, rf.code(), rf.err());
        assertTrue(rf.err().contains("1 failed attempt"), rf.err());
        var a = Runs.files(out);
        var b = Runs.files(faulty);
        assertEquals(a.keySet(), b.keySet());
        for (String name : new String[] {"pk.csv", "pk-covariance-FastPM.csv", "pk-covariance-D3M.csv", "pointwise.csv"}) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }

        // resume: everything exists, nothing is recomputed; other settings are refused
        Runs.Result again = Runs.spark(Runs.args("ensemble", "seeds=" + SEEDS, "seed=" + FIRST, "models=za,2lpt,fastpm,d3m",
                "model=" + model, "device=cpu", "symmetries=2", "output_dir=" + out, "master=local[1]", "spark.ui.enabled=false"));
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("seeds,"), "no task ran: " + again.err());
        assertArrayEquals(a.get("pk.csv"), Files.readAllBytes(out.resolve("pk.csv")));
        Runs.Result byDefault = Runs.spark(Runs.args("ensemble", "seeds=" + SEEDS, "seed=" + FIRST, "models=za,2lpt,fastpm,d3m",
                "model=" + model, "device=cpu", "output_dir=" + out, "master=local[1]", "spark.ui.enabled=false"));
        assertEquals(1, byDefault.code());
        assertTrue(byDefault.err().contains("symmetries=2 (now " + org.d3m.core.emulator.Emulator.DEFAULT_SYMMETRIES + ")"),
                byDefault.err());
        Runs.Result other = Runs.spark("ensemble", "grid=16", "box_size=64", "steps=3", "seeds=2", "seed=" + FIRST,
                "models=za", "output_dir=" + out, "master=local[1]", "spark.ui.enabled=false");
        assertEquals(1, other.code());
        assertTrue(other.err().startsWith("error: " + out + " holds an ensemble made with other settings: steps=2 (now 3)"),
                other.err());
    }

    /** redshift=1: FastPM, ZA and 2LPT at z = 1, as the core computes them; a folder made at z = 1 is not extended at z = 0. */
    @Test
    void atARedshiftEveryFieldIsThere(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("z1");
        Runs.Result r = Runs.spark(Runs.args("ensemble", "seeds=2", "seed=" + FIRST, "models=za,2lpt,fastpm", "redshift=1",
                "output_dir=" + out, "master=local[2]", "spark.ui.enabled=false"));
        assertEquals(0, r.code(), r.err());
        double[][] sums = new double[3][];
        double[] k = null;
        long[] modes = null;
        for (int i = 0; i < 2; i++) {
            SimulationSetup s = new SimulationSetup(new Box(64, 16), Cosmology.planck15(), null, Double.NaN, FIRST + i, 1);
            Realization re = new Realization(s);
            VectorField truth = re.fastPm(FastPmSolver.Config.defaults().withSteps(2).withRedshift(1).withThreads(1),
                    Progress.NONE).displacement();
            Comparison c = new Comparison(Comparison.Settings.paper(1).withThreePoint(false));
            Comparison.Truth t = c.truth(truth);
            Spectrum[] pk = {c.compare("ZA", re.lpt(1, 0.5), t).density().pred(),
                c.compare("2LPT", re.lpt(2, 0.5), t).density().pred(), t.densityPower()};
            k = pk[2].k();
            modes = pk[2].modes();
            for (int f = 0; f < 3; f++) {
                if (sums[f] == null) {
                    sums[f] = new double[pk[f].p().length];
                }
                for (int b = 0; b < sums[f].length; b++) {
                    sums[f][b] += pk[f].p()[b] / 2;
                }
            }
        }
        List<String> csv = Files.readAllLines(out.resolve("pk.csv"));
        int row = 1;
        for (int b = 0; b < k.length; b++) {
            if (modes[b] == 0) {
                continue;
            }
            String[] cells = csv.get(row++).split(",");
            for (int f = 0; f < 3; f++) {
                assertEquals(sums[f][b], Double.parseDouble(cells[2 + 2 * f]), 1e-6 * sums[f][b], "field " + f + " at k = " + k[b]);
            }
        }
        Runs.Result z0 = Runs.spark(Runs.args("ensemble", "seeds=2", "seed=" + FIRST, "models=za,2lpt,fastpm",
                "output_dir=" + out, "master=local[1]", "spark.ui.enabled=false"));
        assertEquals(1, z0.code());
        assertTrue(z0.err().startsWith("error: " + out + " holds an ensemble made with other settings: redshift=1.0 (now unset)"),
                z0.err());
        Runs.Result bad = Runs.spark(Runs.args("ensemble", "seeds=2", "redshift=9", "output_dir=" + dir.resolve("x")));
        assertEquals("error: redshift must be in [0, 1/a_start - 1) = [0, 9), got 9", bad.err().strip());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void autoAddsTheShippedModelOnlyWhereItFits() {
        Cosmology c = Cosmology.planck15();
        SimulationSetup paper = new SimulationSetup(
                new Box(128, 32), c, null, Double.NaN, 1, 1);
        SimulationSetup fine = new SimulationSetup(
                new Box(64, 32), c, null, Double.NaN, 1, 1);
        boolean ships = org.d3m.core.emulator.ShippedModel.available();
        assertEquals(ships, EnsembleJob.shippedFits(paper));
        assertFalse(EnsembleJob.shippedFits(fine), "2 Mpc/h per cell: not the shipped model's 4");
        assertEquals(List.of("za", "2lpt", "fastpm", "d3m"), EnsembleJob.fields("auto", true));
        assertEquals(List.of("za", "2lpt", "fastpm"), EnsembleJob.fields("auto", false));
    }

    /** Issue 23, item 6: the summary names the shipped model by its id, not by the temporary file it is read from. */
    @Test
    void theSummaryNamesTheShippedModel(@TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.d3m.core.emulator.ShippedModel.available(), "no model ships");
        Runs.Result r = Runs.spark("ensemble", "grid=32", "box_size=128", "steps=2", "seeds=1", "seed=" + FIRST,
                "models=fastpm,d3m", "symmetries=1", "device=cpu", "output_dir=" + dir.resolve("shipped"), "master=local[1]",
                "spark.ui.enabled=false");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("model " + org.d3m.core.emulator.ShippedModel.ID + " (width "), r.out());
    }

    @Test
    void badInputIsOneLineBeforeAnyWork(@TempDir Path dir) {
        if (!org.d3m.core.emulator.ShippedModel.available()) { // d3m without a model: the shipped one, when one ships
            Runs.Result r = Runs.spark(Runs.args("ensemble", "seeds=2", "models=za,d3m", "output_dir=" + dir.resolve("x")));
            assertEquals(1, r.code());
            assertEquals("error: " + org.d3m.core.emulator.ShippedModel.NONE, r.err().strip());
            assertFalse(Files.exists(dir.resolve("x")));
        }
        Runs.Result m = Runs.spark(Runs.args("ensemble", "seeds=2", "models=za,nbody", "output_dir=" + dir.resolve("x")));
        assertTrue(m.err().startsWith("error: models: unknown field 'nbody'"), m.err());
        Runs.Result mem = Runs.spark("ensemble", "grid=1024", "seeds=2", "models=za", "output_dir=" + dir.resolve("x"),
                "master=local[2]");
        assertEquals(1, mem.code());
        assertTrue(mem.err().startsWith("error: grid 1024^3 x 2 concurrent tasks needs ~"), mem.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    static double[][] matrix(List<String> lines) {
        int n = lines.size() - 1;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            String[] c = lines.get(i + 1).split(",");
            for (int j = 0; j < n; j++) {
                m[i][j] = Double.parseDouble(c[j + 1]);
            }
        }
        return m;
    }

    /** Eigenvalues of a symmetric matrix (cyclic Jacobi). */
    static double[] eigenvalues(double[][] m0) {
        int n = m0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = m0[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int r = 0; r < n; r++) {
                        double arp = a[r][p];
                        double arq = a[r][q];
                        a[r][p] = c * arp - s * arq;
                        a[r][q] = s * arp + c * arq;
                    }
                    for (int r = 0; r < n; r++) {
                        double apr = a[p][r];
                        double aqr = a[q][r];
                        a[p][r] = c * apr - s * aqr;
                        a[q][r] = s * apr + c * aqr;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }
}
