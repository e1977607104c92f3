package org.d3m.ij.bridge;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Font;
import java.awt.TextField;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;

import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import org.d3m.commands.RunEstimates;
import org.d3m.ij.Commands;
import org.d3m.ij.ParamText;
import org.d3m.ij.fields.FieldSource;

/**
 * The dialog of a command in ImageJ 1, built from its {@code @Parameter} inputs:
 * <ul>
 *   <li>fields grouped under headings ({@link ParamUi#GROUPS}: Input, Cosmology, Box, Solver, ...),
 *   labelled for people ({@link ParamUi#label}) with their unit after number fields;</li>
 *   <li>a tooltip per field: the parameter's description ({@link Tooltips});</li>
 *   <li>a Help button showing the command's section of the user guide ({@link UserGuide});</li>
 *   <li>field inputs as a choice of the open images of the right kind ({@link ImageChoices}),
 *   "(none)" for optional ones, and "(file below)" with a file field;</li>
 *   <li>the values used last time (ImageJ Prefs {@value #PREFS}command.key), except outputs and
 *   field inputs. Macros never read them: the recorder writes every key;</li>
 *   <li>the seven cosmology keys as one choice ({@link CosmologyChoice}), and two short fields a row in a
 *   dialog of more than {@value #PAIR_ABOVE_ROWS} rows, so that every dialog fits a 1366x768 screen;</li>
 *   <li>for a command with a time estimate ({@link RunEstimates}), a line that follows the fields, and a
 *   question before a run estimated above {@link RunEstimates#CONFIRM_ABOVE_S} s.</li>
 * </ul>
 * Values are read from the components (exact text), never with getNextNumber, so that
 * GenericDialog's own rounded recording does not happen; the bridge records instead.
 */
final class BridgeDialog {

    /** Choice item of a field input that means "use the file field below". */
    static final String FILE_CHOICE = "(file below)";
    /** Choice item of an optional field input: no field (the key is left out). */
    static final String NONE_CHOICE = "(none)";
    /** Prefix of the remembered values in ImageJ's Prefs. */
    static final String PREFS = "d3m.";

    private BridgeDialog() {
    }

    /** One field of the dialog and its heading. */
    record Row(ModuleItem<?> item, String group) {
    }

    /**
     * The fields in dialog order: grouped by heading in {@link ParamUi#GROUPS} order, the inputs'
     * order within a group, except that {@code threads} comes last in its group.
     */
    static List<Row> layout(CommandInfo info) {
        List<ModuleItem<?>> items = Commands.userInputs(info);
        List<String> groups = ParamUi.groups(items);
        List<Row> rows = new ArrayList<>();
        for (String g : ParamUi.GROUPS) {
            Row threads = null;
            for (int i = 0; i < items.size(); i++) {
                if (groups.get(i).equals(g)) {
                    if (items.get(i).getName().equals("threads")) {
                        threads = new Row(items.get(i), g);
                    } else {
                        rows.add(new Row(items.get(i), g));
                    }
                }
            }
            if (threads != null) {
                rows.add(threads);
            }
        }
        return rows;
    }

