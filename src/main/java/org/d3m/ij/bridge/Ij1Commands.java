package org.d3m.ij.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ImageJ 1's command table (menu label → plugin class with its argument, e.g.
 * {@code "Add..." → ij.plugin.filter.ImageMath("add")}) read from text, without building menus:
 * <ul>
 *   <li>{@code IJ_Props.txt} in ij.jar: {@code key="Label[shortcut]",class} lines;</li>
 *   <li>{@code ij1-menubar.txt} (this package): the commands that ImageJ's {@code Menus} adds in code;</li>
 *   <li>{@code plugins.config} files: {@code Menu>Path, "Label", class("arg")} lines.</li>
 * </ul>
 * {@link org.d3m.ij.site.PluginsConfigGenerator} uses the labels to refuse D3M labels that clash with ImageJ's;
 * {@link HeadlessMacro} hands the table to ImageJ so that {@code IJ.run} finds commands in a
 * headless JVM (where ImageJ 1 cannot build its AWT menu bar).
 */
public final class Ij1Commands {

    private Ij1Commands() {
    }

    /** ImageJ 1's own commands: IJ_Props.txt (from ij.jar on the class path) and the menu bar's coded ones. */
    public static Map<String, String> builtIn() {
        Map<String, String> table = new LinkedHashMap<>();
        String props = resource(Ij1Commands.class.getClassLoader(), "IJ_Props.txt", StandardCharsets.ISO_8859_1);
        if (props != null) {
            table.putAll(fromProps(props));
        }
        String bar = resource(Ij1Commands.class.getClassLoader(), "org/d3m/ij/bridge/ij1-menubar.txt", StandardCharsets.UTF_8);
        if (bar == null) {
            throw new IllegalStateException("org/d3m/ij/bridge/ij1-menubar.txt is missing from the D3M jar");
        }
        for (String line : bar.split("\\R")) {
            int tab = line.indexOf('\t');
            if (!line.startsWith("#") && tab > 0) {
                table.put(line.substring(0, tab), line.substring(tab + 1).trim());
            }
        }
        return table;
    }

    /** Commands of IJ_Props.txt: {@code key="Label[shortcut]",class}; a trailing [shortcut] is dropped. */
    static Map<String, String> fromProps(String props) {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : props.split("\\R")) {
            int q = line.indexOf("=\"");
            int end = q < 0 ? -1 : line.indexOf('"', q + 2);
            if (line.startsWith("#") || end < 0) {
                continue;
            }
            String label = line.substring(q + 2, end).replaceAll("\\[[^\\]]*\\]$", "");
            String cls = line.substring(end + 1).replaceFirst("^\\s*,\\s*", "").trim();
            if (!label.equals("-") && !cls.isEmpty()) {
                table.put(label, cls);
            }
        }
        return table;
    }

    /** Commands of a plugins.config text: {@code Menu>Path, "Label", class("arg")}. */
    public static Map<String, String> fromPluginsConfig(String config) {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : config.split("\\R")) {
            String s = line.trim();
            int q1 = s.indexOf('"');
            int q2 = q1 < 0 ? -1 : s.indexOf('"', q1 + 1);
            int comma = q2 < 0 ? -1 : s.indexOf(',', q2);
            if (s.startsWith("#") || comma < 0) {
                continue;
            }
            table.put(s.substring(q1 + 1, q2), s.substring(comma + 1).trim());
        }
        return table;
    }

    /** The text of a class-path resource, or null when there is none. */
    static String resource(ClassLoader loader, String name, java.nio.charset.Charset cs) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), cs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
