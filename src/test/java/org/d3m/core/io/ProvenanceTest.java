package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void jsonRoundTripWithAwkwardValues() {
        Provenance p = Provenance.of("ZA displacement")
                .put("box_size", 128.0)
                .put("grid", 32)
                .put("quote", "say \"hi\"")
                .put("path", "C:\\data\\run 1")
                .put("lines", "one\ntwo\r\nthree\ttab")
                .put("control", "bell\u0007end")
                .put("unicode", "Ω_m = 0.3089")
                .put("array", new double[] {0.1, 0.2});
        String json = p.toJson();
        assertTrue(json.startsWith("{\n  \"what\": \"ZA displacement\",\n  \"version\": "), json);
        assertTrue(json.contains("\"quote\": \"say \\\"hi\\\"\""), json);
        assertTrue(json.contains("\\u0007"), json);
        Provenance back = Provenance.parseJson(json);
        assertEquals(p, back);
        assertEquals(List.copyOf(p.entries().keySet()), List.copyOf(back.entries().keySet()), "order kept");
        assertEquals("one\ntwo\r\nthree\ttab", back.get("lines"));
        assertEquals("[0.1, 0.2]", back.get("array"));
        assertEquals("128.0", back.get("box_size"));
        assertEquals("dev", p.get("version"), "no jar manifest in tests");
    }

    @Test
    void parsesPlainJsonValuesAndRejectsNesting() {
        Provenance p = Provenance.parseJson("{\"a\": 1.5e3, \"b\": true, \"c\": null, \"d\": \"x\\/y\\u0041\"}");
        assertEquals("1.5e3", p.get("a"));
        assertEquals("true", p.get("b"));
        assertEquals("null", p.get("c"));
        assertEquals("x/yA", p.get("d"));
        assertEquals(0, Provenance.parseJson("{ }").entries().size());
        assertBad("bad provenance JSON at line 1 column 8: 'a' holds an object; nested objects and arrays are not supported",
                "{\"a\": {\"b\": 1}}");
        assertBad("'a' holds an array; nested objects and arrays are not supported", "{\"a\": [1, 2]}");
        assertBad("bad provenance JSON: End of input at line 1 column 8", "{\"a\": 1");
        assertBad("bad provenance JSON at line 1 column 11: unexpected text after the object", "{\"a\": 1} x");
        assertBad("bad provenance JSON: not strict JSON at line 1 column 3", "{a: 1}");         // unquoted key
        assertBad("bad provenance JSON: not strict JSON at line 1 column 8", "{\"a\": 'x'}");   // single quotes
        assertBad("not strict JSON", "{\"a\": nope}");
        assertBad("bad provenance JSON", "");
        assertBad("bad provenance JSON", "[1]");
    }

    @Test
    void numbersReadBackAsTheirTextAndAsTheSameDouble() {
        double[] values = {0.1, 1.0 / 3, 6.02214076e23, -4.9e-324, Double.MAX_VALUE, 128.0, 2.5e-7};
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            json.append(i > 0 ? ", " : "").append("\"v").append(i).append("\": ").append(values[i]);
        }
        Provenance p = Provenance.parseJson(json.append('}').toString());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.toString(values[i]), p.get("v" + i), "number text kept");
            assertEquals(values[i], Double.parseDouble(p.get("v" + i)), 0.0, "round trip");
        }
        assertEquals("12345678901234567890", Provenance.parseJson("{\"n\": 12345678901234567890}").get("n"), "no rounding of long integers");
    }

    /** One line, starting with what is wrong. */
    private static void assertBad(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Provenance.parseJson(json), json);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad provenance JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("setLenient") || e.getMessage().contains(" path $"), "no gson internals: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void infoHasOneLinePerEntry() {
        Provenance p = Provenance.of("density").put("note", "a\nb");
        String[] lines = p.toInfo().split("\n");
        assertEquals(4, lines.length);
        assertEquals("what = density", lines[0]);
        assertEquals("note = a\\nb", lines[3]);
        assertTrue(lines[2].startsWith("created = 20"), lines[2]);
    }

    @Test
    void sidecarIsWrittenNextToTheData() throws IOException {
        Path data = dir.resolve("delta.npy");
        Provenance p = Provenance.of("density").put("seed", 42L);
        p.writeSidecar(data);
        Path side = dir.resolve("delta.npy.json");
        assertEquals(side, Provenance.sidecarOf(data));
        assertEquals(p, Provenance.parseJson(Files.readString(side)));
    }
}
