package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.d3m.ij.fields.FieldFiles;

/**
 * The headless IJ1 route a server user has: {@code ImageJ -batch macro.ijm} with the plugin jars in
 * plugins/ (IJ1's plugin class loader, no display), commands reached through
 * {@code call("org.d3m.ij.bridge.CommandBridge.call", ...)}. Also the launcher's one-line errors.
 */
class HeadlessMacroIT {

    @Test
    void batchMacroCallsCommandsThroughThePluginClassLoader() throws Exception {
        Path dir = IjInstall.prepare(IjInstall.root().resolve("target/it-headless"));
        Path out = dir.resolve("field.tif");
        Path res = dir.resolve("result.txt");
        Files.deleteIfExists(out);
        Files.deleteIfExists(res);
        Path macro = dir.resolve("batch.ijm");
        Files.writeString(macro, String.join("\n",
                "setBatchMode(true);",
                "s = call('org.d3m.ij.bridge.CommandBridge.call', 'fixture-field', 'grid=8 box_size=16 output=[" + out + "]');",
                "t = getTitle();",
                "s2 = call('org.d3m.ij.bridge.CommandBridge.call', 'fixture-stats', 'input=[' + t + ']');",
                "File.saveString(s + '\\n' + t + '\\n' + s2 + '\\n', '" + res + "');",
                "s3 = call('org.d3m.ij.bridge.CommandBridge.call', 'fixture-required', 'seed=1 grid=7');",
                "File.append('not aborted', '" + res + "');",
                ""));
        String[] r = IjInstall.exec(120, dir.resolve("batch.log"), "timeout", "110", "java", "-Djava.awt.headless=true",
                "-Duser.home=" + dir.resolve("home"), "-Dplugins.dir=" + dir, "-cp", IjInstall.ijJar().toString(),
                "ij.ImageJ", "-batch", macro.toString());
        assertTrue(Files.exists(res), "macro ran: " + r[1]);
        String[] lines = Files.readString(res).split("\n");
        assertTrue(lines[0].startsWith("test density grid=8 rms="), lines[0]);
        assertEquals("test density grid=8 box_size=16", lines[1], "the title names the setting that differs from the default");
        assertEquals("scalar n=8 L=16.0 mean=388.5", lines[2]);
        assertEquals(3, lines.length, "the failing call aborted the macro: " + String.join("|", lines));
        assertTrue(r[1].contains("error: fixture-required: grid must be even, got 7"), r[1]);
        assertTrue(Files.exists(out) && Files.exists(dir.resolve("field.tif.json")));
    }

    /**
     * {@code ./d3m macro} in a headless JVM with no display at all: a recorded Simulate line (as
     * the GUI Recorder writes it) gives bit for bit the field of {@code ./d3m simulate} with the
     * same keys; ImageJ built-ins that need no window run; a failing call exits non-zero and stops
     * the macro.
     */
    @Test
    void d3mMacroRunsRecordedLinesHeadless() throws Exception {
        Path dir = IjInstall.root().resolve("target/it-d3m-macro");
        Files.createDirectories(dir);
        Path viaMacro = dir.resolve("macro psi.tif");
        Path viaCli = dir.resolve("cli-psi.tif");
        Path added = dir.resolve("added.tif");
        for (Path p : new Path[] {viaMacro, viaCli, added}) {
            Files.deleteIfExists(p);
        }
        Path macro = dir.resolve("recorded.ijm");
        Files.writeString(macro, String.join("\n",
                "print('headless=' + call('java.lang.System.getProperty', 'java.awt.headless') + ' arg=' + getArgument());",
                "run(\"Simulate FastPM...\", \"a_s=2.142e-9 n_s=0.9667 h=0.6774 omega_m=0.3089 omega_b=0.0486 sigma8=0 box_size=128"
                        + " grid=16 seed=42 threads=0 steps=4 a_start=0.1 mesh_factor=2 output=[" + viaMacro + "]\");",
                "print('title=' + getTitle());",
                "newImage('n', '32-bit black', 8, 8, 2);",
                "run('Add...', 'value=7 stack');",
                "saveAs('Tiff', '" + added + "');",
                ""));
        String d3m = IjInstall.root().resolve("d3m").toString();
        String[] r = IjInstall.exec(180, dir.resolve("macro.log"), "env", "-u", "DISPLAY", "timeout", "170", d3m, "macro",
                macro.toString(), "some", "words");
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("headless=true arg=some words"), r[1]);
        assertTrue(r[1].contains("title=FastPM displacement seed=42 z=0 grid=16 steps=4"), r[1]);
        assertTrue(r[1].contains("[100%] PM step 4/4"), "progress on stderr: " + r[1]);
        String[] c = IjInstall.exec(180, dir.resolve("cli.log"), "env", "-u", "DISPLAY", "timeout", "170", d3m, "simulate",
                "grid=16", "seed=42", "steps=4", "output=" + viaCli);
        assertEquals("0", c[0], c[1]);
        org.d3m.core.field.VectorField a = FieldFiles.readVector(viaMacro.toFile(), 0);
        org.d3m.core.field.VectorField b = FieldFiles.readVector(viaCli.toFile(), 0);
        for (int k = 0; k < 3; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(b.c()[k], a.c()[k], "component " + k + " bit for bit");
        }
        ij.ImagePlus sum = ij.IJ.openImage(added.toString());
        assertEquals(7f, sum.getStack().getProcessor(2).getf(3, 3), "Add... with the macro's value, on every slice");

