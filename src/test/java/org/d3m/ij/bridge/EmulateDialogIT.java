package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Emulate dialog under Xvfb, after the review's steps (issue 26): a ZA field, then a FastPM field of
 * the same seed, the FastPM one current. The dialog must preselect the ZA field (the network's input),
 * list it first, and never offer the current FastPM field as the default.
 */
class EmulateDialogIT {

    @Test
    void emulatePreselectsTheZaFieldNotTheCurrentFastPmOne() throws Exception {
        Assumptions.assumeTrue(IjInstall.onPath("Xvfb") && IjInstall.onPath("timeout"),
                "GUI test skipped: Xvfb is not installed (./run-tests installs it from Debian when it can)");
        Path dir = IjInstall.prepare(IjInstall.root().resolve("target/gui"));
        Path res = dir.resolve("emulate-dialog.txt");
        String probe = "call('org.d3m.testfixtures.GuiProbe.";
        GuiIT.runMacro(dir, "emulate-dialog", String.join("\n",
                "run('ZA Displacement (seed 42)');      // File > Open Samples > D3M",
                "run('FastPM Displacement (seed 42)');  // now the current image",
                probe + "firstChoiceThenCancel', 'Emulate', '" + res + "');",
                "doCommand('Emulate...');               // as a menu click: the dialog opens; the probe cancels it",
                ""), res, GuiIT.WAIT_S);
        Map<String, String> r = GuiIT.parse(Files.readString(res));
        assertEquals("ZA displacement seed=42 z=0", r.get("selected"), "the ZA field is preselected: " + r);
        assertTrue(r.get("items").indexOf("ZA displacement") < r.get("items").indexOf("FastPM displacement"),
                "ZA fields are listed first: " + r);
    }
}
