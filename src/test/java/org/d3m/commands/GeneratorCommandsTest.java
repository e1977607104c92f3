package org.d3m.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.cli.Main;
import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Csv;
import org.d3m.core.io.Npy;
import org.d3m.core.io.Provenance;
import org.d3m.ij.fields.FieldFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The physics commands through the headless launcher's entry point, with the macro keys. */
class GeneratorCommandsTest {

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** stderr without the "[ 42%] ..." progress lines, so that tests see the one error line itself. */
    static String withoutProgress(String err) {
        return err.lines().filter(l -> !l.matches("\\[ *\\d+%\\] .*")).collect(java.util.stream.Collectors.joining("\n"))
                + (err.endsWith("\n") ? "\n" : "");
    }

    private static final String[] SMALL = {"box_size=64", "grid=16", "seed=7", "threads=2"};

    private static String[] with(String command, String... extra) {
        String[] a = new String[1 + SMALL.length + extra.length];
        a[0] = command;
        System.arraycopy(SMALL, 0, a, 1, SMALL.length);
        System.arraycopy(extra, 0, a, 1 + SMALL.length, extra.length);
        return a;
    }

    @Test
    void lptWritesZaAnd2lptWithProvenanceAndGrowth(@TempDir Path dir) throws Exception {
        Path za0 = dir.resolve("za0.npy");
        Path za1 = dir.resolve("za1.tif");
        Path lpt2 = dir.resolve("2lpt.npy");
        assertEquals(0, cli(with("lpt", "order=1", "redshift=0", "output=" + za0)).code());
        Result r = cli(with("lpt", "order=1", "redshift=1", "output=" + za1));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ZA displacement"), r.out());
        assertEquals(0, cli(with("lpt", "order=2", "output=" + lpt2)).code());

        VectorField a = Npy.readVector(za0, 64);
        VectorField b = FieldFiles.readVector(za1.toFile(), 0);
        assertEquals(64, b.box().size(), 1e-9, "TIFF calibration carries the box size");
        double d1 = GrowthFactors.of(0.3089).d1(0.5);
        assertEquals(d1 * a.rms(), b.rms(), 1e-4 * a.rms(), "ZA at z=1 is D1(a=0.5) times ZA at z=0");
        VectorField c = Npy.readVector(lpt2, 64);
        assertNotEquals(a.rms(), c.rms());
        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(lpt2)));
        assertEquals("7", p.get("seed"));
        assertEquals("2", p.get("order"));
        assertEquals("2.142e-9", p.get("a_s"));
    }

    @Test
    void simulateThenPaintThenPowerSpectrum(@TempDir Path dir) throws Exception {
        Path pm = dir.resolve("pm.tif");
        Path mom = dir.resolve("mom.npy");
        Result r = cli(with("simulate", "steps=3", "output=" + pm, "momentum_output=" + mom));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(mom));
        Path rho = dir.resolve("rho.npy");
        r = cli("paint-density", "input=" + pm, "mesh_factor=2", "output=" + rho);
        assertEquals(0, r.code(), r.err());
        ScalarField delta = Npy.readScalar(rho, 64);
        assertEquals(32, delta.box().n());
        assertEquals(0, delta.mean(), 1e-5, "density contrast has zero mean (mass conserved)");

        Path csv = dir.resolve("pk.csv");
        Path png = dir.resolve("pk.png");
        r = cli("power-spectrum", "input=" + rho, "box_size=64", "output=" + csv, "plot_output=" + png);
        assertEquals(0, r.code(), r.err());
        Csv.Table t = Csv.read(csv);
        assertTrue(t.rows() > 5);
        assertTrue(Files.size(png) > 1000);

        Path za = dir.resolve("za.tif");
        assertEquals(0, cli(with("lpt", "order=1", "output=" + za)).code());
        Path cross = dir.resolve("cross.csv");
        r = cli("power-spectrum", "input=" + za, "input2=" + pm, "output=" + cross);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("displacement"), r.out());
        assertEquals(java.util.List.of("k [h/Mpc]", "modes", "P1 [(Mpc/h)^5]", "P2 [(Mpc/h)^5]", "P12 [(Mpc/h)^5]"),
                java.util.List.of(Csv.read(cross).header()), "named columns with units, as in the ResultsTable");
    }

    /**
     * One convention for spectra (issue 26): the power-spectrum CSV and the scripting API's
     * D3m.powerSpectrum give the same rows: bins with modes only, each at its modes' mean k.
     */
    @Test
    void powerSpectrumCsvHasTheScriptingApisRows(@TempDir Path dir) throws Exception {
        Path rho = dir.resolve("za-density.npy");
        Path za = dir.resolve("za.npy");
        assertEquals(0, cli(with("lpt", "order=1", "output=" + za)).code());
        assertEquals(0, cli("paint-density", "input=" + za, "box_size=64", "output=" + rho).code());
        Path csv = dir.resolve("pk.csv");
        Result r = cli("power-spectrum", "input=" + rho, "box_size=64", "output=" + csv);
        assertEquals(0, r.code(), r.err());
        Csv.Table t = Csv.read(csv);
        org.d3m.core.analysis.SpectrumRows api = org.d3m.api.D3m.powerSpectrum(
                org.d3m.api.FieldViews.view(Npy.readScalar(rho, 64)), 64);
        assertEquals(api.size(), t.rows());
        org.junit.jupiter.api.Assertions.assertArrayEquals(api.k(), t.column("k [h/Mpc]"), "the same k, exactly");
        org.junit.jupiter.api.Assertions.assertArrayEquals(api.modeCounts(), t.column("modes"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(api.p(), t.column("P [(Mpc/h)^3]"));
        assertTrue(t.column("k [h/Mpc]")[0] > 0.09, "no empty bin (k_f = 0.098 h/Mpc) below the fundamental mode: " + t.column("k [h/Mpc]")[0]);
    }

    @Test
    void initialConditionsAndLinearPowerReportSigma8(@TempDir Path dir) {
        Path d = dir.resolve("delta.tif");
        Path z = dir.resolve("za.npy");
        Result r = cli(with("initial-conditions", "output=" + d, "displacement_output=" + z));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sigma8 0.83"), r.out());
        assertTrue(Files.isRegularFile(d) && Files.isRegularFile(z));
        r = cli("linear-power", "sigma8=0.8", "output=" + dir.resolve("lin.csv"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sigma8 = 0.8000"), r.out());
    }

    @Test
    void badInputGivesOneLineErrorBeforeAnyWork(@TempDir Path dir) {
        String[][] bad = {
            with("simulate", "grid=15"), with("simulate", "grid=4"), {"simulate", "box_size=-1"},
            {"lpt", "omega_m=1.5"}, {"lpt", "a_s=0"}, {"simulate", "a_start=1.2"}, {"simulate", "steps=0"},
            {"lpt", "output=" + dir.resolve("missing/dir/x.tif")}, {"lpt", "output=" + dir.resolve("x.png")},
            {"simulate", "grid=2048"},
            {"simulate", "redshift=12"}, {"simulate", "redshift=-1"}, {"simulate", "redshift=9"},
            {"simulate", "a_start=0.5", "redshift=1"}, {"simulate", "redshift=NaN"},
            {"demo", "redshift=10", "output_dir=" + dir.resolve("missing/demo")}, {"ensemble-compare", "redshift=-0.5"},
        };
        for (String[] args : bad) {
            Result r = cli(args);
            assertNotEquals(0, r.code(), String.join(" ", args));
            String err = r.err().strip();
            assertTrue(err.startsWith("error:") && !err.contains("\n") && !err.contains("Exception"),
                    String.join(" ", args) + " -> " + err);
        }
        assertFalse(Files.exists(dir.resolve("missing")));
        assertEquals("error: redshift must be in [0, 1/a_start - 1) = [0, 9), got 12", cli("simulate", "redshift=12").err().strip());
        assertEquals("error: redshift must be in [0, 1/a_start - 1) = [0, 1.5), got 2",
                cli("simulate", "a_start=0.4", "redshift=2").err().strip());
    }

    /**
     * simulate redshift=1 stops FastPM at a = 0.5: on plane waves of tiny amplitude (the linear regime) it is
     * 2LPT at z = 1 (exact kernel: FastPM's factors make linear growth exact); titles, summary and
     * provenance say the redshift. The C FastPM comparison is docs/physics.md, "FastPM parity".
     */
    @Test
    void simulateStopsAtTheRedshift(@TempDir Path dir) throws Exception {
        int n = 16;
        double k = 2 * Math.PI / 64;
        float[] d = new float[n * n * n];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (1e-4 * (Math.cos(k * 4 * (i / (n * n))) + 0.5 * Math.sin(k * 4 * (i / n % n))));
        }
        Path lin = dir.resolve("lin.npy");
        Npy.write(lin, new ScalarField(new org.d3m.core.field.Box(64, n), d));
        Path pm = dir.resolve("pm.npy");
        Path mom = dir.resolve("mom.npy");
        Path lpt = dir.resolve("lpt.npy");
        String[] common = {"box_size=64", "grid=16", "threads=2", "kernel=exact", "linear_input=" + lin};
        Result r = cli(concat(new String[] {"simulate", "redshift=1", "output=" + pm, "momentum_output=" + mom}, common));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("FastPM displacement at z=1: grid 16^3"), r.out());
        assertEquals(0, cli(concat(new String[] {"lpt", "order=2", "redshift=1", "output=" + lpt}, common)).code());
        VectorField a = Npy.readVector(pm, 64);
        VectorField b = Npy.readVector(lpt, 64);
        double num = 0;
        double den = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < a.c()[c].length; i++) {
                num += Math.pow(a.c()[c][i] - b.c()[c][i], 2);
                den += Math.pow(b.c()[c][i], 2);
            }
        }
        assertTrue(Math.sqrt(num / den) < 1e-3, "FastPM at z = 1 vs 2LPT at z = 1: " + Math.sqrt(num / den));
        for (Path f : new Path[] {pm, mom}) {
            Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(f)));
            assertEquals("1", p.get("redshift"), f.toString());
            assertEquals("simulate", p.get("command"));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void demoAtARedshiftPutsEveryFieldThere(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        Result r = cli(with("demo", "redshift=1", "output_dir=" + out));
        assertEquals(0, r.code(), r.err());
        String summary = Files.readString(out.resolve("summary.txt"));
        assertTrue(summary.contains("; z=1"), summary);
        // this small box does not fit the shipped model (4 Mpc/h cells, grids of 32): D3M is skipped, saying why
        assertTrue(summary.contains("d3m: skipped (the model wants 4 Mpc/h per cell"), summary);
        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(out.resolve("2lpt-displacement.tif"))));
        assertEquals("1", p.get("redshift"));
        assertEquals("2LPT displacement z=1", p.get("what"));
        VectorField za = FieldFiles.readVector(out.resolve("za-displacement.tif").toFile(), 0);
        Path za0 = dir.resolve("za0.npy");
        assertEquals(0, cli(with("lpt", "order=1", "output=" + za0)).code());
        double d1 = GrowthFactors.of(0.3089).d1(0.5);
        assertEquals(d1 * Npy.readVector(za0, 64).rms(), za.rms(), 1e-4 * za.rms(), "ZA at z = 1");
    }

    @Test
    void benchmarkUpdatesTheTableBetweenItsMarkers(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("perf.md");
        Files.writeString(md, "# Perf\n\nintro\n<!-- benchmark:begin -->\nold\n<!-- benchmark:end -->\n\nnotes after\n");
        Result r = cli("benchmark", "quick=true", "parts=pm", "output=" + md);
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(md);
        assertTrue(text.contains("intro") && text.contains("notes after") && !text.contains("old"), text);
        assertTrue(text.contains("| FFT round trip (r2c + c2r), JTransforms lines | 32^3 |")
                && text.contains("| FFT round trip (r2c + c2r), lanes, interleaved | 32^3 |"), text);
        assertTrue(text.contains("FastPM run, 10 steps"), text);
        assertNotEquals(0, cli("benchmark", "parts=gpu").code());
    }

    @Test
    void demoWritesAllFieldsSpectraAndSummary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        Result r = cli(with("demo", "output_dir=" + out));
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"za", "2lpt", "fastpm"}) {
            VectorField psi = FieldFiles.readVector(out.resolve(f + "-displacement.tif").toFile(), 0);
            assertEquals(64, psi.box().size(), 1e-9, f + " is calibrated");
            ScalarField delta = FieldFiles.readScalar(out.resolve(f + "-density.tif").toFile(), 0);
            assertEquals(0, delta.mean(), 1e-5);
            assertTrue(Files.isRegularFile(Provenance.sidecarOf(out.resolve(f + "-density.tif"))));
        }
        assertTrue(Csv.read(out.resolve("spectra.csv")).header().length >= 7);
        String summary = Files.readString(out.resolve("summary.txt"));
        assertTrue(summary.contains("sigma8") && summary.contains("fastpm"), summary);
        assertTrue(summary.contains("point-wise error against fastpm: za "), summary);
        assertTrue(summary.contains("d3m: skipped (the model wants 4 Mpc/h per cell and a grid that is a multiple of 32; this box is 64 Mpc/h with grid 16)"), summary);
        assertTrue(r.out().contains("rms Psi"), r.out());
    }

    @Test
    void demoInThePapersBoxRunsTheShippedModelAndBeats2lpt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        Result r = cli("demo", "seed=3000001", "threads=2", "output_dir=" + out);
        assertEquals(0, r.code(), r.err());
        VectorField d3m = FieldFiles.readVector(out.resolve("d3m-displacement.tif").toFile(), 0);
        assertEquals(32, d3m.box().n());
        assertTrue(Files.isRegularFile(out.resolve("d3m-density.tif")));
        String summary = Files.readString(out.resolve("summary.txt"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("2lpt ([0-9.]+) d3m ([0-9.]+)").matcher(summary);
        assertTrue(m.find(), summary);
        assertTrue(Double.parseDouble(m.group(2)) < 0.5 * Double.parseDouble(m.group(1)), summary);
        assertTrue(summary.contains("d3m: model " + org.d3m.core.emulator.ShippedModel.ID + " on "), summary);

        // at z = 1 the shipped (conditioned) model emulates there too, and beats 2LPT
        Path z1 = dir.resolve("demo-z1");
        r = cli("demo", "seed=3000002", "threads=2", "redshift=1", "output_dir=" + z1);
        assertEquals(0, r.code(), r.err());
        summary = Files.readString(z1.resolve("summary.txt"));
        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(z1.resolve("d3m-displacement.tif"))));
        assertEquals("1", p.get("redshift"));
        m = java.util.regex.Pattern.compile("2lpt ([0-9.]+) d3m ([0-9.]+)").matcher(summary);
        assertTrue(m.find(), summary);
        assertTrue(Double.parseDouble(m.group(2)) < 0.5 * Double.parseDouble(m.group(1)), summary);
    }
}
