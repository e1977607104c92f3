package org.d3m.commands;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Objects;
import org.d3m.core.field.Box;
import org.d3m.ij.ParamText;
import org.scijava.plugin.Parameter;

/**
 * A generator given a field instead of a seed (emulate with {@code input}) takes the grid, the box
 * and the cosmology from that field: its generator keys would be silently ignored. Each must be
 * left at its default, or, for {@code grid} and {@code box_size}, agree with the field. Every
 * inherited key ({@link LinearInputParameters}, {@link SetupParameters}, {@link CosmologyParameters})
 * is covered, including keys added there later; {@code threads} and {@code kernel} (the kernel the
 * given field was made with, checked against the model's), {@code omega_m} and {@code redshift} (the
 * field's, which a conditioned emulator needs) still act.
 */
final class UnusedKeys {

    private static final java.util.Set<String> STILL_ACT = java.util.Set.of("threads", "kernel", "omega_m", "redshift");

    private UnusedKeys() {
    }

    /** Throws a one-line IllegalArgumentException naming the first generator key that would be ignored. */
    static void requireDefaults(SetupParameters command, String inputKey, Box input) {
        Object defaults;
        try {
            defaults = command.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a default " + command.getClass().getSimpleName(), e);
        }
        // the generator keys: everything the command inherits (linear_input, setup and cosmology keys)
        for (Class<?> c = command.getClass().getSuperclass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isAnnotationPresent(Parameter.class) || STILL_ACT.contains(f.getName())) {
                    continue;
                }
                Object value = read(f, command);
                if (unset(value, read(f, defaults)) || agrees(f.getName(), value, input)) {
                    continue;
                }
                String what = switch (f.getName()) {
                    case "grid" -> " does not match " + inputKey + " (grid " + input.n() + ")";
                    case "box_size" -> " does not match " + inputKey + " (box " + ParamText.format(input.size()) + " Mpc/h)";
                    default -> " is not used when " + inputKey + " is given (the field is not generated)";
                };
                throw new IllegalArgumentException(f.getName() + "=" + ParamText.format(value) + what + "; leave it out");
            }
        }
    }

    /** True when the key keeps its default (an empty file counts as none). */
    private static boolean unset(Object value, Object dflt) {
        return Objects.equals(value, dflt) || (dflt == null && value instanceof File file && !Outputs.given(file));
    }

    /** True when grid or box_size equals the input's. */
    private static boolean agrees(String key, Object value, Box input) {
        return switch (key) {
            case "grid" -> value.equals(input.n());
            case "box_size" -> Math.abs((Double) value - input.size()) <= 1e-9 * input.size();
            default -> false;
        };
    }

    private static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
