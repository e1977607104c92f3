package org.d3m.ij.bridge;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.module.ModuleItem;
import org.d3m.ij.ParamText;

/**
 * How the bridge's dialogs present a command's keys: a label a cosmologist reads at once, its
 * unit, the heading it sits under, and its role (field input, output file). The macro key stays
 * the {@code @Parameter} field name; only the dialog shows these texts.
 *
 * <p>Known keys are in the table below. A key that is not (a new parameter) still gets a readable
 * label ("mesh_factor" → "Mesh factor"; labels have no '_', which GenericDialog shows as a space), the unit from the trailing "[...]" of its description,
 * and the heading of the key before it; a String named {@code input}, {@code input2},
 * {@code *_input}, {@code truth} or {@code prediction*} is a field input (or any String with
 * {@code style = "field"}).
 */
public final class ParamUi {

    /** Headings, in dialog order. */
    public static final List<String> GROUPS = List.of("Input", "Cosmology", "Box", "Solver", "Analysis", "Network",
            "Settings", "Output");

    /** What kind of open image a field input accepts. */
    public enum Kind {
        /** A 3-channel n^3 hyperstack (a displacement field). */
        DISPLACEMENT,
        /** A single-channel n^3 stack (a density or another scalar field). */
        DENSITY,
        /** Either. */
        ANY
    }

    private record Entry(String label, String unit, String group) {
    }

    private static final Pattern UNITS = Pattern.compile("\\[([^\\]]{1,20})\\]\\s*$");
    private static final Pattern FIELD_INPUT = Pattern.compile("input\\d*|.+_input|truth|prediction\\d*");
    private static final Pattern OUTPUT = Pattern.compile("output|.+_output|output_dir|save_dir");

