package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.analysis.PowerSpectrum;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Npy;
import org.d3m.core.io.Provenance;
import org.d3m.ij.fields.FieldFiles;
import org.d3m.testfixtures.FastPmFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linear_input and kernel keys, and FastPM directories as inputs, through the launcher. */
class LinearInputCommandsTest {

    private static void assertOneLineError(GeneratorCommandsTest.Result r, String contains) {
        assertNotEquals(0, r.code());
        String e = r.err().strip();
        assertTrue(e.startsWith("error:") && !e.contains("\n"), e);
        assertTrue(e.contains(contains), e);
    }

    /** The "done when": simulate on FastPM's linear field matches FastPM's own run to under 0.1%. */
    @Test
    void simulateOnFastPmsLinearFieldMatchesFastPm(@TempDir Path dir) throws Exception {
        FastPmFixture fx = FastPmFixture.seed(101);
        Path out = dir.resolve("pm.npy");
        GeneratorCommandsTest.Result r = cli("simulate", "linear_input=" + fx.file("linear_delta.npy"), "output=" + out,
                "momentum_output=" + dir.resolve("p.npy"));
        assertEquals(0, r.code(), r.err());
        VectorField ours = Npy.readVector(out, FastPmFixture.BOX);
        double e = FastPmFixture.relativeRms(ours, fx.vector("fastpm_a1.0000.npy"));
        assertTrue(e < 1e-3, "simulate vs FastPM: " + e);
        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(out)));
        assertEquals("fastpm", p.get("kernel"));
        assertEquals(fx.file("linear_delta.npy").toString(), p.get("linear_input"));

        // the IC directory gives the same run; the exact kernel does not reproduce FastPM
        Path fromIc = dir.resolve("pm-ic.npy");
        assertEquals(0, cli("simulate", "linear_input=" + fx.file("IC"), "output=" + fromIc).code());
        assertTrue(FastPmFixture.relativeRms(Npy.readVector(fromIc, 128), ours) < 1e-5);
        Path exact = dir.resolve("pm-exact.npy");
        assertEquals(0, cli("simulate", "linear_input=" + fx.file("IC"), "kernel=exact", "output=" + exact).code());
        double eExact = FastPmFixture.relativeRms(Npy.readVector(exact, 128), fx.vector("fastpm_a1.0000.npy"));
        assertTrue(eExact > 0.02, "the exact kernel is a different discretisation: " + eExact);

        // ZA (initial-conditions, lpt) from the same input are FastPM's ZA
        Path za = dir.resolve("za.npy");
        r = cli("initial-conditions", "linear_input=" + fx.file("IC"), "displacement_output=" + za,
                "output=" + dir.resolve("delta.npy"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("linear field from"), r.out());
        assertTrue(FastPmFixture.relativeRms(Npy.readVector(za, 128), fx.vector("za_z0.npy")) < 1e-4);
        Path lpt2 = dir.resolve("2lpt.tif");
        assertEquals(0, cli("lpt", "order=2", "linear_input=" + fx.file("linear_delta.npy"), "output=" + lpt2).code());
        assertTrue(FastPmFixture.relativeRms(FieldFiles.readVector(lpt2.toFile(), 0), fx.vector("2lpt_z0.npy")) < 1e-4);
    }

    /** A FastPM snapshot directory is a displacement input: paint-density and compare read it. */
    @Test
    void fastPmSnapshotIsADisplacementInput(@TempDir Path dir) throws Exception {
        FastPmFixture fx = FastPmFixture.seed(101);
        Path snap = fx.file("fastpm_1.0000");
        Path delta = dir.resolve("delta.npy");
        GeneratorCommandsTest.Result r = cli("paint-density", "input=" + snap, "output=" + delta);
        assertEquals(0, r.code(), r.err());
        Path deltaNpy = dir.resolve("delta-npy.npy");
        assertEquals(0, cli("paint-density", "input=" + fx.file("fastpm_a1.0000.npy"), "box_size=128", "output=" + deltaNpy).code());
        ScalarField a = Npy.readScalar(delta, 128);
        ScalarField b = Npy.readScalar(deltaNpy, 128);
        for (int i = 0; i < a.data().length; i++) {
            assertEquals(b.data()[i], a.data()[i], 1e-4);
        }
        r = cli("compare", "truth=" + snap, "prediction=" + fx.file("2lpt_z0.npy"), "box_size=128", "names=2LPT",
                "three_point=false", "output_dir=" + dir.resolve("cmp"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.list(dir.resolve("cmp")).findAny().isPresent());
        r = cli("power-spectrum", "input=" + snap, "output=" + dir.resolve("pk.csv"));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void badLinearInputsAreOneLineErrorsAndWriteNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.npy");
        // not a cube
        Path flat = dir.resolve("flat.npy");
        Npy.writeFloats(flat, new int[] {16, 16, 8}, new float[16 * 16 * 8]);
        assertOneLineError(cli("simulate", "linear_input=" + flat, "grid=16", "box_size=64", "output=" + out), "cube");
        // odd grid
        Path odd = dir.resolve("odd.npy");
        Npy.writeFloats(odd, new int[] {9, 9, 9}, new float[729]);
        assertOneLineError(cli("lpt", "linear_input=" + odd, "grid=9", "box_size=64", "output=" + out), "even");
        // NaN
        float[] nan = new float[16 * 16 * 16];
        nan[100] = Float.NaN;
        Path bad = dir.resolve("nan.npy");
        Npy.writeFloats(bad, new int[] {16, 16, 16}, nan);
        assertOneLineError(cli("simulate", "linear_input=" + bad, "grid=16", "box_size=64", "output=" + out), "non-finite");
        // grid and box that contradict the file
        Path ok = dir.resolve("ok.npy");
        Npy.writeFloats(ok, new int[] {16, 16, 16}, new float[16 * 16 * 16]);
        assertOneLineError(cli("simulate", "linear_input=" + ok, "grid=32", "output=" + out), "pass grid=16");
        Path tif = dir.resolve("ok.tif");
        FieldFiles.write(tif.toFile(), new ScalarField(new Box(64, 16), new float[16 * 16 * 16]), null);
        assertOneLineError(cli("simulate", "linear_input=" + tif, "grid=16", "box_size=128", "output=" + out),
                "pass box_size=64");
        // a directory that is not FastPM's
        assertOneLineError(cli("simulate", "linear_input=" + dir, "grid=16", "output=" + out), "not a FastPM IC directory");
        assertOneLineError(cli("simulate", "kernel=spectral", "grid=16", "output=" + out), "fastpm, exact");
        assertFalse(Files.exists(out));
    }

    /** The kernel key: different discretisations of the same seed, recorded in provenance; same linear field. */
    @Test
    void kernelKeyChangesTheDiscretisationOnly(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("fastpm.npy");
        Path b = dir.resolve("exact.npy");
        assertEquals(0, cli("lpt", "order=1", "grid=16", "box_size=64", "seed=3", "output=" + a).code());
        assertEquals(0, cli("lpt", "order=1", "grid=16", "box_size=64", "seed=3", "kernel=exact", "output=" + b).code());
        VectorField fa = Npy.readVector(a, 64);
        VectorField fb = Npy.readVector(b, 64);
        PowerSpectrum ps = new PowerSpectrum(fa.box(), PowerSpectrum.DEFAULT_DK, 2);
        // the same large scales; FastPM's finite difference is weaker near the grid scale
        double low = Math.sqrt(ps.auto(fa).at(0.12) / ps.auto(fb).at(0.12));
        double high = Math.sqrt(ps.auto(fa).at(0.7) / ps.auto(fb).at(0.7));
        assertEquals(1, low, 0.01);
        assertTrue(high < 0.9, "T(0.7) fastpm / exact = " + high);
        assertEquals("exact", Provenance.parseJson(Files.readString(Provenance.sidecarOf(b))).get("kernel"));
    }
}
