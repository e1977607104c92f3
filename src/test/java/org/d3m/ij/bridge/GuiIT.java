package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real GUI under Xvfb: ImageJ 1 started from a plugin folder like the repo root's, a command
 * run through its menu entry and its dialog (typed into with xdotool), the result window and the
 * Macro Recorder's line checked, the recorded line replayed without a dialog, and screenshots
 * saved to target/gui/. Every process runs under {@code timeout} and every wait has a deadline,
 * so a hung dialog fails the test instead of hanging CI.
 */
class GuiIT {

    static final int WAIT_S = 90;

    @Test
    void menuDialogRecorderAndReplay() throws Exception {
        for (String tool : new String[] {"Xvfb", "xdotool", "import", "timeout"}) {
            Assumptions.assumeTrue(IjInstall.onPath(tool), "GUI test skipped: " + tool
                    + " is not installed (./run-tests installs xvfb, xdotool and imagemagick from Debian when it can)");
        }
        Path dir = IjInstall.prepare(IjInstall.root().resolve("target/gui"));
        Path res = dir.resolve("result.txt");
        Path res2 = dir.resolve("result2.txt");
        Files.deleteIfExists(res2);
        Path log = dir.resolve("gui.log");
        Files.deleteIfExists(res);
        Files.deleteIfExists(log);
        Files.writeString(dir.resolve("gui.ijm"), macro(res, res2));
        int display = freeDisplay();
        List<Process> procs = new ArrayList<>();
        try {
            procs.add(start(log, display, "timeout", "300", "Xvfb", ":" + display, "-screen", "0", "1280x1000x24", "-nolisten", "tcp"));
            waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)), "Xvfb :" + display);
            procs.add(start(log, display, "timeout", "240", "java", "-Xmx1g", "-Duser.home=" + dir.resolve("home"),
                    "-Dplugins.dir=" + dir, "-cp", IjInstall.ijJar().toString(), "ij.ImageJ", "-macro", dir.resolve("gui.ijm").toString()));
            String win = xdo(display, log, "search", "--sync", "--name", "^Make Test Field$").strip().split("\\s+")[0];
            xdo(display, log, "windowmove", win, "420", "40");
            // No window manager: keyboard focus comes from a real click into the first field (box_size,
            // under the heading "Box").
            xdo(display, log, "mousemove", "--window", win, "250", "52", "click", "1");
            xdo(display, log, "key", "End");
            xdo(display, log, "key", "--repeat", "12", "BackSpace");
            xdo(display, log, "type", "--delay", "40", "48");
            shot(display, log, dir.resolve("dialog.png"));
            xdo(display, log, "key", "Return");
            waitFor(() -> Files.exists(res), "the result window and the recorded line (see " + log + ")");
            shot(display, log, dir.resolve("result.png"));
            // Second dialog: accept the defaults; the recorded reals must be exact (2.142e-9).
            String echo = xdo(display, log, "search", "--sync", "--name", "^Echo Parameters$").strip().split("\\s+")[0];
            xdo(display, log, "windowmove", echo, "420", "40");
            xdo(display, log, "mousemove", "--window", echo, "20", "20", "click", "1");
            shot(display, log, dir.resolve("dialog-echo.png"));
            xdo(display, log, "key", "Return");
            waitFor(() -> Files.exists(res2), "the second recorded line (see " + log + ")");
        } finally {
            for (int i = procs.size() - 1; i >= 0; i--) {
                IjInstall.kill(procs.get(i));
            }
        }
        Map<String, String> r = parse(Files.readString(res));
        assertEquals("test density grid=16 box_size=48", r.get("title"), "the setting that differs from the default is named: " + r);
        assertEquals("16x16x16", r.get("size"));
        assertEquals("3 Mpc/h", r.get("voxel"), "box_size 48 typed into the dialog: 48/16 Mpc/h voxels");
        assertEquals("run(\"Make Test Field...\", \"box_size=48 grid=16\");", r.get("recorded"), r.toString());
        assertEquals("2|test density grid=16 box_size=48 (2)|3 Mpc/h", r.get("replay"),
                "the recorded line replays without a dialog; the same settings again get a distinct title");
        assertEquals("run(\"Echo Parameters...\", \"grid=32 seed=7 a_s=2.142e-9 box_size=128 on mode=za order=first label=[hello world]\");",
                Files.readString(res2).strip(), "defaults recorded exactly, a true checkbox as its key, a false one (off by default) and the empty file left out");
        assertTrue(Files.size(dir.resolve("dialog.png")) > 1000 && Files.size(dir.resolve("result.png")) > 1000);
    }

    /** The macro ImageJ runs at start-up: menu command, wait for the result, record, replay. */
    static String macro(Path res, Path res2) {
        return String.join("\n",
                "run('Record...');",
                "doCommand('Make Test Field...');   // as a menu click: runs in its own thread, shows the dialog",
                "t0 = getTime();",
                "while (nImages == 0 && getTime() - t0 < 80000) wait(50);",
                "rec = ''; line = '';",
                "while (indexOf(rec, 'Make Test Field') < 0 && getTime() - t0 < 85000) {",
                "  rec = call('org.d3m.testfixtures.GuiProbe.recorderText'); wait(50);",
                "}",
                "lines = split(rec, '\\n');",
                "for (i = 0; i < lines.length; i++) if (indexOf(lines[i], 'Make Test Field') >= 0) line = lines[i];",
                "title = getTitle(); getVoxelSize(pw, ph, pd, unit);",
                "out = 'title=' + title + '\\nsize=' + getWidth() + 'x' + getHeight() + 'x' + nSlices"
                        + " + '\\nvoxel=' + pw + ' ' + unit + '\\nrecorded=' + line + '\\n';",
                "eval(line);",
                "getVoxelSize(pw2, ph2, pd2, unit2);",
                "out = out + 'replay=' + nImages + '|' + getTitle() + '|' + pw2 + ' ' + unit2 + '\\n';",
                "File.saveString(out, '" + res + "');",
                "doCommand('Echo Parameters...');",
                "t1 = getTime(); line2 = '';",
                "while (line2 == '' && getTime() - t1 < 80000) {",
                "  lines = split(call('org.d3m.testfixtures.GuiProbe.recorderText'), '\\n');",
                "  for (i = 0; i < lines.length; i++) if (indexOf(lines[i], 'Echo Parameters') >= 0) line2 = lines[i];",
                "  wait(50);",
                "}",
                "File.saveString(line2, '" + res2 + "');",
                "");
    }

    static Map<String, String> parse(String text) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String l : text.split("\n")) {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return m;
    }

    /**
     * Runs ImageJ 1 (from {@code dir}, an install prepared by {@link IjInstall#prepare}) under a fresh
     * Xvfb with {@code macro} as its start-up macro ({@code dir/NAME.ijm}, output in {@code dir/NAME.log}),
     * waits up to {@code seconds} for the macro to write {@code result}, takes a screenshot
     * {@code dir/NAME.png} when ImageMagick is there, then stops both. For tests that need no
     * keyboard or mouse (those that do, like {@link GuiCommandsIT}, drive xdotool themselves).
     */
    static void runMacro(Path dir, String name, String macro, Path result, int seconds) throws Exception {
        runMacro(dir, name, macro, result, seconds, "1280x1000x24");
    }

    /** {@link #runMacro(Path, String, String, Path, int)} on a screen of the given size ("1366x768x24"). */
    static void runMacro(Path dir, String name, String macro, Path result, int seconds, String screen) throws Exception {
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(result);
        Files.deleteIfExists(log);
        Files.writeString(dir.resolve(name + ".ijm"), macro);
        int display = freeDisplay();
        List<Process> procs = new ArrayList<>();
        try {
            procs.add(start(log, display, "timeout", Integer.toString(seconds + 50), "Xvfb", ":" + display, "-screen", "0",
                    screen, "-nolisten", "tcp"));
            waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)), "Xvfb :" + display);
            procs.add(start(log, display, "timeout", Integer.toString(seconds + 30), "java", "-Xmx2g",
                    "-Duser.home=" + dir.resolve("home"), "-Dplugins.dir=" + dir, "-cp", IjInstall.ijJar().toString(),
                    "ij.ImageJ", "-macro", dir.resolve(name + ".ijm").toString()));
            long end = System.currentTimeMillis() + seconds * 1000L;
            while (!Files.exists(result) && System.currentTimeMillis() < end) {
                Thread.sleep(200); // the macro writes its result whole (a renamed file); nothing to wait on
            }
            org.junit.jupiter.api.Assertions.assertTrue(Files.exists(result),
                    "the macro's result within " + seconds + " s (see " + log + ")");
            if (IjInstall.onPath("import")) {
                shot(display, log, dir.resolve(name + ".png"));
            }
        } finally {
            for (int i = procs.size() - 1; i >= 0; i--) {
                IjInstall.kill(procs.get(i));
            }
        }
    }

    static int freeDisplay() {
        for (int d = 71; d < 200; d++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + d)) && !Files.exists(Path.of("/tmp/.X" + d + "-lock"))) {
                return d;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    static Process start(Path log, int display, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("DISPLAY", ":" + display);
        return pb.start();
    }

    static String xdo(int display, Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("timeout", Integer.toString(WAIT_S), "env", "DISPLAY=:" + display, "xdotool"));
        cmd.addAll(List.of(args));
        String[] r = IjInstall.exec(WAIT_S + 5, log, cmd.toArray(new String[0]));
        if (!"0".equals(r[0])) {
            fail("xdotool " + String.join(" ", args) + " failed (" + r[0] + "): " + r[1] + "\nlog: " + tail(log));
        }
        return r[1];
    }

    static void shot(int display, Path log, Path png) throws Exception {
        IjInstall.exec(40, log, "timeout", "30", "import", "-display", ":" + display, "-window", "root", png.toString());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    /** Polls {@code c} until true, failing after {@value #WAIT_S} s. */
    static void waitFor(Check c, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!c.ok()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 3000));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
