package org.d3m.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The headless IJ1 route a server user has: {@code ImageJ -batch macro.ijm} with the plugin jars in
 * plugins/ (IJ1's plugin class loader, no display), commands reached through
 * {@code call("org.d3m.ij.CommandBridge.call", ...)}. Also the launcher's one-line errors.
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
                "s = call('org.d3m.ij.CommandBridge.call', 'fixture-field', 'grid=8 box_size=16 output=[" + out + "]');",
                "t = getTitle();",
                "s2 = call('org.d3m.ij.CommandBridge.call', 'fixture-stats', 'input=[' + t + ']');",
                "File.saveString(s + '\\n' + t + '\\n' + s2 + '\\n', '" + res + "');",
                "s3 = call('org.d3m.ij.CommandBridge.call', 'fixture-required', 'seed=1 grid=7');",
                "File.append('not aborted', '" + res + "');",
                ""));
        String[] r = IjInstall.exec(120, dir.resolve("batch.log"), "timeout", "110", "java", "-Djava.awt.headless=true",
                "-Duser.home=" + dir.resolve("home"), "-Dplugins.dir=" + dir, "-cp", IjInstall.ijJar().toString(),
                "ij.ImageJ", "-batch", macro.toString());
        assertTrue(Files.exists(res), "macro ran: " + r[1]);
        String[] lines = Files.readString(res).split("\n");
        assertTrue(lines[0].startsWith("test density grid=8 rms="), lines[0]);
        assertEquals("test density grid=8", lines[1]);
        assertEquals("scalar n=8 L=16.0 mean=388.5", lines[2]);
        assertEquals(3, lines.length, "the failing call aborted the macro: " + String.join("|", lines));
        assertTrue(r[1].contains("error: fixture-required: grid must be even, got 7"), r[1]);
        assertTrue(Files.exists(out) && Files.exists(dir.resolve("field.tif.json")));
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
}
