package org.d3m.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.NetSession;
import org.d3m.core.emulator.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator through the facade ({@link D3m#loadModel}, {@link Model}) with a tiny untrained
 * model at 16^3; the scripts that call it run in {@link ScriptsTest}.
 */
class ModelFacadeTest {

    @Test
    void aSetupsOwnZaAndAGivenZaImageGiveTheSamePredictionAndSymmetriesAreSettable(@TempDir Path dir) {
        Path weights = dir.resolve("tiny.d3mw");
        try (NetSession s = NetSession.create(4, false, 21, Device.cpu())) {
            WeightsFile.save(weights, s.net(), new ModelMeta(4, 16, 8.0, false, Map.of("dataset.kernel", "fastpm")));
        }
        try (Model net = D3m.loadModel(weights.toString(), "cpu")) {
            D3m sim = D3m.paper(7).withBox(128, 16);
            assertEquals(Emulator.DEFAULT_SYMMETRIES, net.symmetries());
            float[][] averaged = FieldViews.vector(sim.emulate(net), 128).c();
            float[][] fromImage = FieldViews.vector(D3m.emulate(net, sim.za(), sim.boxSize()), 128).c();
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(averaged[c], fromImage[c], "component " + c + ": the setup's own ZA and the ZA image");
            }
            // the symmetry averaging: Emulator.DEFAULT_SYMMETRIES by default, settable; the network alone gives another field
            assertEquals(net, net.withSymmetries(1));
            assertEquals(1, net.symmetries());
            float[][] alone = FieldViews.vector(sim.emulate(net), 128).c();
            assertTrue(!Arrays.deepEquals(averaged, alone), "averaging changed nothing");
            assertTrue(assertThrows(IllegalArgumentException.class, () -> net.withSymmetries(0)).getMessage().contains("1..48"));
        }
    }
}
