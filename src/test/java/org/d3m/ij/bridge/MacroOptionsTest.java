package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Map;

import org.d3m.testfixtures.EchoCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.d3m.ij.Commands;
import org.d3m.ij.ParamText;

/** IJ1 option strings: parsing (&variables, booleans, choices, brackets) and exact round trips. */
class MacroOptionsTest {

    static Context context;
    static CommandInfo echo;

    @BeforeAll
    static void setUp() {
        context = new Context(CommandService.class);
        echo = Commands.byName(context, "fixture-echo");
    }

    @AfterAll
    static void tearDown() {
        context.dispose();
    }

    static Map<String, Object> parse(String options) {
        return MacroOptions.parse(echo, options, name -> Map.of("g", "48", "v", "2.142e-9", "s", "from var").get(name));
    }

    @Test
    void valuesBracketsAndDefaults() {
        Map<String, Object> v = parse("grid=64 a_s=2.142e-9 label=[two  words] output=[/tmp/a b/c.tif]");
        assertEquals(64, v.get("grid"));
        assertEquals(2.142e-9, (double) v.get("a_s"));
        assertEquals("two  words", v.get("label"));
        assertEquals(new File("/tmp/a b/c.tif"), v.get("output"));
        assertEquals(7L, v.get("seed"), "default kept");
        assertEquals(128.0, v.get("box_size"));
        assertEquals("za", v.get("mode"));
    }

    @Test
    void keysInsideBracketedValuesAreNotKeys() {
        // ImageJ's Macro.getValue would read seed=42 and box_size=64 from inside the label.
        Map<String, Object> v = parse("label=[FastPM displacement seed=42 box_size=64 flag] grid=16");
        assertEquals("FastPM displacement seed=42 box_size=64 flag", v.get("label"));
        assertEquals(7L, v.get("seed"));
        assertEquals(128.0, v.get("box_size"));
        assertEquals(false, v.get("flag"));
        assertEquals(16, v.get("grid"));
        assertEquals("a [b] c", parse("label=[a [b] c]").get("label"), "nested brackets");
    }

    @Test
    void variables() {
        Map<String, Object> v = parse("grid=&g a_s=&v label=&s");
        assertEquals(48, v.get("grid"));
        assertEquals(2.142e-9, (double) v.get("a_s"));
        assertEquals("from var", v.get("label"));
        assertEquals("grid=&nope: no macro variable 'nope'",
                assertThrows(IllegalArgumentException.class, () -> parse("grid=&nope")).getMessage());
    }

    @Test
    void booleansByPresence() {
        assertEquals(true, parse("grid=8 flag").get("flag"));
        assertEquals(true, parse("flag grid=8").get("flag"));
        assertEquals(false, parse("grid=8").get("flag"));
        assertEquals(false, parse("grid=8 flag=false").get("flag"));
        // an absent key keeps its default, for a box that is on by default too (issue 26: a hand-written
        // macro that leaves out augment or three_point must not turn them off)
        assertEquals(true, parse("grid=8").get("on"));
        assertEquals(true, parse("on grid=8").get("on"));
        assertEquals(false, parse("on=false grid=8").get("on"));
        assertEquals(false, parse("label=[flag] grid=8").get("flag"), "a bracketed value is not a key");
        assertEquals(true, parse("flag=true").get("flag"));
    }

    @Test
    void choicesAreValidated() {
        assertEquals("fastpm", parse("mode=fastpm").get("mode"));
        assertEquals(EchoCommand.Order.SECOND, parse("order=second").get("order"));
        assertEquals("mode must be one of za, 2lpt, fastpm, got 'pm'",
                assertThrows(IllegalArgumentException.class, () -> parse("mode=pm")).getMessage());
    }

    @Test
    void unknownKeysAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("grid=8 gird=9"));
        assertTrue(e.getMessage().startsWith("unknown key 'gird' for fixture-echo; known: grid, seed"), e.getMessage());
    }

    @Test
    void recordedTextRoundTripsToTheSameInputs() {
        Map<String, Object> in = parse("grid=64 seed=123456789012 a_s=2.142e-9 box_size=0.1 flag mode=2lpt order=second "
                + "label=[a b] output=/tmp/x.npy");
        String text = MacroOptions.format(echo, in);
        assertEquals("grid=64 seed=123456789012 a_s=2.142e-9 box_size=0.1 flag on mode=2lpt order=second label=[a b] output=/tmp/x.npy",
                text);
        assertEquals(in, parse(text));
        // awkward reals survive exactly
        for (double d : new double[] {2.142e-9, 0.30891234567890123, 1e300, -7.5e-12, 0.1 + 0.2}) {
            Map<String, Object> m = parse("a_s=" + ParamText.format(d));
            assertEquals(d, (double) m.get("a_s"), "exact: " + d);
            assertEquals(m, parse(MacroOptions.format(echo, m)));
        }
        Map<String, Object> defaults = parse("");
        assertEquals(defaults, parse(MacroOptions.format(echo, defaults)), "false booleans and null files left out");
        Map<String, Object> off = parse("on=false");
        assertTrue(MacroOptions.format(echo, off).contains(" on=false "), "a default-on box that is off is recorded: "
                + MacroOptions.format(echo, off));
        assertEquals(off, parse(MacroOptions.format(echo, off)));
    }

    @Test
    void keysTokenizer() {
        assertEquals(java.util.List.of("a", "b", "c", "d"), MacroOptions.keys("a=1 b=[x y=2 z] c d=4"));
    }
}
