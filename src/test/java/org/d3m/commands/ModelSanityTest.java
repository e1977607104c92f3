package org.d3m.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.emulator.DjlRuntime;
import org.d3m.core.emulator.WeightsFile;
import org.d3m.testfixtures.TinyModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 2: a model with NaN weights, or one whose predictions leave the box (a diverged
 * training), ends emulate with one line and exit 1, and writes nothing.
 */
class ModelSanityTest {

    @TempDir
    Path tmp;

    /** A copy of the tiny model with its last parameter (the output layer's bias) set to {@code value}. */
    private Path spoiled(String name, float value, float weightScale) {
        Path f = tmp.resolve(name);
        try (NDManager m = DjlRuntime.engine().newBaseManager(ai.djl.Device.cpu())) {
            WeightsFile.Loaded l = WeightsFile.load(TinyModel.weights(), m);
            var params = l.net().getParameters();
            for (int i = 0; i < params.size(); i++) {
                NDArray a = params.get(i).getValue().getArray();
                if (i == params.size() - 1) {
                    float[] v = a.toFloatArray();
                    v[0] = value;
                    a.set(v);
                } else if (i == params.size() - 2) {
                    a.set(a.mul(weightScale).toFloatArray());
                }
            }
            WeightsFile.save(f, l.net(), l.meta());
        }
        return f;
    }

    private static GeneratorCommandsTest.Result emulate(Path model, Path out) {
        return GeneratorCommandsTest.cli("emulate", "model=" + model, "box_size=64", "grid=16", "seed=5", "device=cpu",
                "output=" + out);
    }

    @Test
    void nanWeightsAreRefusedWhenLoading() {
        Path out = tmp.resolve("psi.npy");
        GeneratorCommandsTest.Result r = emulate(spoiled("nan.d3mw", Float.NaN, 1), out);
        assertEquals(1, r.code(), r.err());
        assertTrue(GeneratorCommandsTest.withoutProgress(r.err()).startsWith("error: ") && r.err().contains("non-finite") && r.err().contains("nan.d3mw"), r.err());
        assertEquals(1, GeneratorCommandsTest.withoutProgress(r.err()).strip().split("\n").length, r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPredictionBeyondTheBoxIsRefusedAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("psi.npy");
        Files.writeString(out, "old");
        GeneratorCommandsTest.Result r = emulate(spoiled("diverged.d3mw", 1e12f, 1e12f), out);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("diverged.d3mw predicts |Psi| up to") && r.err().contains("nothing was written"), r.err());
        assertEquals("old", Files.readString(out));
    }

    @Test
    void theTinyModelItselfPasses() {
        Path out = tmp.resolve("psi.npy");
        GeneratorCommandsTest.Result r = emulate(TinyModel.weights(), out);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out));
    }
}