        Path failing = dir.resolve("failing.ijm");
        Files.writeString(failing, "run('Simulate FastPM...', 'grid=33');\nprint('not reached');\n");
        String[] f = IjInstall.exec(180, dir.resolve("failing.log"), "env", "-u", "DISPLAY", "timeout", "170", d3m, "macro",
                failing.toString());
        assertEquals("1", f[0], f[1]);
        assertTrue(f[1].strip().endsWith("error: Simulate FastPM: grid must be even and >= 8, got 33"), f[1]);
        assertFalse(f[1].contains("not reached"), f[1]);
    }

    @Test
    void launcherPrintsOneLineErrors() throws Exception {
        Path d3m = IjInstall.root().resolve("d3m");
        String[] r = IjInstall.exec(120, null, "timeout", "110", d3m.toString(), "nonesuch", "x=1");
        assertEquals("1", r[0], r[1]);
        String[] lines = r[1].strip().split("\n");
        // the last line (a stale jar is rebuilt first, with its own messages on stderr)
        assertTrue(lines[lines.length - 1].matches("error: unknown command 'nonesuch'; known: .+"), r[1]);
        String[] list = IjInstall.exec(120, null, "timeout", "110", d3m.toString(), "list");
        assertEquals("0", list[0], list[1]);
        String[] help = IjInstall.exec(120, null, "timeout", "110", d3m.toString(), "--help");
        assertTrue(help[1].contains("d3m COMMAND key=value"), help[1]);
    }

    @Test
    void noLibraryWarningsUnlessVerbose() throws Exception {
        // issue 26: DJL warned twice "Failed to detect GPU count" and libtorch "AutoNonVariableTypeMode is
        // deprecated" on every CPU run of emulate, demo and macro
        Path d3m = IjInstall.root().resolve("d3m");
        String[] r = IjInstall.exec(170, null, "timeout", "160", d3m.toString(), "emulate", "grid=32", "seed=3", "symmetries=1");
        assertEquals("0", r[0], r[1]);
        assertFalse(r[1].contains("ai.djl") || r[1].contains("AutoNonVariableTypeMode") || r[1].contains("WARN"), r[1]);
        assertTrue(r[1].contains("INFO: D3M emulator"), "our own one-line log stays: " + r[1]);
        assertTrue(r[1].contains("[  0%] loading the network"), "the first seconds are not silent: " + r[1]);
        String[] v = IjInstall.exec(170, null, "timeout", "160", d3m.toString(), "--verbose", "emulate", "grid=32", "seed=3",
                "symmetries=1");
        assertEquals("0", v[0], v[1]);
        assertTrue(v[1].contains("ai.djl"), "--verbose shows DJL's lines: " + v[1]);
    }

    /** Macros run headless by {@code ./d3m macro} (no display at all); the emulator's (85 s) is left to the Xvfb run. */
    static final List<String> HEADLESS = List.of("pipeline.ijm", "open-samples.ijm");

    @TestFactory
    Stream<DynamicTest> macrosRunHeadlessWithTheLauncher() {
        return HEADLESS.stream().map(m -> DynamicTest.dynamicTest(m + " headless", () -> {
            Path macro = IjInstall.root().resolve("macros").resolve(m);
            List<String> expected = MacrosIT.expectations(Files.readString(macro));
            String name = m.replace(".ijm", "") + "-headless";
            Path out = IjInstall.root().resolve("target/it-headless-macros").resolve(name + " dir");
            MacrosIT.deleteTree(out);
            Files.createDirectories(out.getParent());
            long t0 = System.nanoTime();
            String[] r = IjInstall.exec(MacrosIT.MACRO_TIMEOUT_S + 10, null, "env", "-u", "DISPLAY", "timeout",
                    Integer.toString(MacrosIT.MACRO_TIMEOUT_S), IjInstall.root().resolve("d3m").toString(), "macro", macro.toString(),
                    out.toString());
            System.out.printf("[HeadlessMacroIT] %s: %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
            assertEquals("0", r[0], name + " exit code; output:\n" + r[1]);
            for (String line : r[1].split("\n")) {
                assertFalse(line.startsWith("error:"), name + ": " + line);
            }
            for (String rel : expected) {
                File f = out.resolve(rel).toFile();
                assertTrue(f.isFile() && f.length() > 0, name + " did not write " + rel + "; output:\n" + r[1]);
                MacrosIT.checkContent(name, rel, f);
            }
        }));
    }
}
