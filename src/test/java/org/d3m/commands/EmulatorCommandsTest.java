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
        assertTrue(r.err().strip().startsWith("error:") && !r.err().strip().contains("\n"), r.err());
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
        assertTrue(r.err().strip().startsWith("error: symmetries must be") && r.err().strip().endsWith("got 49")
                && !r.err().strip().contains("\n"), r.err());
        assertTrue(!Files.exists(dir.resolve("y.npy")));

        // the shipped model has a 4 Mpc/h spacing: another spacing is a one-line error
        r = cli("emulate", "grid=16", "box_size=128", "output=" + dir.resolve("x.npy"));
        assertNotEquals(0, r.code());
        assertTrue(r.err().strip().startsWith("error:") && !r.err().strip().contains("\n"), r.err());
        assertTrue(!Files.exists(dir.resolve("x.npy")));
    }
}
