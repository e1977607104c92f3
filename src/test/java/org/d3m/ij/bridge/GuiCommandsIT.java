package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real commands in the real GUI under Xvfb, as a Fiji user drives them (the user guide's
 * screenshots come from here). ImageJ 1 starts from a plugin folder like the repo root, with a
 * macro that opens the Recorder and runs menu commands with doCommand (each in its own thread,
 * showing its dialog), while this test types into the dialogs with xdotool:
 * <ol>
 *   <li>Simulate FastPM from its dialog: seed 42 and 4 steps typed; the tooltip of a field and
 *   the Help window shown; the result is "FastPM displacement seed=42 z=0 steps=4" at 1600%;</li>
 *   <li>Simulate FastPM again: the dialog remembers seed 42 and 4 steps; the same-seed image is
 *   "... (2)" (distinct titles), and both runs recorded the same full line;</li>
 *   <li>Power Spectrum from its dialog: a P(k) plot and table;</li>
 *   <li>the second image renamed to the first's title: Power Spectrum on that title is refused
 *   (an error naming both images) and leaves no recorder line;</li>
 *   <li>File &gt; Open Samples &gt; D3M &gt; FastPM Density; About D3M...;</li>
 *   <li>Simulate FastPM with 3000 steps and an output file, cancelled with Esc: it says
 *   "cancelled", shows no image, writes no file and records nothing.</li>
 * </ol>
 * Screenshots go to target/gui/. Every process runs under {@code timeout}, every wait has a deadline.
 */
class GuiCommandsIT {

    /** Where, in the Simulate FastPM dialog, the box size field and the start scale factor field are (y in px). */
    private static final String BOX_Y = "109", A_START_Y = "326";

