package org.d3m.ij;

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
 *   field inputs. Macros never read them: the recorder writes every key.</li>
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
        GenericDialog gd = new GenericDialog(Commands.displayTitle(info));
        ImagePlus current = WindowManager.getCurrentImage();
        List<ImagePlus> taken = new ArrayList<>();
        boolean firstInput = true;
        String group = null;
        Font bold = new Font("SansSerif", Font.BOLD, 12);
        for (Row row : rows) {
            ModuleItem<?> item = row.item();
            if (!row.group().equals(group)) {
                gd.setInsets(group == null ? 5 : 12, 0, 0);
                gd.addMessage(row.group(), bold);
                group = row.group();
            }
            String key = item.getName();
            String label = ParamUi.label(item);
            Object d = defaults.get(key);
            Class<?> t = ParamText.box(item.getType());
            List<String> choices = ParamText.choices(item);
            Component field;
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
                field = last(gd.getChoices());
                Tooltips.attach(item.getDescription(), field, gd.getLabel());
                gd.addFileField(label + " file", isFile ? (String) d : "");
                linkChoiceAndFile((Choice) field, last(gd.getStringFields()));
                Tooltips.attach("a .tif, .tiff or .npy file; a path typed here wins over the choice above",
                        last(gd.getStringFields()), gd.getLabel());
                firstInput = false;
                continue;
            } else if (!choices.isEmpty()) {
                gd.addChoice(label, choices.toArray(new String[0]), d == null ? choices.get(0) : ParamText.format(d));
                field = last(gd.getChoices());
            } else if (t == Boolean.class) {
                gd.addCheckbox(label, Boolean.TRUE.equals(d));
                field = last(gd.getCheckboxes());
            } else if (Number.class.isAssignableFrom(t)) {
                gd.addNumericField(label, d == null ? 0 : ((Number) d).doubleValue(), 0, 12, ParamUi.unit(item));
                TextField tf = last(gd.getNumericFields());
                // The text is set exactly (shortest round-trip form): 2.142e-9 stays 2.142e-9.
                tf.setText(d == null ? "" : ParamText.format(d));
                field = tf;
            } else if (t == File.class) {
                gd.addFileField(label, d == null ? "" : ParamText.format(d));
                field = last(gd.getStringFields());
            } else {
                gd.addStringField(label, d == null ? "" : d.toString(), 20);
                field = last(gd.getStringFields());
            }
            Tooltips.attach(item.getDescription(), field, gd.getLabel());
        }
        if (info.getDescription() != null && !info.getDescription().isEmpty()) {
            gd.setInsets(12, 10, 0);
            gd.addMessage(info.getDescription());
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
        Map<String, Object> values = read(info, rows, gd);
        remember(info, values);   // as shown: the shared setup keys stay for the next generator
        return withoutUntouchedSetup(info, defaults, values);
    }

    private static <T> T last(Vector<?> v) {
        @SuppressWarnings("unchecked")
        T t = v == null || v.isEmpty() ? null : (T) v.lastElement();
        return t;
    }

    /** Reads the dialog's components in the order they were added and converts them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(CommandInfo info, List<Row> rows, GenericDialog gd) {
        Vector<TextField> numbers = gd.getNumericFields() == null ? new Vector<>() : gd.getNumericFields();
        Vector<TextField> strings = gd.getStringFields() == null ? new Vector<>() : gd.getStringFields();
        Vector<Checkbox> boxes = gd.getCheckboxes() == null ? new Vector<>() : gd.getCheckboxes();
        Vector<Choice> choicesV = gd.getChoices() == null ? new Vector<>() : gd.getChoices();
        int ni = 0, si = 0, bi = 0, ci = 0;
        Map<String, Object> given = new LinkedHashMap<>();
        for (Row row : rows) {
            ModuleItem<?> item = row.item();
            Class<?> t = ParamText.box(item.getType());
            String text;
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
