package org.d3m.ij.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.d3m.ij.Commands;
import org.d3m.ij.bridge.CommandBridge;
import org.d3m.ij.bridge.Ij1Commands;
import org.d3m.ij.help.AboutD3M;
import org.d3m.ij.help.SampleData;

/**
 * Build step (Maven process-classes, see pom.xml): writes ImageJ 1's {@code plugins.config} from
 * the SciJava plugin index {@code META-INF/json/org.scijava.plugin.Plugin} that the annotation
 * processor wrote, so a new command needs no second declaration. Each D3M command with a
 * {@code menuPath} "A>B>C>Leaf" becomes the line
 * <pre>A>B>C, "Leaf", org.d3m.ij.bridge.CommandBridge("the.command.Class")</pre>
 * Lines are in workflow order ({@link #MENU_ORDER}, {@link #ITEM_ORDER}). Two commands with the same
 * menu leaf are an error (IJ1 keys commands by label), so is a leaf that is one of ImageJ 1's own
 * labels (e.g. "Benchmark") and a leaf that does not end with "..." (every command opens a dialog).
 *
 * <p>Usage: {@code PluginsConfigGenerator CLASSES_DIR [OUTPUT]} (OUTPUT defaults to
 * CLASSES_DIR/plugins.config). The static entries are appended: About D3M... and the samples of
 * {@link SampleData} (File &gt; Open Samples &gt; D3M).
 */
public final class PluginsConfigGenerator {

    /** The SciJava plugin index that the annotation processor writes, relative to the classes folder. */
    public static final String INDEX = "META-INF/json/org.scijava.plugin.Plugin";
    /** plugins.config line of Plugins &gt; D3M &gt; About D3M... */
    static final String ABOUT = "Plugins>D3M, \"About D3M...\", " + AboutD3M.class.getName();
    /** plugins.config line of the entry in Help &gt; About Plugins. */
    static final String ABOUT_PLUGINS = "Help>About Plugins, \"D3M for Fiji...\", " + AboutD3M.class.getName();
    static final String COMMAND = "org.scijava.command.Command";

    /**
     * ImageJ 1's own command labels (IJ_Props.txt in ij.jar and the menu bar's coded commands,
     * {@link Ij1Commands#builtIn}), which D3M labels must not repeat.
     */
    static final java.util.Set<String> BUILT_IN = java.util.Set.copyOf(Ij1Commands.builtIn().keySet());

    /**
     * Order of the D3M submenus in plugins.config: the workflow. Top-level items (Demo, Benchmark)
     * follow, then About. ImageJ 1 keeps this order for the items inside a menu; it sorts the
     * submenus of the Plugins menu alphabetically (Menus.addItemSorted), so there the order is
     * Analyze, Cosmology, Emulator, Generate.
     */
    static final List<String> MENU_ORDER = List.of("Generate", "Emulator", "Analyze", "Cosmology", "Developer");
    /** Order of known items inside a menu (the workflow); other items follow, alphabetically. */
    static final List<String> ITEM_ORDER = List.of("Initial Conditions...", "LPT Displacement...", "Simulate FastPM...",
            "Make Dataset...", "Train...", "Emulate...", "Paint Density...", "Power Spectrum...", "Compare Fields...",
            "Three-Point Multipoles...", "Ensemble Compare...", "Linear Power...", "Demo Pipeline...", "D3M Benchmark...");

