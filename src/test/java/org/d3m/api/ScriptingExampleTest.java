package org.d3m.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.NetSession;
import org.d3m.core.emulator.WeightsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Java scripting example at 16^3 with a tiny untrained-quality model. */
class ScriptingExampleTest {

    @Test
    void theExampleRunsEveryStep(@TempDir Path dir) {
        Path weights = dir.resolve("tiny.d3mw");
        try (NetSession s = NetSession.create(4, false, 21, Device.cpu())) {
            WeightsFile.save(weights, s.net(), new ModelMeta(4, 16, 8.0, false, Map.of("dataset.kernel", "fastpm")));
        }
        List<String> lines = ScriptingExample.run(7, 16, weights.toString());
        String text = String.join("\n", lines);
        assertTrue(lines.get(0).startsWith("k [h/Mpc]"), text);
        assertTrue(text.contains("D3M: P(k = ") && text.contains("D3M from a ZA image"), text);
        String d3m = lines.stream().filter(x -> x.startsWith("D3M: ")).findFirst().orElseThrow();
        String again = lines.stream().filter(x -> x.startsWith("D3M from")).findFirst().orElseThrow();
        assertEquals(d3m.substring(d3m.indexOf("P(")), again.substring(again.indexOf("P(")),
                "the setup's own ZA and the ZA image give the same prediction");
        assertTrue(text.contains("ZA displacement") && text.contains("2LPT density"), text);
        assertTrue(text.contains("z = 0.0: P(k = ") && text.contains("/ P(z = 0) = 1.0000"), text);
        String z1 = lines.stream().filter(x -> x.startsWith("z = 1.0")).findFirst().orElseThrow();
        double ratio = Double.parseDouble(z1.substring(z1.lastIndexOf('=') + 1).trim());
        assertTrue(ratio > 0.3 && ratio < 0.45, "ZA density power at z = 1 over z = 0 on large scales, about D(1)^2 = 0.37: " + ratio);

        // the symmetry averaging: Emulator.DEFAULT_SYMMETRIES by default, settable; the network alone gives another field
        try (Model net = D3m.loadModel(weights.toString(), "cpu")) {
            D3m sim = D3m.paper(7).withBox(128, 16);
            assertEquals(org.d3m.core.emulator.Emulator.DEFAULT_SYMMETRIES, net.symmetries());
            float[][] averaged = FieldViews.vector(sim.emulate(net), 128).c();
            assertEquals(net, net.withSymmetries(1));
            assertEquals(1, net.symmetries());
            float[][] alone = FieldViews.vector(sim.emulate(net), 128).c();
            assertTrue(!java.util.Arrays.deepEquals(averaged, alone), "averaging changed nothing");
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> net.withSymmetries(0)).getMessage().contains("1..48"));
        }
    }
}