    /** Shows the dialog; returns the values (defaults completed), or null if cancelled. */
    static Map<String, Object> show(CommandInfo info) {
        Map<String, Object> defaults = remembered(info);
        List<Row> rows = layout(info);
        boolean fold = CosmologyChoice.folds(rows);
        GenericDialog gd = new GenericDialog(Commands.displayTitle(info));
        ImagePlus current = WindowManager.getCurrentImage();
        List<ImagePlus> taken = new ArrayList<>();
        boolean firstInput = true;
        String group = null;
        Choice cosmology = null;
        Font bold = new Font("SansSerif", Font.BOLD, 12);
        boolean pairs = rowsShown(rows, fold) > PAIR_ABOVE_ROWS;
        boolean lastShort = false; // the row before is a short field with nothing beside it yet
        for (Row row : rows) {
            ModuleItem<?> item = row.item();
            String key = item.getName();
            if (fold && CosmologyChoice.isKey(key) && cosmology != null) {
                continue; // behind the one choice
            }
            if (!row.group().equals(group)) {
                gd.setInsets(group == null ? 5 : 6, 0, 0);
                gd.addMessage(row.group(), bold);
                group = row.group();
                lastShort = false;
            }
            String label = ParamUi.label(item);
            Object d = defaults.get(key);
            if (fold && CosmologyChoice.isKey(key)) {
                gd.addChoice(CosmologyChoice.LABEL, CosmologyChoice.items(defaults).toArray(new String[0]),
                        CosmologyChoice.selected(defaults));
                cosmology = last(gd.getChoices());
                Tooltips.attach(CosmologyChoice.TOOLTIP, cosmology, gd.getLabel());
                lastShort = false;
                continue;
            }
            if (ParamUi.isFieldInput(item)) {
                String wanted = ImageChoices.wantedKind(item.getDescription());
                List<ImagePlus> fits = ImageChoices.ordered(ImageChoices.open(ParamUi.kind(item)), wanted);
                boolean optional = "".equals(d) && !item.isRequired();
                // linear_input is never preselected: an open density is rarely the linear field wanted
                ImagePlus pick = optional && (!firstInput || item.getName().equals("linear_input")) ? null
                        : ImageChoices.preselect(fits, current, taken, wanted);
                List<String> opts = new ArrayList<>();
                if (optional) {
                    opts.add(NONE_CHOICE);
                }
                fits.forEach(imp -> opts.add(imp.getTitle()));
                opts.add(FILE_CHOICE);
                boolean isFile = d instanceof String s && !s.isEmpty() && !s.equalsIgnoreCase(FieldSource.CURRENT);
                String selected = pick != null ? pick.getTitle() : optional ? NONE_CHOICE : FILE_CHOICE;
                if (pick != null) {
                    taken.add(pick);
                }
                gd.addChoice(label, opts.toArray(new String[0]), isFile ? FILE_CHOICE : selected);
                Component field = last(gd.getChoices());
                Tooltips.attach(item.getDescription(), field, gd.getLabel());
                gd.addFileField(label + " file", isFile ? (String) d : "");
                linkChoiceAndFile((Choice) field, last(gd.getStringFields()));
                Tooltips.attach("a .tif, .tiff or .npy file; a path typed here wins over the choice above",
                        last(gd.getStringFields()), gd.getLabel());
                firstInput = false;
                lastShort = false;
                continue;
            }
            boolean isShort = isShort(item);
            if (pairs && isShort && lastShort) {
                gd.addToSameRow(); // a long dialog: two short fields a row
                lastShort = false;
            } else {
                lastShort = isShort;
            }
            Tooltips.attach(item.getDescription(), addField(gd, item, label, d), gd.getLabel());
        }
        if (info.getDescription() != null && !info.getDescription().isEmpty()) {
            gd.setInsets(12, 10, 0);
            gd.addMessage(info.getDescription());
        }
        String name = Commands.name(info);
        if (RunEstimates.seconds(name, defaults).isPresent()) {
            gd.setInsets(8, 10, 0);
            gd.addMessage(RunEstimates.describe(RunEstimates.seconds(name, defaults).getAsDouble(), defaults) + "      ");
            Component line = gd.getMessage();
            Choice c = cosmology;
            gd.addDialogListener((dialog, e) -> {
                estimate(info, rows, dialog, c, defaults).ifPresent(text -> setText(line, text));
                return true;
            });
        }
        try {
            gd.addHelp(UserGuide.help(info));
        } catch (IllegalStateException e) {
            // no guide in the jar (a development build): no Help button
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        Map<String, Object> cosmo = null;
        if (cosmology != null) {
            cosmo = CosmologyChoice.values(cosmology.getSelectedItem(), defaults);
            if (cosmo == null) {
                cosmo = custom(info, rows, defaults);
                if (cosmo == null) {
                    return null;
                }
            }
        }
        Map<String, Object> values = read(info, rows, gd, cosmo);
        remember(info, values);   // as shown: the shared setup keys stay for the next generator
        if (!confirmed(info, values)) {
            return null;
        }
        return withoutUntouchedSetup(info, defaults, values);
    }

    /** A dialog with more rows than this shows short fields two a row, so that it fits a 768 px screen. */
    static final int PAIR_ABOVE_ROWS = 15;

    /** The rows a dialog shows: one per key, two for a field input (its choice and its file), one for the folded cosmology. */
    static int rowsShown(List<Row> rows, boolean fold) {
        long cosmology = rows.stream().filter(r -> CosmologyChoice.isKey(r.item().getName())).count();
        long inputs = rows.stream().filter(r -> ParamUi.isFieldInput(r.item())).count();
        return rows.size() + (int) inputs - (fold ? (int) cosmology - 1 : 0);
    }

    /** A number or a choice of the command's own (not a field input or a file): it can share a row in a long dialog. */
    static boolean isShort(ModuleItem<?> item) {
        Class<?> t = ParamText.box(item.getType());
        return !ParamUi.isFieldInput(item) && (Number.class.isAssignableFrom(t) || !ParamText.choices(item).isEmpty());
    }

    /** Adds the widget of a number, boolean, choice, file or text key; returns it. */
    private static Component addField(GenericDialog gd, ModuleItem<?> item, String label, Object d) {
        Class<?> t = ParamText.box(item.getType());
        List<String> choices = ParamText.choices(item);
        if (!choices.isEmpty()) {
            gd.addChoice(label, choices.toArray(new String[0]), d == null ? choices.get(0) : ParamText.format(d));
            return last(gd.getChoices());
        } else if (t == Boolean.class) {
            gd.addCheckbox(label, Boolean.TRUE.equals(d));
            return last(gd.getCheckboxes());
        } else if (Number.class.isAssignableFrom(t)) {
            gd.addNumericField(label, d == null ? 0 : ((Number) d).doubleValue(), 0, 12, ParamUi.unit(item));
            TextField tf = last(gd.getNumericFields());
            // The text is set exactly (shortest round-trip form): 2.142e-9 stays 2.142e-9.
            tf.setText(d == null ? "" : ParamText.format(d));
            return tf;
        } else if (t == File.class) {
            gd.addFileField(label, d == null ? "" : ParamText.format(d));
            return last(gd.getStringFields());
        }
        gd.addStringField(label, d == null ? "" : d.toString(), 20);
        return last(gd.getStringFields());
    }

    /**
     * The second dialog behind {@value CosmologyChoice#CUSTOM}: the seven cosmology fields, filled with the values
     * the first dialog showed. Returns their values, or null when cancelled (then nothing runs).
     */
    static Map<String, Object> custom(CommandInfo info, List<Row> rows, Map<String, Object> shown) {
        GenericDialog gd = new GenericDialog(Commands.displayTitle(info) + ": " + CosmologyChoice.CUSTOM_TITLE);
        List<Row> keys = rows.stream().filter(r -> CosmologyChoice.isKey(r.item().getName())).toList();
        for (Row r : keys) {
            ModuleItem<?> item = r.item();
            Tooltips.attach(item.getDescription(), addField(gd, item, ParamUi.label(item), shown.get(item.getName())),
                    gd.getLabel());
        }
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        Map<String, Object> all = read(info, keys, gd, null);
        Map<String, Object> out = new LinkedHashMap<>();
        keys.forEach(r -> out.put(r.item().getName(), all.get(r.item().getName())));
        return out;
    }

    /** The estimate line for the dialog's values now, or empty while a field does not parse. */
    private static java.util.Optional<String> estimate(CommandInfo info, List<Row> rows, GenericDialog gd, Choice cosmology,
                                                       Map<String, Object> shown) {
        try {
            Map<String, Object> cosmo = null;
            if (cosmology != null) { // custom…: the values shown until the second dialog gives others
                cosmo = CosmologyChoice.values(cosmology.getSelectedItem(), shown);
                cosmo = cosmo != null ? cosmo : CosmologyChoice.shown(shown);
            }
            Map<String, Object> v = read(info, rows, gd, cosmo);
            java.util.OptionalDouble s = RunEstimates.seconds(Commands.name(info), v);
            return s.isPresent() ? java.util.Optional.of(RunEstimates.describe(s.getAsDouble(), v)) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // half-typed text: keep the last estimate
        }
    }

    private static void setText(Component message, String text) {
        if (message instanceof java.awt.Label l) {
            l.setText(text);
        } else if (message instanceof ij.gui.MultiLineLabel m) {
            m.setText(text);
        }
    }

    /** Title of the dialog that asks before a long run. */
    static String confirmTitle(CommandInfo info) {
        return Commands.displayTitle(info) + ": long run";
    }

    /**
     * True unless the run's estimate ({@link RunEstimates}) is above {@link RunEstimates#CONFIRM_ABOVE_S} and the
     * user cancels the question "run it?". Macros and the CLI never ask (the command reports the estimate).
     */
    static boolean confirmed(CommandInfo info, Map<String, Object> values) {
        java.util.OptionalDouble s = RunEstimates.seconds(Commands.name(info), values);
        if (s.isEmpty() || s.getAsDouble() <= RunEstimates.CONFIRM_ABOVE_S) {
            return true;
        }
        GenericDialog gd = new GenericDialog(confirmTitle(info));
        gd.addMessage(RunEstimates.describe(s.getAsDouble(), values) + ".\n"
                + "Esc stops a run; fewer seeds, fewer cosmologies or three_point_seeds=0 make it shorter.\n \nRun it?");
        gd.setOKLabel("Run");
        gd.showDialog();
        return !gd.wasCanceled();
    }

    private static <T> T last(Vector<?> v) {
        @SuppressWarnings("unchecked")
        T t = v == null || v.isEmpty() ? null : (T) v.lastElement();
        return t;
    }

    /**
     * Reads the dialog's components in the order they were added and converts them; with {@code cosmology}
     * (the seven keys' values), the cosmology keys come from it and one choice stands for them.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(CommandInfo info, List<Row> rows, GenericDialog gd, Map<String, Object> cosmology) {
        Vector<TextField> numbers = gd.getNumericFields() == null ? new Vector<>() : gd.getNumericFields();
        Vector<TextField> strings = gd.getStringFields() == null ? new Vector<>() : gd.getStringFields();
        Vector<Checkbox> boxes = gd.getCheckboxes() == null ? new Vector<>() : gd.getCheckboxes();
        Vector<Choice> choicesV = gd.getChoices() == null ? new Vector<>() : gd.getChoices();
        int ni = 0, si = 0, bi = 0, ci = 0;
        Map<String, Object> given = new LinkedHashMap<>();
        boolean cosmologyRead = false;
        for (Row row : rows) {
            ModuleItem<?> item = row.item();
            Class<?> t = ParamText.box(item.getType());
            String text;
            if (cosmology != null && CosmologyChoice.isKey(item.getName())) {
                if (!cosmologyRead) {
                    ci++; // the one choice stands for the seven keys
                    cosmologyRead = true;
                }
                given.put(item.getName(), cosmology.get(item.getName()));
                continue;
            }
            if (ParamUi.isFieldInput(item)) {
                String choice = choicesV.get(ci++).getSelectedItem();
                String file = strings.get(si++).getText();
                text = fieldInput(choice, file);
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

    /**
     * Keeps a field input's two widgets saying the same: typing a path selects {@value #FILE_CHOICE},
     * choosing an image (or {@value #NONE_CHOICE}) clears the path.
     */
    private static void linkChoiceAndFile(Choice choice, TextField file) {
        file.addTextListener(e -> {
            if (!file.getText().isBlank() && !FILE_CHOICE.equals(choice.getSelectedItem())) {
                choice.select(FILE_CHOICE);
            }
        });
        choice.addItemListener(e -> {
            if (!FILE_CHOICE.equals(choice.getSelectedItem()) && !file.getText().isEmpty()) {
                file.setText("");
            }
        });
    }

    /**
     * The value of a field input from its choice and its file field: a typed path wins whatever the
     * choice says (a user who types a path means that file); else the chosen image, or "" for
     * {@value #NONE_CHOICE}.
     */
    static String fieldInput(String choice, String typed) {
        if (typed != null && !typed.isBlank()) {
            return typed.trim();
        }
        return FILE_CHOICE.equals(choice) || NONE_CHOICE.equals(choice) ? "" : choice;
    }

    /** True for the keys a dialog remembers: not outputs (a rerun would overwrite them) and not images. */
    static boolean remembers(ModuleItem<?> item) {
        return !ParamUi.isOutput(item) && !ParamUi.isFieldInput(item);
    }

    /**
     * The Prefs key of a command's input: {@code d3m.<command>.<key>}, or {@code d3m.setup.<key>} for a
     * setup key every generator shares (the cosmology, box, grid, seed and kernel: the keys of
     * SetupParameters and CosmologyParameters, except threads), so that Initial Conditions at seed 42
     * leaves LPT, Simulate and Emulate at seed 42 too.
     */
    static String prefsKey(CommandInfo info, ModuleItem<?> item) {
        return PREFS + (sharedSetupKey(item) ? "setup" : Commands.name(info)) + "." + item.getName();
    }

    /** True for a key declared by the generators' shared setup (see {@link #prefsKey}). */
    static boolean sharedSetupKey(ModuleItem<?> item) {
        if (!(item instanceof org.scijava.command.CommandModuleItem<?> c) || item.getName().equals("threads")) {
            return false;
        }
        String owner = c.getField().getDeclaringClass().getName();
        return owner.equals("org.d3m.commands.SetupParameters") || owner.equals("org.d3m.commands.CosmologyParameters");
    }

    /**
     * The dialog's values with the setup keys the user left as the dialog showed them (remembered from
     * another run) put back to the command's defaults, when an optional {@code input} field is chosen:
     * the field then gives the grid, box and cosmology (Emulate), and a remembered seed would make the
     * run fail ("seed=42 is not used when input is given"). omega_m and kernel still act with an input.
     */
    static Map<String, Object> withoutUntouchedSetup(CommandInfo info, Map<String, Object> shown, Map<String, Object> values) {
        boolean inputChosen = Commands.userInputs(info).stream().anyMatch(i -> i.getName().equals("input")
                && !i.isRequired() && values.get("input") instanceof String s && !s.isBlank());
        if (!inputChosen) {
            return values;
        }
        Map<String, Object> defaults = Commands.defaults(info);
        Map<String, Object> out = new LinkedHashMap<>(values);
        for (ModuleItem<?> item : Commands.userInputs(info)) {
            String k = item.getName();
            if (sharedSetupKey(item) && !k.equals("omega_m") && !k.equals("kernel")
                    && java.util.Objects.equals(values.get(k), shown.get(k))) {
                out.put(k, defaults.get(k));
            }
        }
        return out;
    }

    /** The command's defaults, overridden by the values its dialog remembered (unreadable ones are ignored). */
    static Map<String, Object> remembered(CommandInfo info) {
        Map<String, Object> d = Commands.defaults(info);
        for (ModuleItem<?> item : Commands.userInputs(info)) {
            if (d.get(item.getName()) instanceof File f && !f.isAbsolute()) {
                d.put(item.getName(), inUserFolder(f));
            }
            String text = remembers(item) ? Prefs.get(prefsKey(info, item), null) : null;
            if (text != null) {
                try {
                    d.put(item.getName(), ParamText.parse(item, text));
                } catch (IllegalArgumentException e) {
                    // a value saved by another version: keep the default
                }
            }
        }
        return d;
    }

    /**
     * Where a dialog puts a command's relative default output ("out/demo"): under
     * {@code ~/D3M/} ("~/D3M/demo"), a folder the user sees and finds again, not ImageJ's working
     * folder (Fiji.app, or wherever ImageJ was started). The CLI and macros keep relative paths.
     */
    static File inUserFolder(File relative) {
        java.nio.file.Path rel = relative.toPath();
        if (rel.getNameCount() > 1 && rel.getName(0).toString().equals("out")) {
            rel = rel.subpath(1, rel.getNameCount());
        }
        return java.nio.file.Path.of(System.getProperty("user.home"), "D3M").resolve(rel).toFile();
    }

    /** Stores the values of the remembered keys in ImageJ's Prefs (saved when ImageJ quits). */
    static void remember(CommandInfo info, Map<String, Object> values) {
        for (ModuleItem<?> item : Commands.userInputs(info)) {
            Object v = values.get(item.getName());
            if (remembers(item)) {
                Prefs.set(prefsKey(info, item), v == null ? "" : ParamText.format(v));
            }
        }
    }
}
