package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.d3m.ij.fields.FieldFiles;

/**
 * Every macro in macros/ runs as a user would run it on a server: {@code ImageJ -batch macro.ijm
 * <folder>} under Xvfb (run("Title", ...) needs IJ1's menus, hence a display), with the plugin
 * installed in plugins/ like the repo root, under {@code timeout}. Each macro declares the files
 * it must write in {@code // expects:} lines; the test checks they exist and are sound (TIFFs open
 * cubic and calibrated in Mpc/h, CSVs have a header and rows, PNGs are non-trivial) and that the output has no
 * {@code error:} line. A macro without expectations fails.
 */
class MacrosIT {

    static final int MACRO_TIMEOUT_S = 240;
    private static int display;
    private static Process xvfb;
    private static Path ij;

    @BeforeAll
    static void startXvfb() throws Exception {
        Assumptions.assumeTrue(IjInstall.onPath("Xvfb") && IjInstall.onPath("timeout"),
                "macro tests skipped: Xvfb is not installed (./run-tests installs xvfb from Debian when it can)");
        ij = IjInstall.prepare(IjInstall.root().resolve("target/it-macros"));
        display = GuiIT.freeDisplay();
        xvfb = GuiIT.start(ij.resolve("xvfb.log"), display, "timeout", "900", "Xvfb", ":" + display,
                "-screen", "0", "1280x1000x24", "-nolisten", "tcp");
        GuiIT.waitFor(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)), "Xvfb :" + display);
    }

    @AfterAll
    static void stopXvfb() throws Exception {
        if (xvfb != null) {
            IjInstall.kill(xvfb);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMacroRunsAndWritesItsExpectedFiles() throws Exception {
        List<Path> macros;
        try (Stream<Path> s = Files.list(IjInstall.root().resolve("macros"))) {
            macros = s.filter(p -> p.toString().endsWith(".ijm")).sorted().toList();
        }
        assertTrue(macros.size() >= 3, "macros/ holds the pipeline, batch and samples macros: " + macros);
        return macros.stream().map(m -> DynamicTest.dynamicTest(m.getFileName().toString(), () -> runMacro(m)));
    }

    private static void runMacro(Path macro) throws Exception {
        List<String> expected = expectations(Files.readString(macro));
        assertFalse(expected.isEmpty(), macro + " has no '// expects:' lines naming the files it writes");
        String name = macro.getFileName().toString().replace(".ijm", "");
        Path out = ij.resolve("out").resolve(name + " dir"); // a space: paths must be [bracketed] in the macro
        deleteTree(out);
        Files.createDirectories(out.getParent());
        Path log = ij.resolve(name + ".log");
        Files.deleteIfExists(log);
        long t0 = System.nanoTime();
        String[] r = IjInstall.exec(MACRO_TIMEOUT_S + 10, log, "timeout", Integer.toString(MACRO_TIMEOUT_S),
                "env", "DISPLAY=:" + display, "java", "-Xmx1g", "-Duser.home=" + ij.resolve("home"),
                "-Dplugins.dir=" + ij, "-cp", IjInstall.ijJar().toString(), "ij.ImageJ", "-batch",
                macro.toString(), out.toString());
        System.out.printf("[MacrosIT] %s: %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        assertEquals("0", r[0], name + " exit code; output:\n" + r[1]);
        for (String line : r[1].split("\n")) {
            assertFalse(line.startsWith("error:") || line.contains("Unrecognized command"), name + ": " + line);
        }
        for (String rel : expected) {
            File f = out.resolve(rel).toFile();
            assertTrue(f.isFile() && f.length() > 0, name + " did not write " + rel + "; output:\n" + r[1]);
            checkContent(name, rel, f);
        }
    }

    static void checkContent(String macro, String rel, File f) throws Exception {
        String what = macro + ": " + rel;
        if (rel.endsWith(".tif")) {
            ImagePlus imp = FieldFiles.readTiff(f);
            assertTrue(imp.getWidth() >= 16, what + " is a field, not a stub");
            assertEquals(imp.getWidth(), imp.getNSlices(), what + " is a cube");
            assertEquals(imp.getWidth(), imp.getHeight(), what + " is a cube");
            assertEquals("Mpc/h", imp.getCalibration().getUnit(), what);
        } else if (rel.endsWith(".csv")) {
            List<String> lines = Files.readAllLines(f.toPath());
            assertTrue(lines.size() >= 2 && lines.get(0).contains(","), what + " has a header and rows");
            assertFalse(String.join("\n", lines).contains("NaN,NaN,NaN,NaN"), what + " is not all NaN");
        } else if (rel.endsWith(".png")) {
            assertTrue(f.length() > 2000, what + " is a real plot");
        }
    }

    /** The files named on the macro's {@code // expects:} lines. */
    static List<String> expectations(String macro) {
        List<String> out = new ArrayList<>();
        for (String line : macro.split("\n")) {
            String t = line.strip();
            if (t.startsWith("// expects:")) {
                for (String f : t.substring("// expects:".length()).trim().split("\\s+")) {
                    if (!f.isEmpty()) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
