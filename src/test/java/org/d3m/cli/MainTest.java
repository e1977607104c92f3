package org.d3m.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: list, help, conversion, validation, one-line errors, exit codes. */
class MainTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listShowsFixtureCommandsByName() {
        Result r = run("list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fixture-echo"), r.out());
        assertTrue(r.out().contains("fixture-field"), r.out());
        assertFalse(r.out().toLowerCase().contains("about"), "SciJava's own commands are not listed: " + r.out());
    }

    @Test
    void helpListsKeysTypesDefaultsAndChoices() {
        Result r = run("help", "fixture-echo");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*a_s\\s+double\\s+default 2\\.142e-9\\s+amplitude.*"), r.out());
        assertTrue(r.out().matches("(?s).*mode\\s+choice\\s+default za.*one of: za, 2lpt, fastpm.*"), r.out());
        assertTrue(r.out().matches("(?s).*order\\s+choice\\s+default first.*one of: first, second.*"), r.out());
        assertTrue(r.out().matches("(?s).*output\\s+file\\s+optional.*"), r.out());
        assertTrue(r.out().contains("Echo Parameters"), r.out());
        Result req = run("help", "fixture-required");
        assertTrue(req.out().matches("(?s).*seed\\s+long\\s+required.*"), req.out());
    }

    @Test
    void runsLeaveNothingInSciJavasRememberedInputs() {
        String typed = "typed " + System.nanoTime();
        Result r = run("fixture-echo", "label=" + typed);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("label=[" + typed + "]"), r.out());
        org.scijava.Context context = new org.scijava.Context(org.scijava.command.CommandService.class);
        try {
            org.scijava.command.CommandInfo info = org.d3m.ij.Commands.byName(context, "fixture-echo");
            Object remembered = context.service(org.scijava.module.ModuleService.class).load(info.getInput("label"));
            assertFalse(typed.equals(remembered), "SaveInputs pre/post-processors ran: " + remembered);
        } finally {
            context.dispose();
        }
    }

    @Test
    void convertsEveryTypeAndPrintsStringOutputs() {
        Result r = run("fixture-echo", "grid=64", "seed=123456789012", "a_s=2.142e-9", "flag=true", "mode=2LPT",
                "order=second", "label=two words", "output=/tmp/x.tif");
        assertEquals(0, r.code(), r.err());
        assertEquals("grid=64 seed=123456789012 a_s=2.142e-9 box_size=128 flag=true mode=2lpt order=second"
                + " label=[two words] output=/tmp/x.tif", r.out().strip());
    }

    @Test
    void defaultsApplyWhenKeysAreLeftOut() {
        Result r = run("fixture-echo");
        assertEquals(0, r.code(), r.err());
        assertEquals("grid=32 seed=7 a_s=2.142e-9 box_size=128 flag=false mode=za order=first label=[hello world] output=",
                r.out().strip());
    }

    @Test
    void unknownKeyIsOneLineErrorListingKnownKeys() {
        Result r = run("fixture-echo", "x=1");
        assertEquals(1, r.code());
        assertEquals("error: unknown key 'x' for fixture-echo; known: grid, seed, a_s, box_size, flag, on, mode, order, label, output",
                r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void badValuesAreOneLineErrors() {
        assertEquals("error: grid must be an integer, got 'abc'", run("fixture-echo", "grid=abc").err().strip());
        assertEquals("error: grid must be >= 2, got 1", run("fixture-echo", "grid=1").err().strip());
        assertEquals("error: mode must be one of za, 2lpt, fastpm, got 'pm'", run("fixture-echo", "mode=pm").err().strip());
        assertEquals("error: flag must be true or false, got 'maybe'", run("fixture-echo", "flag=maybe").err().strip());
        assertEquals("error: expected key=value, got 'grid'", run("fixture-echo", "grid").err().strip());
        assertTrue(run("nonesuch").err().strip().matches("error: unknown command 'nonesuch'; known: .*fixture-echo.*"));
    }

    @Test
    void missingRequiredKeyIsAnError() {
        Result r = run("fixture-required");
        assertEquals(1, r.code());
        assertEquals("error: missing required key seed for fixture-required", r.err().strip());
        assertEquals("seed=5", run("fixture-required", "seed=5").out().strip());
    }

    @Test
    void exceptionInCommandIsOneLineWithoutStackTrace() {
        Result r = run("fixture-required", "seed=1", "grid=7");
        assertEquals(1, r.code());
        assertEquals("error: grid must be even, got 7", r.err().strip());
    }

    @Test
    void writesFieldFileWithSidecarAndReportsProgressOnStderr(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("f.tif");
        Result r = run("fixture-field", "grid=8", "box_size=32", "output=" + out);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out) > 8 * 8 * 8 * 4, "TIFF written");
        assertTrue(Files.readString(dir.resolve("f.tif.json")).contains("\"box_size\": \"32\""));
        assertTrue(r.err().contains("making the field"), r.err());
        assertTrue(r.out().startsWith("test density grid=8"), r.out());
        Result stats = run("fixture-stats", "input=" + out);
        assertEquals("scalar n=8 L=32.0 mean=388.5", stats.out().strip(), stats.err());
    }

    @Test
    void unwritableOutputFailsBeforeWork(@TempDir Path dir) {
        Result r = run("fixture-field", "output=" + dir.resolve("missing/f.tif"));
        assertEquals(1, r.code());
        assertTrue(r.err().strip().matches("error: cannot write output .*missing/f.tif: folder .* does not exist"), r.err());
        assertFalse(r.err().contains("making the field"));
        Result ext = run("fixture-field", "output=" + dir.resolve("f.png"));
        assertTrue(ext.err().contains("unknown field file type; use .tif, .tiff or .npy"), ext.err());
    }

    @Test
    void usageAndVersion() {
        assertEquals(2, run().code());
        Result h = run("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("d3m list"));
        assertTrue(run("--version").out().startsWith("D3M for Fiji "));
    }
}