    private static final Map<String, Entry> TABLE = Map.ofEntries(
            e("a_s", "As (primordial amplitude)", "", "Cosmology"),
            e("n_s", "ns (spectral index)", "", "Cosmology"),
            e("h", "h (H0 / 100 km/s/Mpc)", "", "Cosmology"),
            e("omega_m", "\u03a9m (matter)", "", "Cosmology"),
            e("omega_b", "\u03a9b (baryons)", "", "Cosmology"),
            e("pk_file", "P(k) table (optional)", "", "Cosmology"),
            e("sigma8", "\u03c38 (0 = keep)", "", "Cosmology"),
            e("box_size", "Box size", "Mpc/h", "Box"),
            e("grid", "Grid (particles per side)", "", "Box"),
            e("seed", "Seed", "", "Box"),
            e("seeds", "Number of seeds", "", "Box"),
            e("samples", "Samples (seeds)", "", "Box"),
            e("steps", "Time steps", "", "Solver"),
            e("a_start", "Start scale factor a", "", "Solver"),
            e("mesh_factor", "Mesh factor (cells per particle)", "", "Solver"),
            e("order", "LPT order (1 = ZA, 2 = 2LPT)", "", "Solver"),
            e("redshift", "Redshift z", "", "Solver"),
            e("omega_m_range", "\u03a9m range per sample (lo,hi)", "", "Cosmology"),
            e("a_s_range", "As range per sample (lo,hi)", "", "Cosmology"),
            e("redshift_range", "Redshift range per sample (lo,hi)", "", "Solver"),
            e("kernel", "Discretisation (kernel)", "", "Solver"),
            e("linear_input", "Linear field (optional)", "", "Box"),
            e("dk", "Bin width \u0394k", "h/Mpc", "Analysis"),
            e("k_min", "k min", "h/Mpc", "Analysis"),
            e("k_max", "k max", "h/Mpc", "Analysis"),
            e("points", "Points in k", "", "Analysis"),
            e("r_max", "r max (outer bin edge)", "Mpc/h", "Analysis"),
            e("bins", "Radial bins", "", "Analysis"),
            e("lmax", "Highest multipole \u2113max", "", "Analysis"),
            e("three_point", "3-point residual (slow)", "", "Analysis"),
            e("three_point_seeds", "3-point residual on first (seeds)", "", "Analysis"),
            e("cosmologies", "Cosmologies (all or a list)", "", "Cosmology"),
            e("pk_dir", "P(k) tables folder (optional)", "", "Cosmology"),
            e("include_za", "Also compare ZA", "", "Analysis"),
            e("log_view", "Also show log10(1 + \u03b4)", "", "Analysis"),
            e("names", "Names of the predictions", "", "Input"),
            e("quick", "Quick run (small sizes)", "", "Analysis"),
            e("parts", "Parts (pm, 3pcf, emulator)", "", "Analysis"),
            e("model", "Model (.d3mw)", "", "Input"),
            e("dataset", "Dataset folder", "", "Input"),
            e("input_dir", "Read fields from (optional)", "", "Input"),
            e("width", "U-Net width", "", "Network"),
            e("batch", "Batch size", "", "Network"),
            e("epochs", "Epochs", "", "Network"),
            e("learning_rate", "Learning rate", "", "Network"),
            e("lr_schedule", "Learning-rate schedule", "", "Network"),
            e("min_learning_rate", "Final learning rate (cosine)", "", "Network"),
            e("weight_decay", "Weight decay", "", "Network"),
            e("residual", "Predict \u03a8 \u2212 ZA (residual)", "", "Network"),
            e("conditioning", "Cosmology conditioning", "", "Network"),
            e("init_weights", "Start from weights (optional)", "", "Network"),
            e("extrapolate", "Emulate outside the trained range (shipped model: \u03a9m 0.09-0.55, z 0-1.2)", "", "Network"),
            e("three_point_estimator", "3PCF estimator", "", "Analysis"),
            e("allow_non_za", "Accept an input that is not a ZA field (FastPM, 2LPT, D3M)", "", "Network"),
            e("test_points", "Test points (\u03a9m/As factor/z;...)", "", "Analysis"),
            e("augment", "Augment by the 48 cube symmetries", "", "Network"),
            e("symmetries", "Average over cube symmetries (1 = off)", "", "Network"),
            e("checkpoint_minutes", "Checkpoint every", "min", "Network"),
            e("device", "Device", "", "Network"),
            e("threads", "Threads (0 = all cores)", "", null),
            e("input", "Field", "", "Input"),
            e("input2", "Second field (optional)", "", "Input"),
            e("truth", "Truth", "", "Input"),
            e("prediction", "Prediction", "", "Input"),
            e("prediction2", "Prediction 2 (optional)", "", "Input"),
            e("prediction3", "Prediction 3 (optional)", "", "Input"),
            e("output", "Output file", "", "Output"),
            e("momentum_output", "Momentum file", "", "Output"),
            e("displacement_output", "ZA displacement file", "", "Output"),
            e("density_output", "Density file", "", "Output"),
            e("plot_output", "Plot (PNG)", "", "Output"),
            e("output_dir", "Output folder", "", "Output"),
            e("save_dir", "Save fields to (optional)", "", "Output"));

    private ParamUi() {
    }

    private static Map.Entry<String, Entry> e(String key, String label, String unit, String group) {
        return Map.entry(key, new Entry(label, unit, group));
    }

    /** True for a field input: a String without choices named like one, or with style "field". */
    public static boolean isFieldInput(ModuleItem<?> item) {
        return item.getType() == String.class && ParamText.choices(item).isEmpty()
                && ("field".equals(item.getWidgetStyle()) || FIELD_INPUT.matcher(item.getName()).matches());
    }

    /** True for a file or folder the command writes: output, *_output, output_dir, save_dir. */
    public static boolean isOutput(ModuleItem<?> item) {
        return item.getType() == File.class && OUTPUT.matcher(item.getName()).matches();
    }

