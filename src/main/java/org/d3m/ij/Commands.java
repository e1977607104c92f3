package org.d3m.ij;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;
import org.scijava.service.Service;

/**
 * The SciJava side shared by the CLI ({@code org.d3m.cli.Main}) and the ImageJ 1 bridge
 * ({@link org.d3m.ij.bridge.CommandBridge}): finding D3M commands, listing their user-facing inputs (the
 * {@code @Parameter} fields; their names are the CLI and macro keys), converting text to values
 * and back exactly, and running a command synchronously with every input given.
 */
public final class Commands {

    /** Only commands in this package tree are D3M commands (SciJava ships its own). */
    public static final String PACKAGE_PREFIX = "org.d3m.";

    private Commands() {
    }

    /** All D3M commands that have a plugin name, sorted by name. */
    public static List<CommandInfo> all(Context context) {
        return context.service(CommandService.class).getCommands().stream()
                .filter(c -> c.getClassName().startsWith(PACKAGE_PREFIX))
                .filter(c -> c.getName() != null && !c.getName().isEmpty())
                .sorted(Comparator.comparing(CommandInfo::getName))
                .collect(Collectors.toList());
    }

    /** The D3M command with plugin name {@code name}, or an error listing the known names. */
    public static CommandInfo byName(Context context, String name) {
        List<CommandInfo> all = all(context);
        for (CommandInfo c : all) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown command '" + name + "'; known: " + (all.isEmpty() ? "(none)"
                : all.stream().map(CommandInfo::getName).collect(Collectors.joining(", "))));
    }

    /** The command implemented by class {@code className}. */
    public static CommandInfo byClass(Context context, String className) {
        CommandInfo info = context.service(CommandService.class).getCommand(className);
        if (info == null) {
            throw new IllegalArgumentException("no SciJava command " + className);
        }
        return info;
    }

    /** The CLI/macro name of a command: its plugin name, else its class's simple name. */
    public static String name(CommandInfo info) {
        String n = info.getName();
        return n != null && !n.isEmpty() ? n : info.getClassName().substring(info.getClassName().lastIndexOf('.') + 1);
    }

    /** The menu leaf (the IJ1 command title used by {@code run("...")}), else the name. */
    public static String title(CommandInfo info) {
        if (info.getMenuPath() != null && info.getMenuPath().getLeaf() != null) {
            return info.getMenuPath().getLeaf().getName();
        }
        return name(info);
    }

    /**
     * The title people read (dialog title, status and error lines): the menu leaf without the
     * trailing "..." that marks a menu item opening a dialog ("Simulate FastPM").
     */
    public static String displayTitle(CommandInfo info) {
        String t = title(info);
        return t.endsWith("...") ? t.substring(0, t.length() - 3).trim() : t;
    }

    /**
     * Inputs a user sets: not services or the context (injected), not messages, and of a type
     * this plumbing converts from text.
     */
    public static List<ModuleItem<?>> userInputs(CommandInfo info) {
        List<ModuleItem<?>> out = new ArrayList<>();
        for (ModuleItem<?> item : info.inputs()) {
            Class<?> t = item.getType();
            if (Service.class.isAssignableFrom(t) || Context.class.isAssignableFrom(t)
                    || item.getVisibility() == ItemVisibility.MESSAGE || !ParamText.supports(t)) {
                continue;
            }
            out.add(item);
        }
        return out;
    }

    /** Default values of the user inputs: the command's field initialisers (null when none). */
    public static Map<String, Object> defaults(CommandInfo info) {
        Module module;
        try {
            module = info.createModule();
        } catch (ModuleException e) {
            throw new IllegalStateException("cannot instantiate " + info.getClassName() + ": " + e.getMessage(), e);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        for (ModuleItem<?> item : userInputs(info)) {
            d.put(item.getName(), module.getInput(item.getName()));
        }
        return d;
    }

    /** True when the user must give this input: required and without a default value. */
    public static boolean mandatory(ModuleItem<?> item, Object defaultValue) {
        return item.isRequired() && defaultValue == null;
    }

    /**
     * Completes {@code given} (already converted values, keyed by input name) with the defaults,
     * rejecting unknown keys and missing mandatory ones with one-line messages.
     */
    public static Map<String, Object> complete(CommandInfo info, Map<String, Object> given) {
        Map<String, Object> defaults = defaults(info);
        for (String key : given.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' for " + name(info) + "; known: "
                        + String.join(", ", defaults.keySet()));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ModuleItem<?> item : userInputs(info)) {
            String k = item.getName();
            Object v = given.containsKey(k) ? given.get(k) : defaults.get(k);
            if (v == null && mandatory(item, defaults.get(k))) {
                missing.add(k);
            }
            values.put(k, v);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing required key" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " for " + name(info));
        }
        return values;
    }

    /** Parses {@code key=value} strings (CLI syntax) into converted values, then {@link #complete}. */
    public static Map<String, Object> parseKeyValues(CommandInfo info, List<String> keyValues) {
        Map<String, ModuleItem<?>> items = new LinkedHashMap<>();
        for (ModuleItem<?> item : userInputs(info)) {
            items.put(item.getName(), item);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + kv + "'");
            }
            String key = kv.substring(0, eq).trim();
            ModuleItem<?> item = items.get(key);
            if (item == null) {
                throw new IllegalArgumentException("unknown key '" + key + "' for " + name(info) + "; known: "
                        + String.join(", ", items.keySet()));
            }
            if (given.containsKey(key)) {
                throw new IllegalArgumentException("key '" + key + "' given twice");
            }
            given.put(key, ParamText.parse(item, kv.substring(eq + 1)));
        }
        return complete(info, given);
    }

    /**
     * Runs a command and waits for it, with every input given (so
     * nothing is harvested from a UI or from stored preferences). Exceptions from the command
     * come back unwrapped: an IllegalArgumentException stays one.
     *
     * @return the finished module (read outputs with {@code module.getOutput(name)})
     */
    public static Module run(Context context, CommandInfo info, Map<String, Object> values) {
        ModuleService ms = context.service(ModuleService.class);
        Module module = ms.createModule(info);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            module.setInput(e.getKey(), e.getValue());
            module.resolveInput(e.getKey());
        }
        // The runner logs a failure with its stack trace unless the error event is consumed; the
        // front ends report failures themselves, as one line.
        ErrorConsumer consumer = new ErrorConsumer(module);
        EventService events = context.getService(EventService.class);
        List<EventSubscriber<?>> subs = events == null ? List.of() : events.subscribe(consumer);
        try {
            Module done = ms.run(module, preprocessors(context), postprocessors(context), Map.<String, Object>of()).get();
            if (done instanceof org.scijava.Cancelable c && c.isCanceled()) {
                String why = c.getCancelReason();
                throw new IllegalArgumentException(name(info) + " was cancelled" + (why == null ? "" : ": " + why));
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            if (events != null) {
                events.unsubscribe(subs);
            }
        }
    }

    /**
     * SciJava's module processors that read or write remembered inputs (java.util.prefs). They are
     * left out of every run: all inputs are given, so a run must not depend on what an earlier run
     * left there; the dialogs remember what a user typed in ImageJ's Prefs; and a headless or macro
     * run writes nothing under ~/.java (read-only on many servers, and about 0.1 s of XML per run).
     */
    static final java.util.Set<String> PERSISTENCE = java.util.Set.of(
            "org.scijava.module.process.LoadInputsPreprocessor",
            "org.scijava.module.process.SaveInputsPreprocessor",
            "org.scijava.module.process.SaveInputsPostprocessor");

    static List<PreprocessorPlugin> preprocessors(Context context) {
        return context.service(PluginService.class).createInstancesOfType(PreprocessorPlugin.class).stream()
                .filter(p -> !PERSISTENCE.contains(p.getClass().getName())).collect(Collectors.toList());
    }

    static List<PostprocessorPlugin> postprocessors(Context context) {
        return context.service(PluginService.class).createInstancesOfType(PostprocessorPlugin.class).stream()
                .filter(p -> !PERSISTENCE.contains(p.getClass().getName())).collect(Collectors.toList());
    }

    /** Consumes the error event of one module so that SciJava does not log it. */
    public static final class ErrorConsumer {
        private final Module module;

        ErrorConsumer(Module module) {
            this.module = module;
        }

        /** Marks this module's error event as handled. */
        @EventHandler
        public void onError(ModuleErroredEvent e) {
            if (e.getModule() == module) {
                e.consume();
            }
        }
    }

    /** The innermost meaningful cause of a failed run, as a RuntimeException. */
    static RuntimeException unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof ExecutionException || (c.getClass() == RuntimeException.class && c.getCause() != null)
                || c instanceof java.lang.reflect.InvocationTargetException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(c.getMessage() == null ? c.toString() : c.getMessage(), c);
    }

    /** One line for an error: the message of an IllegalArgumentException, else type and message. */
    public static String errorLine(Throwable t) {
        Throwable c = t instanceof RuntimeException ? unwrap(t) : t;
        String m = c.getMessage();
        if (c instanceof IllegalArgumentException && m != null) {
            return m.replace('\n', ' ');
        }
        if (c instanceof OutOfMemoryError) {
            return "out of memory (raise -Xmx or lower grid): " + m;
        }
        String io = ioLine(c instanceof java.io.UncheckedIOException u ? u.getCause() : c);
        if (io != null) {
            return io;
        }
        String type = c.getClass().getSimpleName();
        return (m == null ? type : type + ": " + m).replace('\n', ' ');
    }

    /**
     * A file system failure in words, or null for another throwable: an AccessDeniedException
     * (whose message is only the path) becomes "cannot access PATH: permission denied", a
     * NoSuchFileException "PATH: no such file or folder".
     */
    static String ioLine(Throwable t) {
        if (t instanceof java.nio.file.AccessDeniedException a) {
            return "cannot access " + a.getFile() + ": permission denied";
        }
        if (t instanceof java.nio.file.NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (t instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getFile() + ": " + f.getReason();
        }
        return null;
    }

    /** A lower-case type word for help texts: int, long, double, boolean, string, file, choice. */
    public static String typeWord(ModuleItem<?> item) {
        List<String> choices = ParamText.choices(item);
        if (!choices.isEmpty()) {
            return "choice";
        }
        Class<?> t = item.getType();
        if (t == File.class) {
            return "file";
        }
        return ParamText.box(t).getSimpleName().toLowerCase(Locale.ROOT).replace("integer", "int");
    }
}
