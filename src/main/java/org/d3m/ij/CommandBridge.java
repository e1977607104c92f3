package org.d3m.ij;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.GraphicsEnvironment;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
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

/**
 * The generic ImageJ 1 bridge: one PlugIn for every D3M SciJava command. Its argument (from the
 * generated plugins.config) is the command's class name. It
 * <ol>
 *   <li>reads the inputs from the macro options when a macro runs it ({@link MacroOptions}:
 *   {@code &variables}, booleans, choices, [bracketed] strings), else from a GenericDialog built
 *   from the command's inputs (label = key, so the Recorder's keys are the parameter names);</li>
 *   <li>records {@code run("Title", "key=value ...")} with exact values ({@link ParamText});</li>
 *   <li>runs the command with the context class loader set to the one that loaded this plugin
 *   (ImageJ's plugin class loader; otherwise SciJava finds no plugins);</li>
 *   <li>shows the outputs: ImagePlus, ResultsTable and Plot; String outputs go to the Log.</li>
 * </ol>
 * Errors: a dialog when a user runs it interactively; in a macro, one line "error: ..." in the
 * Log and the macro is aborted (a modal dialog would hang a batch job).
 * {@link #call} is the entry for headless IJ1 macros: {@code call("org.d3m.ij.CommandBridge.call",
 * "simulate", "grid=32 seed=7")}.
 */
public class CommandBridge implements PlugIn {

    /** Choice item of a field input that means "use the file field below". */
    static final String FILE_CHOICE = "(file below)";
    /** Choice item of a field input with an empty default: no field (the key is left out). */
    static final String NONE_CHOICE = "(none)";
    private static final Pattern UNITS = Pattern.compile("\\[([^\\]]{1,20})\\]\\s*$");
    private static Context context;

    /** The shared SciJava context, created once with this plugin's class loader. */
    public static synchronized Context context() {
        if (context == null) {
            context = withPluginLoader(() -> new Context(CommandService.class));
        }
        return context;
    }