    /**
     * The images a field input accepts: from its style ("displacement", "density") or else from its
     * description (a "displacement" is a 3-channel field, a "density" a scalar one); any field otherwise.
     */
    public static Kind kind(ModuleItem<?> item) {
        String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle().toLowerCase(Locale.ROOT);
        String text = style.equals("displacement") || style.equals("density") ? style
                : item.getDescription() == null ? "" : item.getDescription().toLowerCase(Locale.ROOT);
        boolean disp = text.contains("displacement");
        boolean dens = text.contains("density");
        return disp && !dens ? Kind.DISPLACEMENT : dens && !disp ? Kind.DENSITY : Kind.ANY;
    }

    /**
     * The dialog label: the item's own {@code @Parameter(label)} when it differs from the key, the
     * table's, else the key with spaces ("mesh_factor" → "Mesh factor"). A field input names its kind.
     */
    public static String label(ModuleItem<?> item) {
        String key = item.getName();
        if (hasOwnLabel(item)) {
            return item.getLabel();
        }
        Entry e = TABLE.get(key);
        if (key.equals("input") && isFieldInput(item)) {
            return switch (kind(item)) {
                case DISPLACEMENT -> "Displacement";
                case DENSITY -> "Density";
                default -> "Field";
            };
        }
        if (e != null) {
            return e.label();
        }
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * True when the dialog's label is chosen, not made from the key: the item's own
     * {@code @Parameter(label)} or an entry (label, unit, heading) in this class's table.
     */
    public static boolean hasChosenLabel(ModuleItem<?> item) {
        return hasOwnLabel(item) || TABLE.containsKey(item.getName());
    }

    private static boolean hasOwnLabel(ModuleItem<?> item) {
        String own = item.getLabel();
        return own != null && !own.isBlank() && !own.equals(item.getName());
    }

    /** The unit shown after a number: the table's, else the trailing "[...]" of the description, e.g. "Mpc/h". */
    public static String unit(ModuleItem<?> item) {
        Entry e = TABLE.get(item.getName());
        if (e != null && !e.unit().isEmpty()) {
            return e.unit();
        }
        String d = item.getDescription();
        if (d == null) {
            return "";
        }
        Matcher m = UNITS.matcher(d);
        return m.find() ? m.group(1) : "";
    }

    /**
     * The heading of each item, in the items' order. Field inputs are "Input" (but a generator's
     * {@code linear_input}, the alternative to its seed, sits under "Box"), output files
     * "Output"; {@code box_size} is "Input" in a command that reads fields and makes none (its
     * "box size of .npy inputs"); {@code threads} joins the command's last Solver, Analysis or
     * Network item (Solver when there is none); Solver keys of a command that makes no fields
     * (mesh_factor of Compare Fields) are "Analysis"; a key not in the table joins the item before it.
     */
    public static List<String> groups(List<ModuleItem<?>> items) {
        boolean reads = items.stream().anyMatch(ParamUi::isFieldInput);
        boolean makes = items.stream().anyMatch(i -> i.getName().equals("grid"));
        String work = null;
        for (ModuleItem<?> item : items) {
            Entry e = TABLE.get(item.getName());
            if (e != null && e.group() != null && List.of("Solver", "Analysis", "Network").contains(e.group())) {
                work = e.group().equals("Solver") && !makes ? "Analysis" : e.group();
            }
        }
        List<String> out = new ArrayList<>();
        String previous = "Settings";
        for (ModuleItem<?> item : items) {
            String key = item.getName();
            Entry e = TABLE.get(key);
            String g;
            if (key.equals("linear_input")) {
                g = "Box"; // the alternative to seed (and to the spectrum keys)
            } else if (isFieldInput(item)) {
                g = "Input";
            } else if (isOutput(item)) {
                g = "Output";
            } else if (key.equals("box_size") && reads && !makes) {
                g = "Input";
            } else if (key.equals("threads")) {
                g = work != null ? work : makes ? "Solver" : "Analysis";
            } else if (e != null && e.group() != null) {
                g = e.group().equals("Solver") && !makes ? "Analysis" : e.group();
            } else {
                g = previous.equals("Output") || previous.equals("Input") ? "Settings" : previous;
            }
            out.add(g);
            previous = g;
        }
        return out;
    }
}
