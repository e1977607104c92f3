package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.emulator.Dataset;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Npy;
import org.d3m.core.io.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** make-dataset, train and emulate end to end at a tiny size, through the launcher's entry point. */
class EmulatorCommandsTest {

    @Test
    void datasetTrainEmulate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        GeneratorCommandsTest.Result r = cli("make-dataset", "box_size=64", "grid=16", "seed=100", "samples=10", "steps=2",
                "threads=2", "output_dir=" + data);
        assertEquals(0, r.code(), r.err());
        Dataset d = Dataset.open(data);
        assertEquals(8, d.split("train").size());
        assertEquals(1, d.split("test").size());
        assertTrue(r.out().contains("10 samples"), r.out());
        // resumable: a second run keeps the complete samples
        Path first;
        try (var files = Files.list(data)) {
            first = files.filter(f -> f.toString().endsWith(".d3ms")).findFirst().orElseThrow();
        }
        long before = Files.getLastModifiedTime(first).toMillis();
        assertEquals(0, cli("make-dataset", "box_size=64", "grid=16", "seed=100", "samples=10", "steps=2",
                "output_dir=" + data).code());
        assertEquals(before, Files.getLastModifiedTime(first).toMillis(), "complete samples are not remade");

        Path model = dir.resolve("model");
        r = cli("train", "dataset=" + data, "output_dir=" + model, "width=4", "batch=2", "epochs=2",
                "learning_rate=1e-3", "device=cpu", "threads=2");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(model.resolve("best.d3mw")));
        assertTrue(Files.isRegularFile(model.resolve("losses.csv")));
        assertTrue(Files.size(model.resolve("loss.png")) > 1000);

        Path out = dir.resolve("d3m.npy");
        r = cli("emulate", "model=" + model.resolve("best.d3mw"), "box_size=64", "grid=16", "seed=5", "device=auto",
                "output=" + out, "density_output=" + dir.resolve("d3m-delta.tif"));
        assertEquals(0, r.code(), r.err());
        VectorField psi = Npy.readVector(out, 64);
        assertEquals(16, psi.box().n());
        assertTrue(psi.rms() > 0);
        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(out)));
        assertTrue(p.get("device").contains("DJL") && p.get("device").contains("PyTorch"), p.get("device"));
        assertTrue(Files.isRegularFile(dir.resolve("d3m-delta.tif")));

        // the same field given as a ZA file gives the same prediction
        Path za = dir.resolve("za.tif");
        assertEquals(0, cli("lpt", "order=1", "box_size=64", "grid=16", "seed=5", "output=" + za).code());
        Path out2 = dir.resolve("d3m2.npy");
        r = cli("emulate", "model=" + model.resolve("best.d3mw"), "input=" + za, "output=" + out2);
        assertEquals(0, r.code(), r.err());
        assertEquals(psi.rms(), Npy.readVector(out2, 64).rms(), 1e-5 * psi.rms());

        // the model knows its training kernel (fastpm, the default) and refuses the other one
        r = cli("emulate", "model=" + model.resolve("best.d3mw"), "box_size=64", "grid=16", "seed=5", "kernel=exact");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("was trained on kernel=fastpm fields, not kernel=exact"), r.err());

        // a field with another spacing is refused in one line
        r = cli("emulate", "model=" + model.resolve("best.d3mw"), "box_size=128", "grid=16", "seed=5");
        assertNotEquals(0, r.code());
        assertTrue(GeneratorCommandsTest.withoutProgress(r.err()).strip().startsWith("error:") && !GeneratorCommandsTest.withoutProgress(r.err()).strip().contains("\n"), r.err());
    }

    @Test
    void emulateWithoutAModelUsesTheShippedOne(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("d3m.npy");
        GeneratorCommandsTest.Result r = cli("emulate", "box_size=128", "grid=32", "seed=7", "output=" + out);
        assertEquals(0, r.code(), r.err());
        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(out)));
        assertEquals(ShippedModel.ID, p.get("model"));
        assertEquals("32", p.get("model_width"));
        assertEquals(String.valueOf(org.d3m.core.emulator.Emulator.DEFAULT_SYMMETRIES), p.get("symmetries"));
        assertTrue(r.out().contains("mean over " + org.d3m.core.emulator.Emulator.DEFAULT_SYMMETRIES + " cube symmetries"), r.out());
        VectorField averaged = Npy.readVector(out, 128);
        assertTrue(averaged.rms() > 0);

        // symmetries=1 is the network alone: close to the mean, not equal to it
        Path alone = dir.resolve("alone.npy");
        r = cli("emulate", "box_size=128", "grid=32", "seed=7", "symmetries=1", "output=" + alone);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("the network alone"), r.out());
        VectorField net = Npy.readVector(alone, 128);
        double diff = 0;
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < net.c()[a].length; i++) {
                diff += Math.pow(net.c()[a][i] - averaged.c()[a][i], 2);
            }
        }
        diff = Math.sqrt(diff / (3.0 * net.box().cells()));
        assertTrue(diff > 1e-3 && diff < 0.2 * net.rms(), "rms difference " + diff + " of " + net.rms());
        r = cli("emulate", "box_size=128", "grid=32", "seed=7", "symmetries=49", "output=" + dir.resolve("y.npy"));
        assertNotEquals(0, r.code());
        assertTrue(GeneratorCommandsTest.withoutProgress(r.err()).strip().startsWith("error: symmetries must be") && GeneratorCommandsTest.withoutProgress(r.err()).strip().endsWith("got 49")
                && !GeneratorCommandsTest.withoutProgress(r.err()).strip().contains("\n"), r.err());
        assertTrue(!Files.exists(dir.resolve("y.npy")));

        // the shipped model has a 4 Mpc/h spacing: another spacing is a one-line error
        r = cli("emulate", "grid=16", "box_size=128", "output=" + dir.resolve("x.npy"));
        assertNotEquals(0, r.code());
        assertTrue(GeneratorCommandsTest.withoutProgress(r.err()).strip().startsWith("error:") && !GeneratorCommandsTest.withoutProgress(r.err()).strip().contains("\n"), r.err());
        assertTrue(!Files.exists(dir.resolve("x.npy")));
    }

    @Test
    void conditionedModelTakesTheCosmologyFromKeysOrProvenance(@TempDir Path dir) throws Exception {
        Path model = org.d3m.testfixtures.TinyConditionedModel.weights();
        org.d3m.core.emulator.TrainingRanges tr = org.d3m.core.emulator.TrainingRanges.of(
                org.d3m.core.emulator.WeightsFile.readMeta(model));
        String om = String.valueOf(0.5 * (tr.omegaM()[0] + tr.omegaM()[1]));
        String z = String.valueOf(0.5 * (tr.redshift()[0] + tr.redshift()[1]));
        Path out = dir.resolve("gen.npy");
        GeneratorCommandsTest.Result r = cli("emulate", "model=" + model, "box_size=64", "grid=16", "seed=5", "a_s=2e-9",
                "omega_m=" + om, "redshift=" + z, "symmetries=1", "output=" + out);
        assertEquals(0, r.code(), r.err());
        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(out)));
        assertEquals(om, p.get("omega_m"));
        assertEquals(z, p.get("redshift"), "the provenance records the redshift used");

        // a ZA file made at that cosmology and redshift: its provenance supplies them
        Path za = dir.resolve("za.npy");
        assertEquals(0, cli("lpt", "order=1", "box_size=64", "grid=16", "seed=5", "a_s=2e-9", "omega_m=" + om,
                "redshift=" + z, "output=" + za).code());
        Path out2 = dir.resolve("file.npy");
        r = cli("emulate", "model=" + model, "input=" + za, "box_size=64", "symmetries=1", "output=" + out2);
        assertEquals(0, r.code(), r.err());
        assertEquals(Npy.readVector(out, 64).rms(), Npy.readVector(out2, 64).rms(), 1e-5);
        p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(out2)));
        assertEquals(Double.parseDouble(z), Double.parseDouble(p.get("redshift")), 0);

        // a key that contradicts the provenance is a one-line error, and nothing is written
        Path bad = dir.resolve("bad.npy");
        r = cli("emulate", "model=" + model, "input=" + za, "box_size=64", "redshift=0.9", "output=" + bad);
        assertNotEquals(0, r.code());
        assertTrue(GeneratorCommandsTest.withoutProgress(r.err()).strip().startsWith("error: redshift=0.9 contradicts the input's provenance")
                && !GeneratorCommandsTest.withoutProgress(r.err()).strip().contains("\n"), r.err());
        assertTrue(!Files.exists(bad));

        // outside the trained range: refused in one line unless extrapolate=true
        r = cli("emulate", "model=" + model, "box_size=64", "grid=16", "seed=5", "omega_m=0.8", "output=" + bad);
        assertNotEquals(0, r.code());
        assertTrue(GeneratorCommandsTest.withoutProgress(r.err()).strip().startsWith("error: omega_m 0.8 is outside the model's trained range")
                && !GeneratorCommandsTest.withoutProgress(r.err()).strip().contains("\n"), r.err());
        assertTrue(!Files.exists(bad));
        r = cli("emulate", "model=" + model, "box_size=64", "grid=16", "seed=5", "omega_m=0.8", "extrapolate=true",
                "symmetries=1", "output=" + bad);
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void theUnconditionedModelRefusesOtherCosmologiesAndRedshifts(@TempDir Path dir) {
        Path model = org.d3m.testfixtures.TinyModel.weights();
        GeneratorCommandsTest.Result r = cli("emulate", "model=" + model, "box_size=64", "grid=16", "seed=5",
                "redshift=1", "output=" + dir.resolve("x.npy"));
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("was trained on one cosmology") && r.err().contains("extrapolate=true")
                && !GeneratorCommandsTest.withoutProgress(r.err()).strip().contains("\n"), r.err());
        r = cli("emulate", "model=" + model, "box_size=64", "grid=16", "seed=5", "omega_m=0.2", "output=" + dir.resolve("x.npy"));
        assertNotEquals(0, r.code());
        r = cli("emulate", "model=" + model, "box_size=64", "grid=16", "seed=5", "omega_m=0.2", "extrapolate=true",
                "symmetries=1", "output=" + dir.resolve("x.npy"));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void anInputWhoseProvenanceSaysItIsNotZaIsRefused(@TempDir Path dir) throws Exception {
        Path model = org.d3m.testfixtures.TinyModel.weights();
        Path lpt2 = dir.resolve("2lpt.npy");
        assertEquals(0, cli("lpt", "order=2", "box_size=64", "grid=16", "seed=5", "output=" + lpt2).code());
        Path out = dir.resolve("d3m.npy");
        GeneratorCommandsTest.Result r = cli("emulate", "model=" + model, "input=" + lpt2, "box_size=64",
                "symmetries=1", "output=" + out);
        assertNotEquals(0, r.code());
        assertTrue(GeneratorCommandsTest.withoutProgress(r.err()).strip().startsWith("error: the input is a 2LPT displacement, not a ZA displacement")
                && r.err().contains("allow_non_za=true") && !GeneratorCommandsTest.withoutProgress(r.err()).strip().contains("\n"), r.err());
        assertTrue(!Files.exists(out));
        r = cli("emulate", "model=" + model, "input=" + lpt2, "box_size=64", "symmetries=1", "allow_non_za=true",
                "output=" + out);
        assertEquals(0, r.code(), r.err());

        // a ZA file, and a file without provenance, pass
        Path za = dir.resolve("za.npy");
        assertEquals(0, cli("lpt", "order=1", "box_size=64", "grid=16", "seed=5", "output=" + za).code());
        assertEquals(0, cli("emulate", "model=" + model, "input=" + za, "box_size=64", "symmetries=1",
                "output=" + dir.resolve("a.npy")).code());
        Files.delete(Provenance.sidecarOf(lpt2));
        assertEquals(0, cli("emulate", "model=" + model, "input=" + lpt2, "box_size=64", "symmetries=1",
                "output=" + dir.resolve("b.npy")).code());
    }
}