    @Override
    public void run(String className) {
        String options = Macro.getOptions();
        boolean macro = options != null;
        String title = className;
        try {
            CommandInfo info = Commands.byClass(context(), className.trim());
            title = Commands.title(info);
            Map<String, Object> values;
            if (macro) {
                values = MacroOptions.parse(info, options, MacroOptions.interpreterVariables());
            } else {
                values = dialog(info);
                if (values == null) {
                    return; // cancelled
                }
                record(info, values);
            }
            Module module = execute(info, values);
            show(info, module, true);
        } catch (Throwable t) {
            fail(title, t, macro || Interpreter.isBatchMode() || GraphicsEnvironment.isHeadless());
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
            show(info, module, false);
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

    /** Shows image, table and plot outputs; logs String outputs when {@code logStrings}. */
    static void show(CommandInfo info, Module module, boolean logStrings) {
        boolean canShow = !GraphicsEnvironment.isHeadless() || Interpreter.isBatchMode();
        for (ModuleItem<?> item : info.outputs()) {
            Object v = module.getOutput(item.getName());
            if (v instanceof ImagePlus imp && canShow) {
                imp.show();
            } else if (v instanceof ResultsTable rt && canShow) {
                rt.show(item.getLabel() != null && !item.getLabel().isEmpty() ? item.getLabel() : Commands.title(info));
            } else if (v instanceof Plot plot && canShow) {
                plot.show();
            } else if (v instanceof String s && logStrings) {
                IJ.log(s);
            }
        }
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
    static String fail(String title, Throwable t, boolean quiet) {
        String line = "error: " + title + ": " + Commands.errorLine(t);
        if (Boolean.getBoolean("d3m.debug")) {
            t.printStackTrace();
        }
        if (quiet) {
            IJ.log(line);
            if (Interpreter.getInstance() != null) {
                Interpreter.abort();
            }
        } else {
            IJ.error(title, Commands.errorLine(t));
        }
        return line;
    }

    /** Records the inputs as macro options (exact text; the Recorder brackets spaces). */
    static void record(CommandInfo info, Map<String, Object> values) {
        if (!Recorder.record) {
            return;
        }
        for (ModuleItem<?> item : Commands.userInputs(info)) {
            Object v = values.get(item.getName());
            if ("".equals(v) && isFieldInput(item)) {
                continue; // (none): left out, like an empty file
            }
            if (v instanceof Boolean b) {
                if (b) {
                    Recorder.recordOption(item.getName());
                }
            } else if (v != null) {
                Recorder.recordOption(item.getName(), ParamText.format(v));
            }
        }
    }

    /** True for a field input: a String named input, input2, ..., *_input, or with style "field". */
    static boolean isFieldInput(ModuleItem<?> item) {
        return item.getType() == String.class && ParamText.choices(item).isEmpty()
                && ("field".equals(item.getWidgetStyle()) || item.getName().matches("input\\d*|.*_input"));
    }

    /** Shows the dialog; returns the values, or null if cancelled. */
    static Map<String, Object> dialog(CommandInfo info) {
        Map<String, Object> defaults = Commands.defaults(info);
        List<ModuleItem<?>> items = Commands.userInputs(info);
        GenericDialog gd = new GenericDialog(Commands.title(info));
        String[] titles = WindowManager.getImageTitles();
        for (ModuleItem<?> item : items) {
            String key = item.getName();
            Object d = defaults.get(key);
            Class<?> t = ParamText.box(item.getType());
            List<String> choices = ParamText.choices(item);
            if (isFieldInput(item)) {
                // An empty default (input2, prediction2, truth) means "none chosen": offer (none) and
                // preselect it, so an optional second field is not silently the current image.
                boolean none = "".equals(d);
                List<String> opts = new ArrayList<>();
                if (none) {
                    opts.add(NONE_CHOICE);
                }
                opts.addAll(List.of(titles));
                opts.add(FILE_CHOICE);
                String current = none ? NONE_CHOICE
                        : WindowManager.getCurrentImage() == null ? FILE_CHOICE : WindowManager.getCurrentImage().getTitle();
                gd.addChoice(key, opts.toArray(new String[0]), current);
                boolean isFile = d instanceof String s && !s.isEmpty() && !s.equalsIgnoreCase(FieldSource.CURRENT);
                gd.addFileField(key + " file", isFile ? (String) d : "");
            } else if (!choices.isEmpty()) {
                gd.addChoice(key, choices.toArray(new String[0]), d == null ? choices.get(0) : ParamText.format(d));
            } else if (t == Boolean.class) {
                gd.addCheckbox(key, Boolean.TRUE.equals(d));
            } else if (Number.class.isAssignableFrom(t)) {
                gd.addNumericField(key, d == null ? 0 : ((Number) d).doubleValue(), 0, 12, units(item));
                // The text is set exactly (shortest round-trip form): 2.142e-9 stays 2.142e-9.
                @SuppressWarnings("unchecked")
                Vector<TextField> nf = gd.getNumericFields();
                nf.lastElement().setText(d == null ? "" : ParamText.format(d));
            } else if (t == java.io.File.class) {
                gd.addFileField(key, d == null ? "" : ParamText.format(d));
            } else {
                gd.addStringField(key, d == null ? "" : d.toString(), 20);
            }
        }
        if (info.getDescription() != null && !info.getDescription().isEmpty()) {
            gd.addMessage(info.getDescription());
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        return readDialog(info, items, gd);
    }

    /** Reads the dialog's components in the order they were added and converts them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readDialog(CommandInfo info, List<ModuleItem<?>> items, GenericDialog gd) {
        Vector<TextField> numbers = gd.getNumericFields() == null ? new Vector<>() : gd.getNumericFields();
        Vector<TextField> strings = gd.getStringFields() == null ? new Vector<>() : gd.getStringFields();
        Vector<Checkbox> boxes = gd.getCheckboxes() == null ? new Vector<>() : gd.getCheckboxes();
        Vector<Choice> choicesV = gd.getChoices() == null ? new Vector<>() : gd.getChoices();
        int ni = 0, si = 0, bi = 0, ci = 0;
        Map<String, Object> given = new LinkedHashMap<>();
        for (ModuleItem<?> item : items) {
            Class<?> t = ParamText.box(item.getType());
            String text;
            if (isFieldInput(item)) {
                String choice = choicesV.get(ci++).getSelectedItem();
                String file = strings.get(si++).getText();
                text = FILE_CHOICE.equals(choice) ? file : NONE_CHOICE.equals(choice) ? "" : choice;
            } else if (!ParamText.choices(item).isEmpty()) {
                text = choicesV.get(ci++).getSelectedItem();
            } else if (t == Boolean.class) {
                given.put(item.getName(), boxes.get(bi++).getState());
                continue;
            } else if (Number.class.isAssignableFrom(t)) {
                text = numbers.get(ni++).getText();
            } else {
                text = strings.get(si++).getText();
            }
            given.put(item.getName(), ParamText.parse(item, text));
        }
        return Commands.complete(info, given);
    }

    /** Units shown after a number: the trailing "[...]" of the description, e.g. "[Mpc/h]". */
    static String units(ModuleItem<?> item) {
        String d = item.getDescription();
        if (d == null) {
            return "";
        }
        Matcher m = UNITS.matcher(d);
        return m.find() ? m.group(1) : "";
    }
}
