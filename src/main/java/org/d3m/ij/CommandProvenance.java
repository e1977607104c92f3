package org.d3m.ij;

import java.io.File;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.d3m.Version;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;

/**
 * Provenance of a command's outputs: the command name, the plugin version, the time, and every
 * user input with its value (read from the command's {@code @Parameter} input fields, keyed by
 * field name, i.e. the CLI/macro key). As JSON (the sidecar) and as "key = value" lines (the
 * image "Info" property).
 */
public final class CommandProvenance {

    private CommandProvenance() {
    }

    /**
     * {command, version, created, parameters{...}} of a running command object. Fields that are
     * services, outputs, or of unsupported types are left out.
     */
    public static Map<String, Object> of(Object command) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Parameter p = f.getAnnotation(Parameter.class);
                if (p == null || p.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType())
                        || !ParamText.supports(f.getType())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    params.putIfAbsent(f.getName(), f.get(command));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    params.putIfAbsent(f.getName(), "?");
                }
            }
        }
        Plugin plugin = command.getClass().getAnnotation(Plugin.class);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", plugin != null && !plugin.name().isEmpty() ? plugin.name() : command.getClass().getSimpleName());
        out.put("version", Version.get());
        out.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("parameters", params);
        return out;
    }

    /** Multi-line "key = value" text for the ImageJ "Info" property (Image > Show Info). */
    public static String info(Map<String, ?> provenance) {
        StringBuilder sb = new StringBuilder("D3M for Fiji\n");
        appendInfo(sb, "", provenance);
        return sb.toString();
    }

    private static void appendInfo(StringBuilder sb, String prefix, Map<String, ?> m) {
        for (Map.Entry<String, ?> e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub) {
                @SuppressWarnings("unchecked")
                Map<String, ?> s = (Map<String, ?>) sub;
                appendInfo(sb, prefix + e.getKey() + ".", s);
            } else {
                sb.append(prefix).append(e.getKey()).append(" = ").append(ParamText.format(e.getValue())).append('\n');
            }
        }
    }

    /** Pretty JSON of a map of strings, numbers, booleans, files, enums, nested maps and double[]. */
    public static String json(Map<String, ?> m) {
        StringBuilder sb = new StringBuilder();
        writeJson(sb, m, "");
        return sb.append('\n').toString();
    }

    private static void writeJson(StringBuilder sb, Object v, String indent) {
        if (v instanceof Map<?, ?> m) {
            sb.append("{");
            String in = indent + "  ";
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "\n" : ",\n").append(in);
                first = false;
                quote(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                writeJson(sb, e.getValue(), in);
            }
            sb.append(first ? "}" : "\n" + indent + "}");
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "");
                writeJson(sb, a[i], indent);
            }
            sb.append(']');
        } else if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Number num) {
            double d = num.doubleValue();
            sb.append(Double.isFinite(d) ? ParamText.format(v) : "null");
        } else if (v instanceof File f) {
            quote(sb, f.getPath());
        } else {
            quote(sb, v instanceof Enum<?> ? ParamText.format(v) : String.valueOf(v));
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
