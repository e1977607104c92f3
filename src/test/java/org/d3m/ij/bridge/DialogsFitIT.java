package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every command's dialog on a 1366x768 laptop screen under Xvfb (issue 26, item 5, item 13 and the
 * tooltip of the low items), opened from its menu entry as a click does:
 * <ul>
 *   <li>each dialog is under 700 px high and its OK button lies on the screen; no tooltip shows while the
 *   mouse has not moved (the dialog opened under it); a screenshot of each is saved
 *   (target/gui-dialogs/dialog-NAME.png);</li>
 *   <li>Linear Power with "custom…" cosmology: the second dialog shows the remembered values, the typed
 *   Ωm runs and is recorded as the key {@code omega_m}, with the other six;</li>
 *   <li>Reproduce Table with its defaults shows its time estimate, which follows the seeds typed, and asks
 *   before the 10-minute run; cancel runs nothing: no image, no recorder line, no output folder.</li>
 * </ul>
 */
class DialogsFitIT {

    @Test
    void everyDialogFitsALaptopScreen() throws Exception {
        Assumptions.assumeTrue(IjInstall.onPath("Xvfb") && IjInstall.onPath("timeout"),
                "GUI test skipped: Xvfb is not installed (./run-tests installs it from Debian when it can)");
        Path dir = IjInstall.prepare(IjInstall.root().resolve("target/gui-dialogs"));
        Path res = dir.resolve("dialogs.txt");
        String probe = "call('org.d3m.testfixtures.GuiProbe.";
        GuiIT.runMacro(dir, "dialogs", String.join("\n",
                "run('Record...');",
                "a = " + probe + "everyDialog', '" + dir + "');",
                "b = " + probe + "customCosmology', 'Linear Power...', 'omega_m', '0.25', '" + dir.resolve("custom-cosmology.png") + "');",
                "c = " + probe + "cancelLongRun', 'Reproduce Table...', '" + dir.resolve("reproduce-table-estimate.png") + "', '"
                        + dir.resolve("reproduce-table-confirm.png") + "');",
                "File.saveString(a + b + c, '" + res + ".tmp'); ok = File.rename('" + res + ".tmp', '" + res + "');",
                ""), res, 240, "1366x768x24");
        Map<String, String> r = GuiIT.parse(Files.readString(res));
        Pattern line = Pattern.compile("(\\d+)x(\\d+) ok=(\\d+),(\\d+) screen=1366x768 tooltip=(.*) under=(\\w+)");
        int dialogs = 0, overAField = 0;
        for (String name : new String[] {"benchmark", "compare", "demo", "emulate", "ensemble-compare", "initial-conditions",
            "linear-power", "lpt", "make-dataset", "paint-density", "power-spectrum", "reproduce-table", "simulate", "three-point",
            "train", "validate-range"}) {
            String v = r.get(name);
            Matcher m = line.matcher(v == null ? "(not opened)" : v);
            assertTrue(m.matches(), name + "'s dialog: " + v);
            int h = Integer.parseInt(m.group(2));
            assertTrue(h < 700, name + "'s dialog is " + h + " px high, not under 700: " + v);
            assertTrue(Integer.parseInt(m.group(3)) <= 1366 && Integer.parseInt(m.group(4)) <= 768, name + "'s OK is off screen: " + v);
            assertEquals("", m.group(5), name + ": a tooltip covers the dialog that opened under a still mouse: " + v);
            dialogs++;
            if (m.group(6).matches(".*TextField|Choice|Label|Checkbox")) {
                overAField++;
            }
        }
        assertEquals(16, dialogs);
        assertTrue(overAField >= 4, "the tooltip check means something: the mouse rests over a field in some dialogs: " + r);
        assertTrue(r.get("items").startsWith("Planck 2015 (the paper)|Table 1: As \u00d7 1.8|Table 1: As \u00d7 0.2|"
                + "Table 1: \u03a9m = 0.5|Table 1: \u03a9m = 0.1|"), r.toString());
        assertTrue(r.get("items").endsWith("|custom\u2026"), r.toString());
        assertEquals("0.3089", r.get("before"), "the custom fields start from the values shown: " + r);
        assertEquals("run(\"Linear Power...\", \"a_s=2.142e-9 n_s=0.9667 h=0.6774 omega_m=0.25 omega_b=0.0486 sigma8=0",
                r.get("recorded").substring(0, r.get("recorded").indexOf(" k_min")),
                "the custom cosmology is recorded as the seven keys (pk_file empty, left out): " + r);
        assertEquals("Estimated time: about 10 min (500 runs, the 3PCF on 50) on 2 cores", r.get("estimate"), r.toString());
        assertEquals("Estimated time: about 4 min (50 runs, the 3PCF on 50) on 2 cores", r.get("estimate10"),
                "the line follows what is typed: " + r);
        assertTrue(r.get("question").startsWith("Estimated time: about 10 min (500 runs, the 3PCF on 50) on 2 cores."), r.toString());
        assertTrue(r.get("question").endsWith("Run it?"), r.toString());
        assertEquals(r.get("images_before"), r.get("images"), "cancel ran nothing: no new image: " + r);
        assertEquals("0", r.get("recorded_table"), r.toString());
        assertTrue(!Files.exists(dir.resolve("home/D3M/reproduce-table")), "no output folder");
    }
}
