package org.d3m.commands;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.d3m.core.io.OutputPlan;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

/**
 * The output checks every command makes before any work ({@link OutputPlan}): the command lists
 * what it writes, with the kind of each file; its inputs are found by themselves, as every
 * {@code @Parameter} input (a String or a File, for example {@code input}, {@code truth},
 * {@code pk_file}, {@code dataset}) whose value names an existing file or folder. Keys in messages
 * are the parameter names.
 * <pre>
 *   OutputGuard.of(this).csv(output).png(plot_output).check();
 * </pre>
 */
final class OutputGuard {

    private final Object command;
    private final OutputPlan plan = new OutputPlan();
    private final Set<Object> outputs = Collections.newSetFromMap(new IdentityHashMap<>());

    private OutputGuard(Object command) {
        this.command = command;
    }

    /** A guard for the outputs of {@code command} (a command object with {@code @Parameter} fields). */
    static OutputGuard of(Object command) {
        return new OutputGuard(command);
    }

    /** A field file (.tif, .tiff or .npy, plus its .json sidecar); null or empty: not written. */
    OutputGuard field(File f) {
        return file(f, OutputPlan.Kind.FIELD);
    }

    /** A CSV table (.csv); null or empty: not written. */
    OutputGuard csv(File f) {
        return file(f, OutputPlan.Kind.CSV);
    }

    /** A PNG plot (.png); null or empty: not written. */
    OutputGuard png(File f) {
        return file(f, OutputPlan.Kind.PNG);
    }

    /** A Markdown file (.md, .markdown); null or empty: not written. */
    OutputGuard markdown(File f) {
        return file(f, OutputPlan.Kind.MARKDOWN);
    }

    /** A file of any name; null or empty: not written. */
    OutputGuard any(File f) {
        return file(f, OutputPlan.Kind.ANY);
    }

    /** A folder output and the files that go into it (relative names); null or empty: not written. */
    OutputGuard folder(File dir, List<String> contents) {
        if (Outputs.given(dir)) {
            outputs.add(dir);
            plan.folder(key(dir), dir.toPath(), contents);
        }
        return this;
    }

    /** Runs the checks; IllegalArgumentException with a one-line message on the first failure. */
    void check() {
        for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                Object v = inputValue(f);
                if (v != null && !outputs.contains(v)) {
                    String text = v.toString().trim();
                    if (!text.isEmpty() && new File(text).exists()) {
                        plan.input(f.getName(), new File(text).toPath());
                    }
                }
            }
        }
        plan.check();
    }

    /**
     * Creates a folder output (and its parents). Commands call this only once their inputs have
     * been read, so that a run that fails on its inputs leaves no empty folder behind.
     */
    static Path createFolder(File dir) {
        Path p = dir.toPath();
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create folder " + p + ": " + e.getMessage());
        }
        return p;
    }

    private OutputGuard file(File f, OutputPlan.Kind kind) {
        if (Outputs.given(f)) {
            outputs.add(f);
            plan.file(key(f), f.toPath(), kind);
        }
        return this;
    }

    /** The name of the command's parameter that holds {@code value}, or the file name for a derived path. */
    private String key(File value) {
        for (Class<?> c = command.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Parameter.class) && read(f) == value) {
                    return f.getName();
                }
            }
        }
        return value.getName();
    }

    /** The value of an input parameter that may name a path (String or File), else null. */
    private Object inputValue(Field f) {
        Parameter p = f.getAnnotation(Parameter.class);
        if (p == null || p.type() == ItemIO.OUTPUT || !Arrays.asList(String.class, File.class).contains(f.getType())) {
            return null;
        }
        return read(f);
    }

    private Object read(Field f) {
        try {
            f.setAccessible(true);
            return f.get(command);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
