package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.d3m.ij.site.PluginsConfigGenerator;

/**
 * The headless macro runner in-process (surefire's JVM is headless): ImageJ's command table
 * without menus, D3M commands from run("..."), Process &gt; Math values read from the options,
 * dialogs refused loudly, exit codes. The fixture commands are added like a plugins.config.
 */
class HeadlessMacroTest {

    static Map<String, String> fixtures;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void fixtureTable() throws Exception {
        String index = Files.readString(Path.of("target/test-classes", PluginsConfigGenerator.INDEX));
        fixtures = Ij1Commands.fromPluginsConfig(PluginsConfigGenerator.config(index));
    }

    static synchronized Run run(String macro) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = HeadlessMacro.runText(macro, "arg1", new PrintStream(err, true, StandardCharsets.UTF_8), fixtures);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void recordedLinesOfD3MCommandsRunWithUniqueTitles() {
        Run r = run("print(getArgument());"
                + "run('Make Test Field...', 'box_size=16 grid=8'); a = getTitle();"
                + "run('Make Test Field...', 'box_size=16 grid=8'); b = getTitle();"
                + "run('Field Stats...', 'input=[' + b + ']');"
                + "print(a + '|' + b + '|' + nImages);");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("arg1\n"), r.out());
        assertTrue(r.out().contains("scalar n=8 L=16.0 mean=388.5"), r.out());
        assertTrue(r.out().contains("test density grid=8 box_size=16|test density grid=8 box_size=16 (2)|2"), r.out());
        assertTrue(r.err().isEmpty() || !r.err().contains("error"), r.err());
    }

    @Test
    void ambiguousTitlesAreRefusedWithTheMatches() {
        Run r = run("run('Make Test Field...', 'grid=8'); t = getTitle();"
                + "run('Make Test Field...', 'grid=8'); rename(t);"
                + "run('Field Stats...', 'input=[' + t + ']'); print('not reached');");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().matches("(?s).*error: Field Stats: input 'test density grid=8' matches 2 open images \\(ID -?\\d+ 8x8x8 with 1 channel,"
                + " ID -?\\d+ 8x8x8 with 1 channel\\); rename one \\(Image > Rename\\.\\.\\.\\) or close it.*"), r.err());
        assertFalse(r.out().contains("not reached"));
    }

    @Test
    void aFailingCommandStopsTheMacroWithExitCodeOne() {
        Run r = run("run('Required Key...', 'seed=1 grid=7'); print('not reached');");
        assertEquals(1, r.code());
        assertEquals("error: Required Key: grid must be even, got 7", r.err().strip());
        assertFalse(r.out().contains("not reached"));
        Run typo = run("run('Make Test Field...', 'gird=8');");
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("unknown key 'gird' for fixture-field"), typo.err());
    }

    @Test
    void processMathReadsItsValueInsteadOfTheDefault() {
        // ImageJ 1 alone would add its default 25 here: its dialog cannot exist headless.
        Run r = run("newImage('a', '32-bit black', 4, 4, 3); run('Add...', 'value=7 stack'); setSlice(3); s = '' + getPixel(1, 1);"
                + "run('Multiply...', 'value=0.5 stack'); s = s + '|' + getPixel(1, 1);"
                + "newImage('b', '8-bit black', 4, 4, 3); v = 300; run('Add...', 'value=&v'); s = s + '|' + getPixel(1, 1);"
                + "setSlice(2); s = s + '|' + getPixel(1, 1);"
                + "run('Subtract...', 'value=5 slice'); run('Max...', 'value=100'); s = s + '|' + getPixel(1, 1);"
                + "print(s);");
        assertEquals(0, r.code(), r.err());
        assertEquals("7|3.5|255|0|0", r.out().strip(), "8-bit clamps at 255; without 'stack' only the current slice changes");
        Run bad = run("newImage('a', '8-bit black', 4, 4, 1); run('Add...', 'value=abc'); print('not reached');");
        assertEquals(1, bad.code());
        assertEquals("error: run(\"Add...\"): value \"abc\" is not a number", bad.err().strip());
    }

    @Test
    void commandsThatNeedADialogAreRefusedNotRunWithDefaults() {
        Run r = run("newImage('a', '32-bit ramp', 8, 8, 1); run('Gaussian Blur...', 'sigma=2'); print('not reached');");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: run(\"Gaussian Blur...\"): this ImageJ command opens a dialog"), r.err());
        assertFalse(r.out().contains("not reached"));
        Run ok = run("newImage('a', '8-bit black', 4, 4, 1); run('Invert'); print(getPixel(0, 0));");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("255", ok.out().strip(), "a command without a dialog runs as in ImageJ");
    }

    @Test
    void macroErrorsAndUnknownCommandsExitOne() {
        Run syntax = run("x = 1;\ny = ;\nprint('not reached');");
        assertEquals(1, syntax.code());
        assertTrue(syntax.err().matches("error: macro line [23]: Number or numeric function expected\\s*"), syntax.err());
        Run unknown = run("run('Nonesuch Thing');");
        assertEquals(1, unknown.code());
        assertEquals("error: run(\"Nonesuch Thing\"): unrecognized command", unknown.err().strip());
        Run exit = run("print('a'); exit('stopped'); print('b');");
        assertEquals(0, exit.code(), "exit() ends a macro normally, as in ImageJ");
        assertEquals("a\nstopped", exit.out().strip());
    }
}
