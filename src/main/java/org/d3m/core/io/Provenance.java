package org.d3m.core.io;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a data product came from: an ordered list of key = value strings (what was computed,
 * with which parameters, seed, cosmology, ...) that travels with the data as a JSON sidecar file
 * {@code <data file>.json} and as the ImageJ "Info" property.
 *
 * <p>{@link #of} starts with {@code what}, {@code version} (the plugin version) and
 * {@code created} (UTC, ISO-8601, seconds). Values are stored as strings; doubles use
 * {@link Double#toString} so they read back exactly. JSON is written here (one string per
 * value) and read with gson's strict streaming reader ({@link #parseJson}): flat objects of
 * string, number, true/false/null values only.
 */
public final class Provenance {

    private final LinkedHashMap<String, String> entries = new LinkedHashMap<>();

    private Provenance() {
    }

    /** A new record for a product described by {@code what} (for example "2LPT displacement"). */
    public static Provenance of(String what) {
        Provenance p = new Provenance();
        p.put("what", what);
        p.put("version", version());
        p.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return p;
    }

    /**
     * Adds (or replaces, keeping its place) {@code key}; the value is {@code String.valueOf(value)},
     * arrays as {@code [a, b, ...]}. Returns this for chaining.
     */
    public Provenance put(String key, Object value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("provenance key must not be empty");
        }
        entries.put(key, text(value));
        return this;
    }

    /** The value for {@code key}, or null. */
    public String get(String key) {
        return entries.get(key);
    }

    /** All entries, in insertion order (read-only view). */
    public Map<String, String> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Pretty-printed JSON object, one {@code "key": "value"} per line, all values as strings. */
    public String toJson() {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            b.append(first ? "\n" : ",\n").append("  ");
            quote(b, e.getKey());
            b.append(": ");
            quote(b, e.getValue());
            first = false;
        }
        return b.append(first ? "}\n" : "\n}\n").toString();
    }

    /**
     * "key = value" lines for the ImageJ Info property. Line breaks inside a value are written as
     * the two characters {@code \n} (and {@code \r} likewise) so every entry stays on one line.
     */
    public String toInfo() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            b.append(e.getKey()).append(" = ")
                    .append(e.getValue().replace("\r", "\\r").replace("\n", "\\n")).append('\n');
        }
        return b.toString();
    }

    /**
     * Parses a flat JSON object (as {@link #toJson} writes it) back into a record, with gson's
     * strict reader: values may be strings, numbers (kept as their text, so "1.5e3" stays
     * "1.5e3" and a double written by {@link Double#toString} reads back exactly), true, false or
     * null (kept as "true", "false", "null"). Nested objects and arrays, text after the object and
     * anything that is not strict JSON are refused with a one-line IllegalArgumentException that
     * says where ("bad provenance JSON at line 1 column 9: ...").
     */
    public static Provenance parseJson(String json) {
        Provenance p = new Provenance();
        try (JsonReader r = new JsonReader(new StringReader(json))) {
            r.setLenient(false); // gson's default for a new reader, said out loud: strict JSON only
            r.beginObject();
            while (r.hasNext()) {
                String key = r.nextName();
                JsonToken t = r.peek();
                String value = switch (t) {
                    case STRING, NUMBER -> r.nextString();
                    case BOOLEAN -> Boolean.toString(r.nextBoolean());
                    case NULL -> {
                        r.nextNull();
                        yield "null";
                    }
                    default -> throw new IllegalArgumentException("bad provenance JSON at " + where(r)
                            + ": '" + key + "' holds " + (t == JsonToken.BEGIN_ARRAY ? "an array" : "an object")
                            + "; nested objects and arrays are not supported");
                };
                p.entries.put(key, value);
            }
            r.endObject();
            try {
                r.peek(); // the strict reader refuses a second value
            } catch (IOException e) {
                throw new IllegalArgumentException("bad provenance JSON at " + where(r) + ": unexpected text after the object", e);
            }
        } catch (IOException | IllegalStateException e) { // MalformedJsonException, EOFException; a wrong token
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString())
                    .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "not strict JSON")
                    .replaceFirst(" path \\$.*$", "");
            throw new IllegalArgumentException("bad provenance JSON: " + m, e);
        }
        return p;
    }

    /** "line 1 column 9" of a reader's position, from gson's own location text. */
    private static String where(JsonReader r) {
        String s = r.toString(); // "JsonReader at line 1 column 9 path $.a"
        int at = s.indexOf(" at ");
        int path = s.indexOf(" path ");
        return at < 0 ? "?" : s.substring(at + 4, path > at ? path : s.length());
    }

    /** Writes {@link #toJson} atomically to {@code <dataFile>.json} (e.g. delta.npy.json). */
    public void writeSidecar(Path dataFile) throws IOException {
        AtomicFiles.writeString(sidecarOf(dataFile), toJson());
    }

    /**
     * Writes {@link #toJson} to a temporary file for {@code <dataFile>.json}, renamed into place by
     * the caller's {@link AtomicFiles.Pending#commit} once the data file is written.
     */
    public AtomicFiles.Pending prepareSidecar(Path dataFile) throws IOException {
        byte[] json = toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return AtomicFiles.prepare(sidecarOf(dataFile), out -> out.write(json));
    }

    /** The sidecar path of a data file: the same name with ".json" appended. */
    public static Path sidecarOf(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".json");
    }

    /** The plugin version from the jar manifest's Implementation-Version, or "dev" outside a jar. */
    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && entries.equals(p.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return toInfo();
    }

    private static String text(Object value) {
        if (value instanceof double[] a) {
            return Arrays.toString(a);
        } else if (value instanceof float[] a) {
            return Arrays.toString(a);
        } else if (value instanceof int[] a) {
            return Arrays.toString(a);
        } else if (value instanceof long[] a) {
            return Arrays.toString(a);
        } else if (value instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        return String.valueOf(value);
    }

    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
