package org.d3m.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real commands in the real GUI under Xvfb (the user guide's screenshots come from here):
 * ImageJ 1 started from a plugin folder like the repo root; Plugins &gt; D3M &gt; Generate &gt;
 * Simulate FastPM run from its menu entry, its dialog typed into with xdotool (seed 42, 4 steps);
 * the hyperstack result window and the recorded macro line checked; then Analyze &gt; Power
 * Spectrum run on it through its dialog, giving a P(k) plot window; then File &gt; Open Samples
 * &gt; D3M &gt; FastPM Density. Screenshots of each window go to target/gui/ (simulate-dialog.png,
 * displacement.png, power-spectrum-dialog.png, pk-plot.png, density.png, desktop.png). Every
 * process runs under {@code timeout} and every wait has a deadline.
 */
class GuiCommandsIT {

    @Test
    void simulateThroughItsDialogThenPowerSpectrumPlotAndSample() throws Exception {
        for (String tool : new String[] {"Xvfb", "xdotool", "import", "timeout"}) {
            Assumptions.assumeTrue(IjInstall.onPath(tool), "GUI test skipped: " + tool
                    + " is not installed (./run-tests installs xvfb, xdotool and imagemagick from Debian when it can)");
        }
        Path dir = IjInstall.prepare(IjInstall.root().resolve("target/gui"));
        Path res = dir.resolve("commands-result.txt");
        Path res2 = dir.resolve("commands-result2.txt");
        Path res3 = dir.resolve("commands-result3.txt");
        Path log = dir.resolve("gui-commands.log");
        for (Path p : new Path[] {res, res2, res3, log}) {
            Files.deleteIfExists(p);
        }
        Files.writeString(dir.resolve("gui-commands.ijm"), macro(res, res2, res3));
        int display = GuiIT.freeDisplay();
        List<Process> procs = new ArrayList<>();
        try {
            procs.add(GuiIT.start(log, display, "timeout", "300", "Xvfb", ":" + display, "-screen", "0", "1280x1000x24",
                    "-nolisten", "tcp"));
            GuiIT.waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)), "Xvfb :" + display);
            procs.add(GuiIT.start(log, display, "timeout", "240", "java", "-Xmx1g", "-Duser.home=" + dir.resolve("home"),
                    "-Dplugins.dir=" + dir, "-cp", IjInstall.ijJar().toString(), "ij.ImageJ", "-macro",
                    dir.resolve("gui-commands.ijm").toString()));
            // No window manager: windows are placed with windowmove so that none covers another.
            String dlg = window(display, log, "^Simulate FastPM$");
            GuiIT.xdo(display, log, "windowmove", "--sync", dlg, "0", "90");
            moveIfPresent(display, log, "^Recorder$", "0", "700");
            // Keyboard focus needs a real click into the first field (a_s); Tab walks the fields:
            // a_s n_s h omega_m omega_b pk_file [Browse] sigma8 box_size grid seed threads kernel
            // linear_input linear_input_file [Browse] steps.
            GuiIT.xdo(display, log, "mousemove", "--window", dlg, "185", "27", "click", "1");
            GuiIT.xdo(display, log, "key", "--delay", "60", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab");
            replaceField(display, log, "42");                           // seed
            GuiIT.xdo(display, log, "key", "--delay", "60", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab");
            replaceField(display, log, "4");                            // steps
            shotWindow(display, log, dlg, dir.resolve("simulate-dialog.png"));
            GuiIT.xdo(display, log, "key", "Return");
            GuiIT.waitFor(() -> Files.exists(res), "the displacement window and the recorded line (see " + log + ")");
            String img = window(display, log, "^FastPM displacement seed=42 z=0");
            GuiIT.xdo(display, log, "windowmove", "--sync", img, "0", "90");
            String ps = window(display, log, "^Power Spectrum$");
            GuiIT.xdo(display, log, "windowmove", "--sync", ps, "420", "90");
            GuiIT.xdo(display, log, "mousemove", "--window", ps, "20", "20", "click", "1");
            shotWindow(display, log, img, dir.resolve("displacement.png"));
            shotWindow(display, log, ps, dir.resolve("power-spectrum-dialog.png"));
            GuiIT.xdo(display, log, "key", "Return");
            GuiIT.waitFor(() -> Files.exists(res2), "the P(k) plot window (see " + log + ")");
            String plot = window(display, log, "^P\\(k\\)");
            GuiIT.xdo(display, log, "windowmove", "--sync", plot, "420", "90");
            shotWindow(display, log, plot, dir.resolve("pk-plot.png"));
            GuiIT.waitFor(() -> Files.exists(res3), "the FastPM density sample (see " + log + ")");
            String rho = window(display, log, "^FastPM density seed=42 z=0");
            GuiIT.xdo(display, log, "windowmove", "--sync", rho, "0", "520");
            shotWindow(display, log, rho, dir.resolve("density.png"));
            GuiIT.shot(display, log, dir.resolve("desktop.png"));
        } finally {
            for (int i = procs.size() - 1; i >= 0; i--) {
                IjInstall.kill(procs.get(i));
            }
        }
        Map<String, String> r = GuiIT.parse(Files.readString(res));
        assertEquals("FastPM displacement seed=42 z=0", r.get("title"), r.toString());
        assertEquals("32x32 c=3 z=32", r.get("size"), "3-channel hyperstack of the paper's 32^3 box");
        assertEquals("4 Mpc/h composite", r.get("voxel"), "128/32 Mpc/h voxels");
        assertEquals("run(\"Simulate FastPM\", \"a_s=2.142e-9 n_s=0.9667 h=0.6774 omega_m=0.3089 omega_b=0.0486 sigma8=0"
                + " box_size=128 grid=32 seed=42 threads=0 kernel=fastpm steps=4 a_start=0.1 mesh_factor=2\");", r.get("recorded"),
                "the typed seed and steps recorded with the exact defaults");
        Map<String, String> r2 = GuiIT.parse(Files.readString(res2));
        assertEquals("run(\"Power Spectrum\", \"input=[FastPM displacement seed=42 z=0] box_size=0 dk=0.02 threads=0\");",
                r2.get("recorded"), r2.toString());
        assertTrue(r2.get("plot").startsWith("P(k)"), r2.toString());
        assertEquals("2", r2.get("images"), "the displacement and the plot: " + r2);
        Map<String, String> r3 = GuiIT.parse(Files.readString(res3));
        assertEquals("FastPM density seed=42 z=0|32x32x32", r3.get("sample"), r3.toString());
        for (String png : new String[] {"simulate-dialog.png", "displacement.png", "power-spectrum-dialog.png", "pk-plot.png",
                "density.png"}) {
            assertTrue(Files.size(dir.resolve(png)) > 1500, png + " is a real screenshot (grey dialogs compress to about 2.5 kB)");
        }
    }

    /** The macro ImageJ runs at start-up: menu commands as clicks, then reports what it saw. */
    static String macro(Path res, Path res2, Path res3) {
        return String.join("\n",
                "run('Record...');",
                "doCommand('Simulate FastPM');   // as a menu click: its own thread, shows the dialog",
                "t0 = getTime();",
                "while (nImages == 0 && getTime() - t0 < 85000) wait(50);",
                "line = recorded('Simulate FastPM', t0);",
                "Stack.setPosition(1, 16, 1);",
                "run('Set... ', 'zoom=800 x=16 y=16');",
                "getDimensions(w, h, c, z, f); getVoxelSize(pw, ph, pd, unit);",
                "mode = ''; if (is('composite')) mode = 'composite';",
                "File.saveString('title=' + getTitle() + '\\nsize=' + w + 'x' + h + ' c=' + c + ' z=' + z"
                        + " + '\\nvoxel=' + pw + ' ' + unit + ' ' + mode + '\\nrecorded=' + line + '\\n', '" + res + "');",
                "doCommand('Power Spectrum');",
                "t1 = getTime();",
                "while (nImages < 2 && getTime() - t1 < 85000) wait(50);",
                "line2 = recorded('Power Spectrum', t1);",
                "File.saveString('recorded=' + line2 + '\\nplot=' + getTitle() + '\\nimages=' + nImages + '\\n', '" + res2 + "');",
                "run('FastPM Density (seed 42)');   // File > Open Samples > D3M",
                "setSlice(16);",
                "run('Set... ', 'zoom=800 x=16 y=16');",
                "File.saveString('sample=' + getTitle() + '|' + getWidth() + 'x' + getHeight() + 'x' + nSlices + '\\n', '" + res3 + "');",
                "",
                "function recorded(title, t) {",
                "  line = '';",
                "  while (line == '' && getTime() - t < 85000) {",
                "    lines = split(call('org.d3m.testfixtures.GuiProbe.recorderText'), '\\n');",
                "    for (i = 0; i < lines.length; i++) if (indexOf(lines[i], title) >= 0) line = lines[i];",
                "    wait(50);",
                "  }",
                "  return line;",
                "}",
                "");
    }

    private static String window(int display, Path log, String name) throws Exception {
        return GuiIT.xdo(display, log, "search", "--sync", "--onlyvisible", "--name", name).strip().split("\\s+")[0];
    }

    private static void moveIfPresent(int display, Path log, String name, String x, String y) throws Exception {
        String[] r = IjInstall.exec(20, log, "timeout", "10", "env", "DISPLAY=:" + display, "xdotool", "search",
                "--onlyvisible", "--name", name);
        if ("0".equals(r[0]) && !r[1].isBlank()) {
            GuiIT.xdo(display, log, "windowmove", r[1].strip().split("\\s+")[0], x, y);
        }
    }

    private static void replaceField(int display, Path log, String text) throws Exception {
        GuiIT.xdo(display, log, "key", "End");
        GuiIT.xdo(display, log, "key", "--repeat", "12", "BackSpace");
        GuiIT.xdo(display, log, "type", "--delay", "40", text);
    }

    /** A screenshot of one window (its own pixels; windows are placed apart so none covers it). */
    private static void shotWindow(int display, Path log, String window, Path png) throws Exception {
        Thread.sleep(300); // let AWT repaint after a move (the only fixed pause: repaint has no event to wait for)
        IjInstall.exec(40, log, "timeout", "30", "import", "-display", ":" + display, "-window", window, png.toString());
    }
}