    /** Maven entry point. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: PluginsConfigGenerator CLASSES_DIR [OUTPUT]");
        }
        Path classes = Paths.get(args[0]);
        Path out = args.length > 1 ? Paths.get(args[1]) : classes.resolve("plugins.config");
        Path index = classes.resolve(INDEX);
        String json = Files.exists(index) ? Files.readString(index, StandardCharsets.UTF_8) : "";
        String config = withStatic(config(json));
        Files.writeString(out, config, StandardCharsets.UTF_8);
        System.out.println("[d3m] wrote " + out + " (" + config.lines().filter(l -> !l.startsWith("#")).count() + " menu entries)");
    }

    /**
     * Appends the static entries: About D3M... (Plugins &gt; D3M and Help &gt; About Plugins) and the
     * File &gt; Open Samples &gt; D3M entries ({@link SampleData}). A static label that is also a
     * command's menu leaf is an error (IJ1 labels are global).
     */
    public static String withStatic(String config) {
        StringBuilder sb = new StringBuilder(config);
        List<String> lines = new ArrayList<>(List.of(ABOUT, ABOUT_PLUGINS));
        lines.addAll(SampleData.configLines());
        for (String line : lines) {
            String label = line.substring(line.indexOf('"'), line.indexOf('"', line.indexOf('"') + 1) + 1);
            if (config.contains(", " + label + ", ")) {
                throw new IllegalArgumentException("menu label " + label + " used by a command and a sample or About entry");
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The plugins.config text for a plugin index (concatenated JSON objects). */
    public static String config(String indexJson) {
        Map<String, String> lines = new TreeMap<>(PluginsConfigGenerator::workflowOrder);
        Map<String, String> leaves = new LinkedHashMap<>();
        for (Object o : new Json(indexJson).all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) o;
            String cls = String.valueOf(entry.get("class"));
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) entry.getOrDefault("values", Map.of());
            Object menuPath = values.get("menuPath");
            if (!COMMAND.equals(values.get("type")) || !cls.startsWith(Commands.PACKAGE_PREFIX)
                    || !(menuPath instanceof String mp) || mp.isBlank()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String p : mp.split(">")) {
                if (!p.isBlank()) {
                    parts.add(p.trim());
                }
            }
            if (parts.size() < 2) {
                throw new IllegalArgumentException(cls + ": menuPath '" + mp + "' needs a menu and a leaf");
            }
            String leaf = parts.remove(parts.size() - 1);
            if (BUILT_IN.contains(leaf)) {
                throw new IllegalArgumentException(cls + ": menu label '" + leaf
                        + "' is already an ImageJ 1 command (IJ1 would refuse the plugin); choose another");
            }
            String other = leaves.put(leaf, cls);
            if (other != null) {
                throw new IllegalArgumentException("menu label '" + leaf + "' used by both " + other + " and " + cls);
            }
            if (!leaf.endsWith("...")) {
                throw new IllegalArgumentException(cls + ": menu label '" + leaf
                        + "' must end with '...': a command opens a dialog (ImageJ's convention)");
            }
            if (leaf.contains("\"")) {
                throw new IllegalArgumentException(cls + ": menu label must not contain a quote");
            }
            String menu = String.join(">", parts);
            lines.put(menu + ">" + leaf, menu + ", \"" + leaf + "\", " + CommandBridge.class.getName() + "(\"" + cls + "\")");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Generated at build time from the SciJava plugin index by " + PluginsConfigGenerator.class.getName() + ".\n");
        sb.append("# Do not edit: change the command's @Plugin(menuPath = ...) instead.\n");
        for (String line : lines.values()) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * Compares two menu paths "Plugins>D3M>Sub>Leaf" by workflow: submenus in {@link #MENU_ORDER}
     * (unknown ones after, alphabetically), then top-level items; inside a menu, items in
     * {@link #ITEM_ORDER}, others after, alphabetically.
     */
    static int workflowOrder(String a, String b) {
        String[] pa = a.split(">");
        String[] pb = b.split(">");
        int c = Integer.compare(menuRank(pa), menuRank(pb));
        if (c == 0) {
            c = String.join(">", java.util.Arrays.copyOf(pa, pa.length - 1))
                    .compareTo(String.join(">", java.util.Arrays.copyOf(pb, pb.length - 1)));
        }
        if (c == 0) {
            c = Integer.compare(rank(ITEM_ORDER, pa[pa.length - 1]), rank(ITEM_ORDER, pb[pb.length - 1]));
        }
        return c != 0 ? c : a.compareTo(b);
    }

    private static int menuRank(String[] path) {
        return path.length <= 3 ? MENU_ORDER.size() + 1 : rank(MENU_ORDER, path[2]);
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    /** A minimal JSON reader for the index: objects, arrays, strings, numbers, literals. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        /** All top-level values, one after another (the index is concatenated objects). */
        List<Object> all() {
            List<Object> out = new ArrayList<>();
            skip();
            while (i < s.length()) {
                out.add(value());
                skip();
            }
            return out;
        }

        private Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    skip();
                    String k = string();
                    skip();
                    expect(':');
                    m.put(k, value());
                    skip();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    skip();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String lit = s.substring(start, i);
            return switch (lit) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(lit);
            };
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("plugin index: expected '" + c + "' at " + i);
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
