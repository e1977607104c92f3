package org.d3m.ij.bridge;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.gui.Plot;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import ij.plugin.frame.Recorder;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import org.d3m.core.progress.Progress;
import org.d3m.ij.Commands;
import org.d3m.ij.ParamText;
import org.d3m.ij.fields.Display;

/**
 * The generic ImageJ 1 bridge: one PlugIn for every D3M SciJava command. Its argument (from the
 * generated plugins.config) is the command's class name. It
 * <ol>
 *   <li>reads the inputs from the macro options when a macro runs it ({@link MacroOptions}:
 *   {@code &variables}, booleans, choices, [bracketed] strings), else from its dialog
 *   ({@link BridgeDialog}: labels, units, headings, tooltips, Help, remembered values);</li>
 *   <li>runs the command with the context class loader set to the one that loaded this plugin
 *   (ImageJ's plugin class loader; otherwise SciJava finds no plugins), with Esc wired to its
 *   progress ({@link org.d3m.ij.CommandProgress#imagej()}): a cancelled run says so and leaves no output;</li>
 *   <li>shows the outputs: images with unique titles that name the settings ({@link ImageTitles})
 *   at a readable zoom, ResultsTables and Plots; String outputs go to the Log; the status bar
 *   says "Title: done in 3.2 s";</li>
 *   <li>records {@code run("Title...", "key=value ...")} with exact values ({@link ParamText}), and
 *   only for a run that succeeded: a failed or cancelled run leaves no recorder line.</li>
 * </ol>
 * Errors: a dialog when a user runs it interactively; in a macro, one line "error: ..." in the
 * Log and the macro is aborted (a modal dialog would hang a batch job).
 * {@link #call} is the entry for headless IJ1 macros: {@code call("org.d3m.ij.bridge.CommandBridge.call",
 * "simulate", "grid=32 seed=7")}.
 */
public class CommandBridge implements PlugIn {

    private static Context context;
    private static volatile Consumer<String> errorSink;

    /** The shared SciJava context, created once with this plugin's class loader. */
    public static synchronized Context context() {
        if (context == null) {
            context = withPluginLoader(() -> new Context(CommandService.class));
        }
        return context;
    }

    /** Where error lines go instead of the Log (the headless macro runner: stderr); null restores the Log. */
    public static void setErrorSink(Consumer<String> sink) {
        errorSink = sink;
    }

    @Override
    public void run(String className) {
        String options = Macro.getOptions();
        boolean macro = options != null;
        boolean quiet = macro || Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless();
        String title = className;
        boolean succeeded = false;
        try {
            CommandInfo info = Commands.byClass(context(), className.trim());
            title = Commands.displayTitle(info);
            IJ.resetEscape(); // an Esc from before this run does not cancel it
            if (!macro && GraphicsEnvironment.isHeadless()) {
                throw new IllegalArgumentException("no options given, and a headless run cannot show the dialog: use run(\""
                        + Commands.title(info) + "\", \"key=value ...\") (keys: d3m help " + Commands.name(info) + ")");
            }
            Map<String, Object> values = macro ? MacroOptions.parse(info, options, MacroOptions.interpreterVariables())
                    : BridgeDialog.show(info);
            if (values == null) {
                return; // dialog cancelled
            }
            long t0 = System.nanoTime();
            Module module = execute(info, values);
            show(info, module, values, true);
            if (!macro) {
                record(info, values);
            }
            IJ.showStatus(doneMessage(title, System.nanoTime() - t0));
            succeeded = true;
        } catch (Progress.CancelledException c) {
            cancelled(title);
        } catch (Throwable t) {
            fail(title, t, quiet);
        } finally {
            IJ.showProgress(1.0); // hides the bar: a run never leaves it part-filled
            if (!succeeded) {
                forgetRecording();
            }
        }
    }

    /**
     * Headless macro entry: runs the command named {@code name} (its CLI name) with IJ1 option
     * text, shows its image outputs (in batch mode they become the macro's images) and returns
     * its String outputs, one per line ("" if none). On error: "error: ..." to the Log, and the
     * running macro is aborted.
     */
    public static String call(String name, String options) {
        Thread thread = Thread.currentThread();
        String oldName = thread.getName();
        if (!oldName.startsWith("Run$_")) {
            thread.setName("Run$_" + oldName);
        }
        Macro.setOptions(options == null || options.isEmpty() ? null : options);
        try {
            CommandInfo info = Commands.byName(context(), name);
            Map<String, Object> values = MacroOptions.parse(info, options, MacroOptions.interpreterVariables());
            Module module = execute(info, values);
            show(info, module, values, false);
            return strings(info, module);
        } catch (Throwable t) {
            return fail(name, t, true);
        } finally {
            Macro.setOptions(null);
            thread.setName(oldName);
        }
    }

    /** Runs a command with the plugin class loader as context loader (the SciJava pitfall). */
    static Module execute(CommandInfo info, Map<String, Object> values) {
        return withPluginLoader(() -> Commands.run(context(), info, values));
    }

    private static <T> T withPluginLoader(java.util.function.Supplier<T> body) {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(CommandBridge.class.getClassLoader());
        try {
            return body.get();
        } finally {
            t.setContextClassLoader(old);
        }
    }

