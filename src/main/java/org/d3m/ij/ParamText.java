package org.d3m.ij;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scijava.module.ModuleItem;

/**
 * Text &lt;-&gt; value for command parameters, shared by the CLI and the IJ1 bridge so that a value
 * written by one is read back identically by the other. Reals are written in the shortest form
 * that parses back to the same double ({@code 2.142e-9}, {@code 0.3089}, {@code 128}).
 */
public final class ParamText {

    private ParamText() {
    }

    /** Parameter types this plumbing converts from text. */
    public static boolean supports(Class<?> t) {
        Class<?> b = box(t);
        return b == Integer.class || b == Long.class || b == Double.class || b == Float.class
                || b == Boolean.class || b == String.class || b == File.class || t.isEnum();
    }

    /** The wrapper class of a primitive type (the type itself otherwise). */
    public static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        if (t == int.class) {
            return Integer.class;
        }
        if (t == long.class) {
            return Long.class;
        }
        if (t == double.class) {
            return Double.class;
        }
        if (t == float.class) {
            return Float.class;
        }
        if (t == boolean.class) {
            return Boolean.class;
        }
        return t;
    }

    /** The allowed values of a choice input (String with {@code choices}, or an enum), else empty. */
    public static List<String> choices(ModuleItem<?> item) {
        List<String> out = new ArrayList<>();
        if (item.getType().isEnum()) {
            for (Object c : item.getType().getEnumConstants()) {
                out.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return out;
        }
        List<?> cs = item.getChoices();
        if (cs != null) {
            for (Object c : cs) {
                out.add(String.valueOf(c));
            }
        }
        return out;
    }

    /**
     * Converts {@code text} to the item's type, validating numbers, booleans, choices and the
     * item's min/max; messages name the key. An empty text gives null for File and String
     * (an optional value left out) and is an error for numbers.
     */
    public static Object parse(ModuleItem<?> item, String text) {
        String key = item.getName();
        Class<?> t = box(item.getType());
        String s = text.trim();
        List<String> choices = choices(item);
        if (!choices.isEmpty()) {
            for (int i = 0; i < choices.size(); i++) {
                if (choices.get(i).equalsIgnoreCase(s)) {
                    return t.isEnum() ? t.getEnumConstants()[i] : item.getChoices().get(i);
                }
            }
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", choices) + ", got '" + s + "'");
        }
        if (t == String.class) {
            return text;
        }
        if (t == File.class) {
            return s.isEmpty() ? null : new File(s);
        }
        if (t == Boolean.class) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on":
                    return Boolean.TRUE;
                case "false", "no", "0", "off":
                    return Boolean.FALSE;
                default:
                    throw new IllegalArgumentException(key + " must be true or false, got '" + s + "'");
            }
        }
        Object v;
        try {
            if (t == Integer.class) {
                v = Integer.valueOf(integral(s, key));
            } else if (t == Long.class) {
                v = Long.valueOf(integral(s, key));
            } else if (t == Double.class) {
                v = Double.valueOf(s);
            } else if (t == Float.class) {
                v = Float.valueOf(s);
            } else {
                throw new IllegalArgumentException(key + ": unsupported type " + t.getSimpleName());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + (t == Integer.class || t == Long.class
                    ? "an integer" : "a number") + ", got '" + s + "'");
        }
        checkRange(item, (Number) v);
        return v;
    }

    /** Accepts "32" and also "32.0" (what a numeric dialog field may hold) for integers. */
    private static String integral(String s, String key) {
        if (s.matches("[+-]?\\d+")) {
            return s;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            return d.toBigIntegerExact().toString();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new NumberFormatException(key);
        }
    }

    private static void checkRange(ModuleItem<?> item, Number v) {
        Object min = item.getMinimumValue();
        Object max = item.getMaximumValue();
        double d = v.doubleValue();
        if (min instanceof Number m && d < m.doubleValue()) {
            throw new IllegalArgumentException(item.getName() + " must be >= " + format(m) + ", got " + format(v));
        }
        if (max instanceof Number m && d > m.doubleValue()) {
            throw new IllegalArgumentException(item.getName() + " must be <= " + format(m) + ", got " + format(v));
        }
    }

    /**
     * Text that {@link #parse} turns back into the same value: integral doubles without a
     * fraction ("128"), other reals in Java's shortest round-trip form with a lower-case "e"
     * ("2.142e-9"), enums by lower-case name, files by path, null as "".
     */
    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            String s = v instanceof Float ? Float.toString((Float) v) : Double.toString(d);
            return s.replace("E", "e");
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (v instanceof File f) {
            return f.getPath();
        }
        return String.valueOf(v);
    }
}
