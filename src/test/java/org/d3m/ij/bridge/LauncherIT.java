package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The launcher script {@code ./d3m} in a subprocess (issue 24, items 4, 6 and 9): called through a
 * symbolic link, with a DISPLAY that names no X server, and under {@code LC_ALL=C} with a Unicode
 * file name. Every run is wrapped in {@code timeout}.
 */
class LauncherIT {

    private static String d3m() {
        return IjInstall.root().resolve("d3m").toString();
    }

    @Test
    void worksThroughASymbolicLinkFromAnotherFolder() throws Exception {
        Path bin = Files.createDirectories(IjInstall.root().resolve("target/it-launcher/bin"));
        Path link = bin.resolve("d3m");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(d3m()));
        String[] r = IjInstall.exec(120, null, "bash", "-c", "cd / && timeout 110 " + link + " --version");
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("D3M for Fiji"), r[1]);
    }

    @Test
    void aDisplayWithoutAnXServerIsOneLineAndExitOne() throws Exception {
        String[] r = IjInstall.exec(120, null, "env", "DISPLAY=:99999", "timeout", "110", d3m(), "imagej");
        assertEquals("1", r[0], r[1]);
        String[] lines = r[1].strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("error: cannot open display :99999"), r[1]);
        assertTrue(!r[1].contains("AWTError") && !r[1].contains("\tat "), "no stack trace: " + r[1]);
    }

    @Test
    void aUnicodeNameWorksUnderTheCLocale() throws Exception {
        Path dir = IjInstall.root().resolve("target/it-launcher/unicode");
        MacrosIT.deleteTree(dir);
        Files.createDirectories(dir);
        // the name goes through bash as bytes ($'\xce\x94' is the UTF-8 of Δ), whatever this JVM's encoding
        String[] r = IjInstall.exec(120, null, "bash", "-c", "LC_ALL=C exec timeout 110 " + d3m() + " lpt grid=8 output="
                + dir + "/$'\\xce\\x94'2LPT.npy");
        assertEquals("0", r[0], r[1]);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "the field and its sidecar: " + r[1]);
        }
        String[] name = IjInstall.exec(30, null, "bash", "-c", "cd " + dir + " && ls -1 | LC_ALL=C od -An -c | tr -d ' \\n'");
        assertTrue(name[1].startsWith("316224"), "Δ in UTF-8 (octal 316 224): " + name[1]);
    }
}