    @Test
    void aFijiUserSession() throws Exception {
        for (String tool : new String[] {"Xvfb", "xdotool", "import", "timeout"}) {
            Assumptions.assumeTrue(IjInstall.onPath(tool), "GUI test skipped: " + tool
                    + " is not installed (./run-tests installs xvfb, xdotool and imagemagick from Debian when it can)");
        }
        Path dir = IjInstall.prepare(IjInstall.root().resolve("target/gui"));
        Path[] res = new Path[6];
        for (int i = 1; i < res.length; i++) {
            res[i] = dir.resolve("commands-result" + i + ".txt");
            Files.deleteIfExists(res[i]);
        }
        Path marker = dir.resolve("cancel-running.txt");
        Path cancelled = dir.resolve("cancel-output");
        Path log = dir.resolve("gui-commands.log");
        deleteTree(cancelled);
        Files.createDirectories(cancelled);
        Files.deleteIfExists(marker);
        Files.deleteIfExists(log);
        Path cancelledTif = cancelled.resolve("never.tif");
        Files.writeString(dir.resolve("gui-commands.ijm"), macro(res, marker));
        int display = GuiIT.freeDisplay();
        List<Process> procs = new ArrayList<>();
        try {
            procs.add(GuiIT.start(log, display, "timeout", "400", "Xvfb", ":" + display, "-screen", "0", "1280x1000x24",
                    "-nolisten", "tcp"));
            GuiIT.waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)), "Xvfb :" + display);
            procs.add(GuiIT.start(log, display, "timeout", "360", "java", "-Xmx1g", "-Duser.home=" + dir.resolve("home"),
                    "-Dplugins.dir=" + dir, "-cp", IjInstall.ijJar().toString(), "ij.ImageJ", "-macro",
                    dir.resolve("gui-commands.ijm").toString()));
            // 1. No window manager: windows are placed with windowmove so that none covers another.
            String dlg = dialog(display, log, "^Simulate FastPM$");
            moveIfPresent(display, log, "^Recorder$", "0", "780");
            // Keyboard focus needs a real click into a text field (box size, under the cosmology choice);
            // Tab walks the fields: [cosmology] | box grid seed linear-input [file] [Browse]
            // | kernel steps a_start mesh threads | output ...
            GuiIT.xdo(display, log, "mousemove", "--window", dlg, "260", BOX_Y, "click", "1");
            tab(display, log, 2);
            replaceField(display, log, "42");                           // seed
            tab(display, log, 5);
            replaceField(display, log, "4");                            // steps
            GuiIT.xdo(display, log, "mousemove", "--window", dlg, "250", A_START_Y); // a move onto "Start scale factor a"
            GuiIT.xdo(display, log, "mousemove", "--window", dlg, "260", A_START_Y); // ... and rest there
            Thread.sleep(1200); // the tooltip appears after 500 ms of rest (no event to wait for)
            shotArea(display, log, dir.resolve("simulate-dialog.png"), "600x555+0+90");
            clickHelp(display, log, dlg);
            String help = GuiIT.xdo(display, log, "search", "--sync", "--onlyvisible", "--name", "^Simulate FastPM Help$")
                    .strip().split("\\s+")[0];
            GuiIT.xdo(display, log, "windowmove", "--sync", help, "0", "90");
            shotWindow(display, log, help, dir.resolve("simulate-help.png"));
            clickBottomCentre(display, log, help);                       // its OK button
            GuiIT.xdo(display, log, "mousemove", "--window", dlg, "260", BOX_Y, "click", "1");
            GuiIT.xdo(display, log, "key", "Return");
            GuiIT.waitFor(() -> Files.exists(res[1]), "the displacement window and the recorded line (see " + log + ")");
            String img = window(display, log, "^FastPM displacement seed=42 z=0 steps=4 \\(");
            GuiIT.xdo(display, log, "windowmove", "--sync", img, "640", "90");
            shotWindow(display, log, img, dir.resolve("displacement.png"));
            // 2. The same dialog again: remembered values, OK.
            String dlg2 = dialog(display, log, "^Simulate FastPM$");
            GuiIT.xdo(display, log, "mousemove", "--window", dlg2, "20", "20", "click", "1");
            GuiIT.xdo(display, log, "key", "Return");
            GuiIT.waitFor(() -> Files.exists(res[2]), "the second displacement (see " + log + ")");
            // 3. Power Spectrum of the current image through its dialog.
            String ps = dialog(display, log, "^Power Spectrum$");
            GuiIT.xdo(display, log, "mousemove", "--window", ps, "20", "20", "click", "1");
            shotWindow(display, log, ps, dir.resolve("power-spectrum-dialog.png"));
            GuiIT.xdo(display, log, "key", "Return");
            GuiIT.waitFor(() -> Files.exists(res[3]), "the P(k) plot window (see " + log + ")");
            String plot = window(display, log, "^P\\(k\\) of displacement");
            GuiIT.xdo(display, log, "windowmove", "--sync", plot, "560", "90");
            shotWindow(display, log, plot, dir.resolve("pk-plot.png"));
            // 4. Two images with one title: the dialog's choice is ambiguous, the run is refused.
            String ps2 = dialog(display, log, "^Power Spectrum$");
            GuiIT.xdo(display, log, "mousemove", "--window", ps2, "20", "20", "click", "1");
            GuiIT.xdo(display, log, "key", "Return");
            String err = otherWindow(display, log, "^Power Spectrum$", ps2); // the error box, not the closing dialog
            GuiIT.xdo(display, log, "windowmove", "--sync", err, "0", "90");
            shotWindow(display, log, err, dir.resolve("ambiguous-title-error.png"));
            clickBottomCentre(display, log, err);                        // its OK button
            GuiIT.waitFor(() -> Files.exists(res[4]), "the ambiguous-title error (see " + log + ")");
            // 5. The density sample, then About D3M...
            String rho = window(display, log, "^FastPM density seed=42 z=0 \\(");
            GuiIT.xdo(display, log, "windowmove", "--sync", rho, "640", "90");
            shotWindow(display, log, rho, dir.resolve("density.png"));
            String about = dialog(display, log, "^About D3M$");
            shotWindow(display, log, about, dir.resolve("about.png"));
            int[] ab = size(display, log, about);
            GuiIT.xdo(display, log, "mousemove", "--window", about, Integer.toString(ab[0] - 40), Integer.toString(ab[1] - 21),
                    "click", "1");                                       // OK (Cancel is hidden)
            // 6. A long Simulate with an output file, cancelled with Esc while it runs.
            String dlg3 = dialog(display, log, "^Simulate FastPM$");
            GuiIT.xdo(display, log, "mousemove", "--window", dlg3, "260", BOX_Y, "click", "1");
            tab(display, log, 7);
            replaceField(display, log, "3000");                         // steps
            tab(display, log, 5);                                       // past a_start, redshift, mesh_factor
            GuiIT.xdo(display, log, "type", "--delay", "20", cancelledTif.toString()); // output file
            GuiIT.xdo(display, log, "key", "Return");
            GuiIT.waitFor(() -> Files.exists(marker), "the long run to start (see " + log + ")");
            assertEquals("running", Files.readString(marker));
            String ij = window(display, log, "^ImageJ$");
            GuiIT.xdo(display, log, "mousemove", "--window", ij, "300", "65", "click", "1"); // the status bar
            GuiIT.xdo(display, log, "key", "Escape");
            GuiIT.waitFor(() -> Files.exists(res[5]), "the cancelled run to end (see " + log + ")");
            GuiIT.shot(display, log, dir.resolve("desktop.png"));
        } finally {
            for (int i = procs.size() - 1; i >= 0; i--) {
                IjInstall.kill(procs.get(i));
            }
        }
        Map<String, String> r1 = GuiIT.parse(Files.readString(res[1]));
        String title = "FastPM displacement seed=42 z=0 steps=4";
        assertEquals(title, r1.get("title"), "the setting that differs from the defaults is named: " + r1);
        assertEquals("32x32 c=3 z=32", r1.get("size"), "3-channel hyperstack of the paper's 32^3 box");
        assertEquals("4 Mpc/h composite 16", r1.get("voxel"), "128/32 Mpc/h voxels, opened at 1600%");
        String line = "run(\"Simulate FastPM...\", \"a_s=2.142e-9 n_s=0.9667 h=0.6774 omega_m=0.3089 omega_b=0.0486 sigma8=0"
                + " box_size=128 grid=32 seed=42 threads=0 kernel=fastpm steps=4 a_start=0.1 redshift=0 mesh_factor=2\");";
        assertEquals(line, r1.get("recorded"), "the typed seed and steps recorded with the exact defaults");
        assertTrue(r1.get("tooltip").startsWith("scale factor of the 2LPT initial conditions"), "tooltip: " + r1);
        assertTrue(r1.get("status").startsWith("Simulate FastPM: done in "), r1.toString());
        Map<String, String> r2 = GuiIT.parse(Files.readString(res[2]));
        assertEquals(title + " (2)", r2.get("title"), "a same-seed run gets a distinct title: " + r2);
        assertEquals(line + "|" + line, r2.get("recorded"), "remembered values, recorded in full again");
        Map<String, String> r3 = GuiIT.parse(Files.readString(res[3]));
        assertEquals("run(\"Power Spectrum...\", \"input=[" + title + " (2)] box_size=0 dk=0.02 threads=0\");", r3.get("recorded"),
                r3.toString());
        assertTrue(r3.get("plot").startsWith("P(k) of displacement"), r3.toString());
        assertEquals("3", r3.get("images"), "the two displacements and the plot: " + r3);
        Map<String, String> r4 = GuiIT.parse(Files.readString(res[4]));
        assertTrue(r4.get("error").matches("input '" + java.util.regex.Pattern.quote(title) + "' matches 2 open images \\(ID -?\\d+ 32x32x32 with 3 channels,"
                + " ID -?\\d+ 32x32x32 with 3 channels\\); rename one \\(Image > Rename\\.\\.\\.\\) or close it"), r4.toString());
        assertEquals("1", r4.get("recorded"), "the refused run left no recorder line: " + r4);
        assertEquals("3", r4.get("images"), "and no plot: " + r4);
        Map<String, String> r5 = GuiIT.parse(Files.readString(res[5]));
        assertEquals("false", r5.get("alive"), "the run stopped: " + r5);
        assertTrue(r5.get("log").contains("Simulate FastPM: cancelled"), "it says cancelled: " + r5);
        assertEquals("2", r5.get("recorded"), "a cancelled run leaves no recorder line: " + r5);
        assertEquals("4", r5.get("images"), "no new image (3 before and the density sample): " + r5);
        try (Stream<Path> s = Files.list(cancelled)) {
            assertEquals(List.of(), s.toList(), "no output file, no temporary file");
        }
        for (String png : new String[] {"simulate-dialog.png", "simulate-help.png", "displacement.png", "power-spectrum-dialog.png",
            "pk-plot.png", "ambiguous-title-error.png", "density.png", "about.png"}) {
            assertTrue(Files.size(dir.resolve(png)) > 1500, png + " is a real screenshot (grey dialogs compress to about 2.5 kB)");
        }
        assertFalse(Files.readString(log).contains("Exception"), "no exception in ImageJ's output: " + GuiIT.tail(log));
    }

    /** The macro ImageJ runs at start-up: menu commands as clicks, then reports what it saw. */
    static String macro(Path[] res, Path marker) {
        String probe = "call('org.d3m.testfixtures.GuiProbe.";
        return String.join("\n",
                "run('Record...');",
                "doCommand('Simulate FastPM...');   // as a menu click: its own thread, shows the dialog",
                "t0 = getTime(); tip = '';",
                "while (nImages == 0 && getTime() - t0 < 85000) { t = " + probe + "tooltipText'); if (t != '') tip = t; wait(50); }",
                "line = recorded('Simulate FastPM', t0, 1);",
                "st = ''; t9 = getTime();",
                "while (!startsWith(st, 'Simulate FastPM: done') && getTime() - t9 < 10000) { st = call('ij.ImageJ.getStatusBarText'); wait(20); }",
                "Stack.setPosition(1, 16, 1);",
                "getDimensions(w, h, c, z, f); getVoxelSize(pw, ph, pd, unit);",
                "mode = ''; if (is('composite')) mode = 'composite';",
                "t1 = getTitle(); id1 = getImageID();",
                "save('title=' + t1 + '\\nsize=' + w + 'x' + h + ' c=' + c + ' z=' + z"
                        + " + '\\nvoxel=' + pw + ' ' + unit + ' ' + mode + ' ' + getZoom() + '\\nrecorded=' + line"
                        + " + '\\ntooltip=' + tip + '\\nstatus=' + st + '\\n', '" + res[1] + "');",
                "doCommand('Simulate FastPM...');",
                "t0 = getTime();",
                "while (nImages < 2 && getTime() - t0 < 85000) wait(50);",
                "line2 = recorded('Simulate FastPM', t0, 2);",
                "Stack.setPosition(1, 16, 1);",
                "t2 = getTitle(); id2 = getImageID();",
                "save('title=' + t2 + '\\nrecorded=' + line2 + '\\n', '" + res[2] + "');",
                "doCommand('Power Spectrum...');",
                "t0 = getTime();",
                "while (nImages < 3 && getTime() - t0 < 85000) wait(50);",
                "line3 = recorded('Power Spectrum', t0, 1);",
                "save('recorded=' + line3 + '\\nplot=' + getTitle() + '\\nimages=' + nImages + '\\n', '" + res[3] + "');",
                "selectImage(id2); rename(t1);       // two images, one title",
                "doCommand('Power Spectrum...');",
                "t0 = getTime(); e = '';",
                "while (e == '' && getTime() - t0 < 85000) { e = " + probe + "errorMessage'); wait(50); }",
                "// wait until the failed run's thread ended (the test closes the error box): ImageJ's Recorder is",
                "// global, so a command run meanwhile would write the pending command (IJ1 behaviour, not ours)",
                "while (" + probe + "threadAlive', 'Power Spectrum...') == 'true' && getTime() - t0 < 85000) wait(50);",
                "save('error=' + e + '\\nrecorded=' + count('Power Spectrum') + '\\nimages=' + nImages + '\\n', '"
                        + res[4] + "');",
                "run('FastPM Density (seed 42)');   // File > Open Samples > D3M",
                "setSlice(16);",
                "run('About D3M...');               // modal: the test presses OK",
                probe + "watchRun', 'Simulate FastPM...', 'Simulate FastPM', '" + marker + "', '" + res[5] + "');",
                "doCommand('Simulate FastPM...');   // cancelled with Esc by the test; this macro ends first",
                "",
                "function save(text, path) {      // whole or not at all: the test polls for the file",
                "  File.saveString(text, path + '.tmp'); ok = File.rename(path + '.tmp', path); // assigned: else the Log shows its 1",
                "}",
                "function count(title) {",
                "  lines = split(" + probe + "recorderText'), '\\n'); n = 0;",
                "  for (i = 0; i < lines.length; i++) if (indexOf(lines[i], '\"' + title + '...\"') >= 0) n++;",
                "  return n;",
                "}",
                "function recorded(title, t, n) {",
                "  found = '';",
                "  while (count(title) < n && getTime() - t < 85000) wait(50);",
                "  lines = split(" + probe + "recorderText'), '\\n');",
                "  for (i = 0; i < lines.length; i++) if (indexOf(lines[i], '\"' + title + '...\"') >= 0) {",
                "    if (found != '') found = found + '|';",
                "    found = found + lines[i];",
                "  }",
                "  return found;",
                "}",
                "");
    }

    private static String window(int display, Path log, String name) throws Exception {
        return GuiIT.xdo(display, log, "search", "--sync", "--onlyvisible", "--name", name).strip().split("\\s+")[0];
    }

    /** The visible window named like {@code name} that is not {@code other} (waits for it). */
    private static String otherWindow(int display, Path log, String name, String other) throws Exception {
        // the window must be found by two successive searches: a dialog that is closing can show a
        // short-lived window of the same name, gone before the next xdotool call (BadWindow)
        String[] found = {null, null};
        GuiIT.waitFor(() -> {
            String[] r = IjInstall.exec(20, log, "timeout", "10", "env", "DISPLAY=:" + display, "xdotool", "search",
                    "--onlyvisible", "--name", name);
            String now = null;
            for (String w : r[1].strip().split("\\s+")) {
                if (w.matches("\\d+") && !w.equals(other)) {
                    now = w;
                }
            }
            boolean stable = now != null && now.equals(found[1]);
            found[1] = now;
            if (stable) {
                found[0] = now;
            }
            return stable;
        }, "a window " + name + " other than " + other);
        return found[0];
    }

    /** Waits for a dialog and places it at the top left. */
    private static String dialog(int display, Path log, String name) throws Exception {
        String w = window(display, log, name);
        GuiIT.xdo(display, log, "windowmove", "--sync", w, "0", "90");
        return w;
    }

    private static void moveIfPresent(int display, Path log, String name, String x, String y) throws Exception {
        String[] r = IjInstall.exec(20, log, "timeout", "10", "env", "DISPLAY=:" + display, "xdotool", "search",
                "--onlyvisible", "--name", name);
        if ("0".equals(r[0]) && !r[1].isBlank()) {
            GuiIT.xdo(display, log, "windowmove", r[1].strip().split("\\s+")[0], x, y);
        }
    }

    private static void tab(int display, Path log, int n) throws Exception {
        List<String> args = new ArrayList<>(List.of("key", "--delay", "60"));
        for (int i = 0; i < n; i++) {
            args.add("Tab");
        }
        GuiIT.xdo(display, log, args.toArray(new String[0]));
    }

    private static void replaceField(int display, Path log, String text) throws Exception {
        GuiIT.xdo(display, log, "key", "End");
        GuiIT.xdo(display, log, "key", "--repeat", "12", "BackSpace");
        GuiIT.xdo(display, log, "type", "--delay", "40", text);
    }

    /** Clicks the Help button: left of Cancel and OK at the dialog's bottom right. */
    private static void clickHelp(int display, Path log, String window) throws Exception {
        int[] wh = size(display, log, window);
        GuiIT.xdo(display, log, "mousemove", "--window", window, Integer.toString(wh[0] - 147), Integer.toString(wh[1] - 21),
                "click", "1");
    }

    private static void clickBottomCentre(int display, Path log, String window) throws Exception {
        int[] wh = size(display, log, window);
        GuiIT.xdo(display, log, "mousemove", "--window", window, Integer.toString(wh[0] / 2), Integer.toString(wh[1] - 22),
                "click", "1");
    }

    private static int[] size(int display, Path log, String window) throws Exception {
        String geo = GuiIT.xdo(display, log, "getwindowgeometry", window);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Geometry: (\\d+)x(\\d+)").matcher(geo);
        assertTrue(m.find(), geo);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** A screenshot of one window (its own pixels; windows are placed apart so none covers it). */
    private static void shotWindow(int display, Path log, String window, Path png) throws Exception {
        GuiIT.xdo(display, log, "windowraise", window); // no window manager: raise it above the others
        Thread.sleep(300); // let AWT repaint after a move (a fixed pause, like the tooltip's: repaint has no event to wait for)
        IjInstall.exec(40, log, "timeout", "30", "import", "-display", ":" + display, "-window", window, png.toString());
    }

    /** A screenshot of a screen area WxH+X+Y (a dialog with its tooltip window). */
    private static void shotArea(int display, Path log, Path png, String area) throws Exception {
        IjInstall.exec(40, log, "timeout", "30", "import", "-display", ":" + display, "-window", "root", "-crop", area,
                "+repage", png.toString());
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
