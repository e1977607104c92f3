package org.d3m.ij.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import ij.Macro;
import ij.macro.Interpreter;

import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.d3m.ij.Commands;
import org.d3m.ij.ParamText;

/**
 * ImageJ 1 macro option strings ({@code "box_size=128 seed=7 a_s=2.142e-9 label=[two words] flag"})
 * for a command's inputs, read and written the way IJ1's GenericDialog and Recorder do:
 * <ul>
 *   <li>{@code key=value} or {@code key=[value with spaces]}, like {@link Macro#getValue} but a key is
 *   never looked for inside a [bracketed] value ({@link #values});</li>
 *   <li>{@code key=&name} takes the value of macro variable {@code name};</li>
 *   <li>a boolean is true when its key is present on its own ({@code flag}) or as {@code flag=true},
 *   false as {@code flag=false}, and keeps its default when absent, as every other key does (unlike
 *   IJ1, where an absent checkbox is off: a hand-written macro that leaves out {@code augment} must not
 *   turn a default-on box off);</li>
 *   <li>choices are validated; keys left out keep the command's defaults;</li>
 *   <li>unlike IJ1, an unknown key is an error (typos must not pass silently).</li>
 * </ul>
 */
public final class MacroOptions {

    private MacroOptions() {
    }

    /**
     * Variables of the macro running on this thread: strings as they are, numbers in their exact
     * shortest form (IJ1's own number-to-string would round); null when there is none.
     */
    public static Function<String, String> interpreterVariables() {
        return name -> {
            Interpreter interp = Interpreter.getInstance();
            if (interp == null) {
                return null;
            }
            String s = interp.getStringVariable(name);
            if (s != null) {
                return s;
            }
            double d = interp.getVariable2(name);
            return Double.isNaN(d) ? null : ParamText.format(d);
        };
    }

    /**
     * The full input values (defaults completed) for {@code options}.
     *
     * @param variables resolves {@code &name} references; returns null for an unknown variable
     */
    public static Map<String, Object> parse(CommandInfo info, String options, Function<String, String> variables) {
        String opts = options == null ? "" : options;
        List<ModuleItem<?>> items = Commands.userInputs(info);
        Map<String, ModuleItem<?>> byKey = new LinkedHashMap<>();
        for (ModuleItem<?> item : items) {
            byKey.put(item.getName().toLowerCase(Locale.ROOT), item);
        }
        Map<String, String> raws = values(opts);
        for (String key : raws.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' for " + Commands.name(info) + "; known: "
                        + String.join(", ", byKey.keySet()));
            }
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (ModuleItem<?> item : items) {
            String key = item.getName();
            String lower = key.toLowerCase(Locale.ROOT);
            String raw = raws.get(lower);
            if (ParamText.box(item.getType()) == Boolean.class && raws.containsKey(lower) && (raw == null || raw.isEmpty())) {
                given.put(key, true);
                continue;
            }
            if (raw == null) {
                continue;
            }
            if (raw.startsWith("&")) {
                String var = raw.substring(1).trim();
                String v = variables == null ? null : variables.apply(var);
                if (v == null) {
                    throw new IllegalArgumentException(key + "=&" + var + ": no macro variable '" + var + "'");
                }
                raw = v;
            }
            given.put(key, ParamText.parse(item, raw));
        }
        return Commands.complete(info, given);
    }

    /**
     * The option string the Recorder would write for {@code values}: keys in input order,
     * values by {@link ParamText#format}, bracketed when they contain a space or are empty,
     * booleans as a bare key when true, {@code key=false} when false and on by default, left out when
     * false and off by default; null values left out.
     */
    public static String format(CommandInfo info, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> defaults = Commands.defaults(info);
        for (ModuleItem<?> item : Commands.userInputs(info)) {
            Object v = values.get(item.getName());
            if (v == null) {
                continue;
            }
            if (v instanceof Boolean b) {
                String text = booleanText(b, defaults.get(item.getName()));
                if (text != null) {
                    sb.append(sb.length() > 0 ? " " : "").append(item.getName()).append(text.isEmpty() ? "" : "=" + text);
                }
                continue;
            }
            sb.append(sb.length() > 0 ? " " : "").append(item.getName()).append('=').append(bracket(ParamText.format(v)));
        }
        return sb.toString();
    }

    /**
     * How a boolean is written into an option string (this class's {@link #format} and the Recorder):
     * "" for true (the bare key), "false" for false when the box is on by default (a left-out key would
     * mean true), null (left out) for false when it is off by default.
     */
    static String booleanText(boolean value, Object dflt) {
        return value ? "" : Boolean.TRUE.equals(dflt) ? "false" : null;
    }

    /** {@code [text]} when text has a space or is empty (as IJ1's Recorder does), else text. */
    public static String bracket(String text) {
        return text.isEmpty() || text.contains(" ") ? "[" + text + "]" : text;
    }

    /** The keys in an option string (lower case): words before '=' and bare words. */
    static List<String> keys(String options) {
        return new ArrayList<>(values(options).keySet());
    }

    /**
     * The keys (lower case) of an option string with their raw values, in order: {@code key=value},
     * {@code key=[value with spaces]} (nested brackets kept), or a bare {@code key} (value null).
     * Unlike {@link Macro#getValue}, a key is found only where a key can stand, never inside a
     * [bracketed] value: an image title such as "FastPM displacement seed=42 box_size=64" given as
     * {@code input=[...]} does not set {@code seed} or {@code box_size}. A key given twice is refused, as on the
     * command line (ImageJ's {@link Macro#getValue} would silently take the first).
     */
    static Map<String, String> values(String options) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = options.length();
        while (i < n) {
            while (i < n && options.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && options.charAt(i) != ' ' && options.charAt(i) != '=') {
                i++;
            }
            String key = options.substring(start, i).toLowerCase(Locale.ROOT);
            String value = null;
            if (i < n && options.charAt(i) == '=') {
                i++;
                if (i < n && options.charAt(i) == '[') {
                    int depth = 0;
                    int from = i + 1;
                    for (; i < n; i++) {
                        char c = options.charAt(i);
                        depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                        if (depth == 0) {
                            break;
                        }
                    }
                    value = options.substring(from, Math.min(i, n));
                    i++;
                } else {
                    int from = i;
                    while (i < n && options.charAt(i) != ' ') {
                        i++;
                    }
                    value = options.substring(from, i);
                }
            }
            if (!key.isEmpty() && out.containsKey(key)) {
                throw new IllegalArgumentException("key '" + key + "' given twice");
            }
            if (!key.isEmpty()) {
                out.put(key, value);
            }
        }
        return out;
    }
}
