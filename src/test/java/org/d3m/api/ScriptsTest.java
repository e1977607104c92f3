package org.d3m.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.d3m.core.analysis.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * The Fiji scripts in scripts/ cannot run here (Fiji's script languages are not on Maven Central).
 * What they call is tested instead: they use D3M only through {@code org.d3m.api}, and every facade
 * method they call ({@link D3m} and the records it returns) is called by {@link ScriptingExample},
 * which {@link ScriptingExampleTest} runs. Anything else they call must be a known language or
 * Fiji built-in ({@link #BUILT_INS}).
 */
class ScriptsTest {

    /** The facade: the classes a script gets from D3m. */
    static final List<Class<?>> FACADE = List.of(D3m.class, Model.class, Table.class, Table.Row.class,
            Calibration.class, Spectrum.class);

    /** Non-D3M calls the scripts may make: Java, Groovy, Python, JavaScript and Fiji's UIService. */
    static final Set<String> BUILT_INS = Set.of("format", "join", "put", "push", "toFixed", "type", "show");

    private static final Pattern CALL = Pattern.compile("\\.\\s*([A-Za-z_]\\w*)\\s*\\(");

    static List<Path> scripts() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("scripts"))) {
            return s.filter(p -> p.toString().matches(".*\\.(groovy|py|js)$")).sorted().toList();
        }
    }

    /** Method names called as {@code .name(}, with comments, script parameters and string literals removed. */
    static Set<String> calls(String source) {
        String code = source.lines()
                .map(l -> l.strip().startsWith("#") || l.strip().startsWith("//") ? "" : l)
                .map(l -> l.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\""))
                .map(l -> l.replaceAll("\\s(//|#).*$", ""))
                .collect(Collectors.joining("\n"));
        Set<String> out = new TreeSet<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static Set<String> facadeMethods() {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : FACADE) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    out.add(m.getName());
                }
            }
        }
        return out;
    }

    @Test
    void everyFacadeMethodTheScriptsCallIsCalledByTheJavaExample() throws Exception {
        List<Path> scripts = scripts();
        assertEquals(3, scripts.size(), "Groovy, Jython and JavaScript examples: " + scripts);
        Set<String> facade = facadeMethods();
        Set<String> example = calls(Files.readString(Path.of("src/test/java/org/d3m/api/ScriptingExample.java")));
        for (Path script : scripts) {
            String text = Files.readString(script);
            assertTrue(text.contains("org.d3m.api"), script + " uses the facade");
            assertFalse(Pattern.compile("org\\.d3m\\.(?!api\\b)").matcher(text).find(), script + " uses D3M only through org.d3m.api");
            assertFalse(text.contains("CommandService"), script + " calls the facade, not the commands");
            Set<String> called = calls(text);
            assertTrue(called.stream().anyMatch(facade::contains), script + " calls D3m: " + called);
            for (String name : called) {
                if (facade.contains(name)) {
                    assertTrue(example.contains(name), script + " calls " + name + "(), which ScriptingExample does not");
                } else {
                    assertTrue(BUILT_INS.contains(name), script + " calls " + name
                            + "(), neither a facade method nor a known built-in " + BUILT_INS);
                }
            }
        }
    }

    @Test
    void callParserSkipsCommentsAndStrings() {
        assertEquals(Set.of("paper", "simulate"), calls("// x.notThis()\n#@ Long (label = \"a.b(\") seed\n"
                + "sim = D3m.paper(seed)  # z.nor(this)\npsi = sim . simulate ( ) // .nope()\ns = \"x.inString()\""));
    }
}
