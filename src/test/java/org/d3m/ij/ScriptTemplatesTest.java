package org.d3m.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The SciJava script templates in scripts/ cannot run here (Fiji's scripting languages are not on
 * Maven Central), so this checks what can go stale: every {@code cs.run("class", true, "key",
 * value, ...)} names a real D3M command and only keys that command has, and every script declares
 * {@code #@ CommandService cs}.
 */
class ScriptTemplatesTest {

    private static Context context;

    @BeforeAll
    static void context() {
        context = new Context(CommandService.class);
    }

    @AfterAll
    static void dispose() {
        context.dispose();
    }

    @Test
    void everyScriptCallNamesARealCommandAndItsKeys() throws Exception {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(Path.of("scripts"))) {
            scripts = s.filter(p -> p.toString().matches(".*\\.(groovy|py|js)$")).sorted().toList();
        }
        assertEquals(3, scripts.size(), "Groovy, Python and JavaScript templates: " + scripts);
        int calls = 0;
        for (Path script : scripts) {
            String text = Files.readString(script);
            assertTrue(text.contains("#@ CommandService cs"), script + " declares the CommandService parameter");
            List<List<String>> found = calls(text);
            assertTrue(!found.isEmpty(), script + " calls cs.run");
            for (List<String> args : found) {
                String cls = unquote(args.get(0));
                CommandInfo info = Commands.byClass(context, cls);
                assertTrue(args.get(1).equalsIgnoreCase("true"), script + ": process flag " + args.get(1));
                Set<String> keys = Commands.userInputs(info).stream().map(ModuleItem::getName).collect(Collectors.toSet());
                assertEquals(0, args.size() % 2, script + ": key/value pairs in " + args);
                for (int i = 2; i < args.size(); i += 2) {
                    String key = unquote(args.get(i));
                    assertTrue(keys.contains(key), script + ": " + cls + " has no key '" + key + "'; keys: " + keys);
                }
                calls++;
            }
        }
        assertTrue(calls >= 7, "calls checked: " + calls);
    }

    @Test
    void parserSplitsNestedArguments() {
        List<List<String>> c = calls("x = cs.run(\"a.B\", true, \"k\", new File(d, \"x,y\"), // note, here\n \"n\", 2).get()");
        assertEquals(List.of(List.of("\"a.B\"", "true", "\"k\"", "new File(d, \"x,y\")", "\"n\"", "2")), c);
    }

    /** The top-level arguments of each {@code cs.run(...)} call, comments (and comment lines) removed. */
    static List<List<String>> calls(String source) {
        String text = source.lines().filter(l -> !l.strip().startsWith("//") && !l.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        List<List<String>> out = new ArrayList<>();
        int at = 0;
        while ((at = text.indexOf("cs.run(", at)) >= 0) {
            int i = at + "cs.run(".length();
            List<String> args = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            int depth = 0;
            boolean str = false;
            for (; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (str) {
                    cur.append(ch);
                    str = ch != '"';
                } else if (ch == '"') {
                    cur.append(ch);
                    str = true;
                } else if ((ch == '/' && text.startsWith("//", i)) || ch == '#') {
                    i = text.indexOf('\n', i); // a comment to the end of the line
                } else if (ch == '(') {
                    depth++;
                    cur.append(ch);
                } else if (ch == ')' && depth == 0) {
                    break;
                } else if (ch == ')') {
                    depth--;
                    cur.append(ch);
                } else if (ch == ',' && depth == 0) {
                    args.add(cur.toString().strip());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            args.add(cur.toString().strip());
            out.add(args);
            at = i;
        }
        return out;
    }

    private static String unquote(String s) {
        assertTrue(s.length() >= 2 && s.startsWith("\"") && s.endsWith("\""), "a string literal: " + s);
        return s.substring(1, s.length() - 1);
    }
}
