package org.d3m.ij.fields;

import java.lang.reflect.Field;

import net.imglib2.RandomAccessibleInterval;

import org.d3m.core.io.Provenance;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.Service;
import org.d3m.ij.ParamText;

/**
 * Provenance of a command's outputs as a core {@link Provenance}: {@code what}, version, time,
 * then {@code command} (the plugin name) and every user input with its value, read from the
 * command's {@code @Parameter} input fields and keyed by field name (the CLI/macro key), values
 * written exactly as the CLI would read them back. An ImgLib2 input is recorded by its extent
 * ("ImgLib2 image 32x32x32x3") when given.
 */
public final class CommandProvenance {

    private CommandProvenance() {
    }

    /**
     * The provenance of a running command object; {@code what} says what the product is (for
     * example "FastPM displacement"). Services, outputs and unsupported types are left out.
     */
    public static Provenance of(Object command, String what) {
        Provenance p = Provenance.of(what);
        Plugin plugin = command.getClass().getAnnotation(Plugin.class);
        p.put("command", plugin != null && !plugin.name().isEmpty() ? plugin.name() : command.getClass().getSimpleName());
        for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Parameter a = f.getAnnotation(Parameter.class);
                if (a != null && a.type() != ItemIO.OUTPUT && RandomAccessibleInterval.class.isAssignableFrom(f.getType())) {
                    imgInput(p, f, command);
                    continue;
                }
                if (a == null || a.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType())
                        || !ParamText.supports(f.getType()) || p.get(f.getName()) != null) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    p.put(f.getName(), ParamText.format(f.get(command)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    p.put(f.getName(), "?");
                }
            }
        }
        return p;
    }

    /** An ImgLib2 input ({@link FieldImgs}) has no text form: its extent, when given. */
    private static void imgInput(Provenance p, Field f, Object command) {
        try {
            f.setAccessible(true);
            if (f.get(command) instanceof RandomAccessibleInterval<?> img) {
                p.put(f.getName(), "ImgLib2 image " + FieldImgs.shape(img));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            p.put(f.getName(), "?");
        }
    }
}
