package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare, three-point and ensemble-compare through the launcher's entry point. */
class AnalysisCommandsTest {

    private static final String[] SETUP = {"box_size=128", "grid=16", "seed=3", "threads=2"};

    private static String[] args(String command, String... extra) {
        String[] a = new String[1 + SETUP.length + extra.length];
        a[0] = command;
        System.arraycopy(SETUP, 0, a, 1, SETUP.length);
        System.arraycopy(extra, 0, a, 1 + SETUP.length, extra.length);
        return a;
    }

    @Test
    void compareWritesThePapersTableSpectraAndPlots(@TempDir Path dir) throws Exception {
        Path pm = dir.resolve("pm.tif");
        Path lpt = dir.resolve("2lpt.npy");
        Path za = dir.resolve("za.tif");
        assertEquals(0, cli(args("simulate", "steps=5", "output=" + pm)).code());
        assertEquals(0, cli(args("lpt", "order=2", "output=" + lpt)).code());
        assertEquals(0, cli(args("lpt", "order=1", "output=" + za)).code());
        Path out = dir.resolve("cmp");
        GeneratorCommandsTest.Result r = cli("compare", "truth=" + pm, "prediction=" + lpt, "prediction2=" + za,
                "names=2LPT,ZA", "box_size=128", "threads=2", "output_dir=" + out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2LPT density") && r.out().contains("ZA displacement"), r.out());
        Csv.Table t = Csv.read(out.resolve("table.csv"));
        assertEquals(4, t.rows());
        double lptPointwise = t.column("pointwise")[1];
        double zaPointwise = t.column("pointwise")[3];
        assertTrue(lptPointwise < zaPointwise, "2LPT is closer to FastPM than ZA: " + lptPointwise + " vs " + zaPointwise);
        double lptResidual = t.column("3PCF")[0];
        assertTrue(lptResidual > 0 && lptResidual < 10, "3PCF residual " + lptResidual);
        for (String png : new String[] {"power-density.png", "transfer-density.png", "stochasticity-displacement.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        assertTrue(Csv.read(out.resolve("spectra.csv")).header().length > 6);

        r = cli("compare", "truth=" + pm, "prediction=" + pm, "three_point=false");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1.0000"), "a field against itself: T = r = 1\n" + r.out());
    }

    @Test
    void threePointWritesAllMultipoles(@TempDir Path dir) throws Exception {
        Path za = dir.resolve("za.tif");
        assertEquals(0, cli(args("lpt", "order=1", "output=" + za)).code());
        Path csv = dir.resolve("zeta.csv");
        GeneratorCommandsTest.Result r = cli("three-point", "input=" + za, "r_max=40", "bins=4", "lmax=3", "output=" + csv);
        assertEquals(0, r.code(), r.err());
        Csv.Table t = Csv.read(csv);
        assertEquals(4 * 4 * 4, t.rows());
        double[] zeta = t.column("zeta [triplets]");
        assertEquals(zeta[1], zeta[4], 1e-9 * Math.abs(zeta[1]), "symmetric in (r1, r2)");
        assertEquals(java.util.List.of("l", "b1", "b2", "r1 [Mpc/h]", "r2 [Mpc/h]", "zeta [triplets]"), java.util.List.of(t.header()),
                "the CSV header is the table's");
        assertTrue(r.err().contains("3PCF (mesh): harmonic"), "progress of the default estimator: " + r.err());
    }

    @Test
    void ensembleCompareAveragesSeedsWithScatter(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ens");
        GeneratorCommandsTest.Result r = cli(args("ensemble-compare", "seeds=2", "steps=4", "include_za=true",
                "three_point=false", "output_dir=" + out, "save_dir=" + dir.resolve("fields")));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("±") && r.out().contains("2 seeds"), r.out());
        assertTrue(r.err().contains("seed 4"), "progress names the seeds: " + r.err());
        Csv.Table t = Csv.read(out.resolve("table.csv"));
        assertTrue(t.column("pointwise")[1] < t.column("pointwise")[3], "2LPT beats ZA");
        assertTrue(t.column("pointwise_std")[1] > 0);
        assertTrue(Files.isRegularFile(dir.resolve("fields/seed-4/fastpm-displacement.tif")));

        GeneratorCommandsTest.Result again = cli(args("ensemble-compare", "seeds=2", "three_point=false",
                "input_dir=" + dir.resolve("fields")));
        assertEquals(0, again.code(), again.err());
        assertEquals(r.out().lines().skip(1).findFirst().orElse(""), again.out().lines().skip(1).findFirst().orElse(""),
                "reading the saved fields gives the same table");
    }

    /** At redshift=1 every field is at z = 1: 2LPT is closer to FastPM there than at z = 0 (less non-linear). */
    @Test
    void ensembleCompareAtARedshift(@TempDir Path dir) throws Exception {
        Path z1 = dir.resolve("z1");
        Path z0 = dir.resolve("z0");
        GeneratorCommandsTest.Result r = cli(args("ensemble-compare", "seeds=1", "steps=4", "three_point=false", "redshift=1",
                "output_dir=" + z1, "save_dir=" + dir.resolve("fields")));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("fields at z=1\n"), r.out());
        assertEquals(0, cli(args("ensemble-compare", "seeds=1", "steps=4", "three_point=false", "output_dir=" + z0)).code());
        double at1 = Csv.read(z1.resolve("table.csv")).column("pointwise")[1];
        double at0 = Csv.read(z0.resolve("table.csv")).column("pointwise")[1];
        assertTrue(at1 < 0.8 * at0, "2LPT point-wise error at z = 1 " + at1 + ", at z = 0 " + at0);
        org.d3m.core.io.Provenance p = org.d3m.core.io.Provenance.parseJson(Files.readString(
                org.d3m.core.io.Provenance.sidecarOf(dir.resolve("fields/seed-3/fastpm-displacement.tif"))));
        assertEquals("1", p.get("redshift"));
        assertEquals("fastpm displacement z=1", p.get("what"));
    }
}
