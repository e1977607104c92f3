package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless IJ1 macros through {@code call("org.d3m.ij.bridge.CommandBridge.call", ...)}, in-process with
 * ImageJ's real macro interpreter (no display): &variables, batch-mode images as field inputs,
 * and errors that log one line and abort the macro.
 */
class CallMacroTest {

    static final String CALL = "call('org.d3m.ij.bridge.CommandBridge.call', ";

    record Run(String result, String log) {
    }

    /** Runs a macro, capturing what IJ.log prints headless (stdout). */
    static synchronized Run macro(String code) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String r = IJ.runMacro(code);
            return new Run(r, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void variablesAndBracketsReachTheCommandExactly() {
        Run r = macro("v = 2.142e-9; g = 12; s = " + CALL + "'fixture-echo', 'grid=&g a_s=&v label=[x y] flag mode=2lpt'); return s;");
        assertEquals("grid=12 seed=7 a_s=2.142e-9 box_size=128 flag=true mode=2lpt order=first label=[x y] output=", r.result(), r.log());
    }

    @Test
    void batchModeImagesAreFieldInputsByTitle(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("v.tif");
        Run r = macro("setBatchMode(true);"
                + CALL + "'fixture-field', 'grid=8 box_size=16 vector output=[" + out + "]');"
                + "t = getTitle(); c = nImages;"
                + "s = " + CALL + "'fixture-stats', 'input=[' + t + '] vector');"
                + "return '' + c + '|' + t + '|' + s;");
        org.junit.jupiter.api.Assertions.assertNotNull(r.result(), r.log());
        assertEquals("1|test displacement grid=8 box_size=16|vector n=8 L=16.0 rms="
                + r.result().substring(r.result().indexOf("rms=") + 4), r.result(), r.log());
        assertTrue(Files.exists(out) && Files.exists(dir.resolve("v.tif.json")));
        Run cur = macro("setBatchMode(true);" + CALL + "'fixture-field', 'grid=8 box_size=16');"
                + "return " + CALL + "'fixture-stats', 'input=current');");
        assertEquals("scalar n=8 L=16.0 mean=388.5", cur.result(), cur.log());
        Run named = macro("setBatchMode(true);" + CALL + "'fixture-field', 'grid=8 box_size=16 vector'); t = getTitle();"
                + CALL + "'paint-density', 'input=current'); return t + '|' + getTitle();");
        String[] titles = named.result().split("\\|");
        assertTrue(titles[0].startsWith("test displacement grid=8 box_size=16"), named.result());
        assertEquals("CIC density of " + titles[0], titles[1], "'current' is named by the image's real title: " + named.log());
    }

    @Test
    void aSecondPlotGetsItsOwnTitle() {
        Run r = macro("setBatchMode(true);" + CALL + "'fixture-field', 'grid=8 box_size=16 vector'); t = getTitle();"
                + CALL + "'power-spectrum', 'input=[' + t + ']'); a = getTitle();"
                + "selectImage(t);" + CALL + "'power-spectrum', 'input=[' + t + ']'); res = a + '|' + getTitle();"
                + "close('*'); return res;");
        String[] titles = r.result().split("\\|");
        assertTrue(titles[0].startsWith("P(k) of"), r.result() + r.log());
        assertEquals(titles[0] + " (2)", titles[1], "plots are uniquely titled (issue 26): " + r.log());
    }

    @Test
    void errorsLogOneLineAndAbortTheMacro() {
        Run r = macro("s = " + CALL + "'fixture-required', 'seed=1 grid=7'); print('after the error'); return 'went on';");
        assertTrue(r.log().contains("error: fixture-required: grid must be even, got 7"), r.log());
        assertFalse(r.log().contains("after the error"), "macro aborted: " + r.log());
        assertFalse(r.log().contains("at org."), "no stack trace: " + r.log());
        Run bad = macro("s = " + CALL + "'fixture-echo', 'mode=pm'); return s;");
        assertTrue(bad.log().contains("error: fixture-echo: mode must be one of za, 2lpt, fastpm, got 'pm'"), bad.log());
    }
}
