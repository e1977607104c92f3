package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.d3m.commands.GeneratorCommandsTest.Result;

/**
 * The rule of issues 12 and 24 as a test helper: a refused run exits 1, its last stderr line is
 * {@code error: ...} (only progress lines before it), and every file in the folder is unchanged,
 * byte for byte, with nothing added ({@link SafetyTest#snapshot}).
 */
final class Refusals {

    private Refusals() {
    }

    /** Runs the CLI with {@code args}; the error line must start with {@code "error: " + start}. Returns the line. */
    static String refused(Path dir, String start, String... args) throws IOException {
        Map<String, String> before = SafetyTest.snapshot(dir);
        Result r = cli(args);
        String cmd = String.join(" ", args);
        assertEquals(1, r.code(), cmd + " -> " + r.err());
        List<String> lines = r.err().strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("error: " + start), cmd + " -> " + last);
        for (String l : lines.subList(0, lines.size() - 1)) {
            assertTrue(l.startsWith("["), "only progress lines before the error: " + l);
        }
        assertEquals(before, SafetyTest.snapshot(dir), cmd + ": files are unchanged and nothing was added");
        return last;
    }
}
