package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 10 and the macro items of its low list, in the headless runner of
 * {@code ./d3m macro}: every error ends the run with exit code 1 and one {@code error: ...} line.
 */
class MacroErrorsTest {

    @BeforeAll
    static void fixtures() throws Exception {
        HeadlessMacroTest.fixtureTable();
    }

    private static String lastErrorLine(HeadlessMacroTest.Run r) {
        String[] lines = r.err().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void anImageJErrorThatLetsTheMacroGoOnStillFailsTheRun(@TempDir Path dir) {
        Path missing = dir.resolve("missing.tif");
        HeadlessMacroTest.Run r = HeadlessMacroTest.run("open('" + missing + "');");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("error: ImageJ: File not found: " + missing, lastErrorLine(r));
        HeadlessMacroTest.Run next = HeadlessMacroTest.run("print('fine');");
        assertEquals(0, next.code(), "an earlier run's error is not reported again: " + next.err());
    }

    @Test
    void aMacroErrorNamesItsOwnLine() {
        HeadlessMacroTest.Run r = HeadlessMacroTest.run("print('a');\nx = 1;\ny = undefinedfn(3);\nprint('b');\n");
        assertEquals(1, r.code());
        assertEquals("error: macro line 3: Undefined identifier", lastErrorLine(r));
        assertFalse(r.out().contains("b\n"), r.out());
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsOnTheCommandLine() {
        HeadlessMacroTest.Run r = HeadlessMacroTest.run("run('Make Test Field...', 'grid=8 grid=16'); print('not reached');");
        assertEquals(1, r.code());
        assertEquals("error: Make Test Field: key 'grid' given twice", lastErrorLine(r));
        assertFalse(r.out().contains("not reached"));
        assertThrows(IllegalArgumentException.class, () -> MacroOptions.values("seed=4 box_size=8 seed=5"));
    }

    @Test
    void aD3mCommandWithoutOptionsHeadlessIsAUsageError() {
        HeadlessMacroTest.Run r = HeadlessMacroTest.run("run('Make Test Field...'); print('not reached');");
        assertEquals(1, r.code());
        assertEquals("error: Make Test Field: no options given, and a headless run cannot show the dialog: use"
                + " run(\"Make Test Field...\", \"key=value ...\") (keys: d3m help fixture-field)", lastErrorLine(r));
        assertFalse(r.out().contains("not reached"));
    }
}