    /**
     * Shows image, table and plot outputs; logs String outputs when {@code logStrings}. Images are
     * renamed first ({@link ImageTitles#name}: the settings that differ from the defaults, then a
     * unique title) and open at a zoom that makes them readable ({@link Display}).
     */
    static void show(CommandInfo info, Module module, Map<String, Object> values, boolean logStrings) {
        boolean canShow = !GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode();
        List<ImagePlus> images = new ArrayList<>();
        for (ModuleItem<?> item : info.outputs()) {
            if (module.getOutput(item.getName()) instanceof ImagePlus imp) {
                images.add(imp);
            }
        }
        ImageTitles.name(images, info, values);
        for (ModuleItem<?> item : info.outputs()) {
            Object v = module.getOutput(item.getName());
            if (v instanceof ImagePlus imp && canShow) {
                Display.show(imp);
            } else if (v instanceof ResultsTable rt && canShow) {
                rt.show(ImageTitles.table(Commands.displayTitle(info)));
            } else if (v instanceof Plot plot && canShow) {
                String unique = ImageTitles.unique(plot.getTitle()); // a second run's plot gets " (2)"
                plot.show();
                if (!unique.equals(plot.getTitle()) && plot.getImagePlus() != null) {
                    plot.getImagePlus().setTitle(unique);
                }
            } else if (v instanceof String s && logStrings) {
                IJ.log(s);
            }
        }
    }

    /** "Simulate FastPM: done in 3.2 s" (seconds with one decimal). */
    static String doneMessage(String title, long nanos) {
        return String.format(Locale.ROOT, "%s: done in %.1f s", title, nanos / 1e9);
    }

    private static String strings(CommandInfo info, Module module) {
        List<String> out = new ArrayList<>();
        for (ModuleItem<?> item : info.outputs()) {
            if (module.getOutput(item.getName()) instanceof String s) {
                out.add(s);
            }
        }
        return String.join("\n", out);
    }

    /** Reports a failure: a dialog interactively; in macros/batch one Log line, then the macro aborts. */
    public static String fail(String title, Throwable t, boolean quiet) {
        String line = "error: " + title + ": " + Commands.errorLine(t);
        if (Boolean.getBoolean("d3m.debug")) {
            t.printStackTrace();
        }
        if (quiet) {
            Consumer<String> sink = errorSink;
            if (sink != null) {
                sink.accept(line);
            } else {
                IJ.log(line);
            }
            abortMacro(Interpreter.getInstance());
        } else {
            IJ.error(title, Commands.errorLine(t));
        }
        return line;
    }

    /**
     * Reports a run stopped by Esc: "Title: cancelled" in the status bar and the Log; a macro that
     * ran it is aborted (Esc aborts macros in ImageJ too). The command left no output.
     */
    static void cancelled(String title) {
        IJ.showProgress(1.0);
        String line = title + ": cancelled";
        IJ.showStatus(line);
        IJ.log(line);
        abortMacro(Interpreter.getInstance());
    }

    /**
     * Stops {@code interp} (the macro that ran this command, on this thread) at its next
     * statement. ImageJ's {@code Interpreter.abort()} first waits up to 2 s for the macro's thread
     * to finish, which is this thread: so the interpreter is unregistered first (its package-private
     * {@code setInstance}, by reflection), and then aborted without the wait.
     */
    static void abortMacro(Interpreter interp) {
        if (interp == null) {
            return;
        }
        try {
            java.lang.reflect.Method set = Interpreter.class.getDeclaredMethod("setInstance", Interpreter.class);
            set.setAccessible(true);
            set.invoke(null, (Object) null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another ImageJ version: abort with ImageJ's wait
        }
        interp.abortMacro();
    }

    /**
     * Records the inputs as macro options (exact text; the Recorder brackets spaces). Called
     * after the command succeeded; IJ1 writes the line when the plugin returns.
     */
    static void record(CommandInfo info, Map<String, Object> values) {
        if (!Recorder.record) {
            return;
        }
        Map<String, Object> defaults = Commands.defaults(info);
        for (ModuleItem<?> item : Commands.userInputs(info)) {
            Object v = values.get(item.getName());
            if ("".equals(v) && ParamUi.isFieldInput(item)) {
                continue; // (none): left out, like an empty file
            }
            if (v instanceof Boolean b) {
                String text = MacroOptions.booleanText(b, defaults.get(item.getName()));
                if (text != null && text.isEmpty()) {
                    Recorder.recordOption(item.getName());
                } else if (text != null) {
                    Recorder.recordOption(item.getName(), text);
                }
            } else if (v != null) {
                Recorder.recordOption(item.getName(), ParamText.format(v));
            }
        }
    }

    /**
     * Drops the command the Recorder is about to write (IJ1 calls Recorder.setCommand before a
     * menu command and writes it when the command returns), so that a failed or cancelled run
     * leaves no line: without this, a run whose dialog text was unreadable was recorded as a
     * bare {@code run("Title...");}.
     */
    static void forgetRecording() {
        if (Recorder.record) {
            Recorder.setCommand(null);
        }
    }
}
