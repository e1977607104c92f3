package org.d3m.ij.bridge;

import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.plugin.filter.ExtendedPlugInFilter;
import ij.plugin.filter.PlugInFilterRunner;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import org.d3m.ij.ParamText;

/**
 * Process &gt; Math &gt; Add..., Subtract..., Multiply..., Divide..., Min..., Max..., Set... and
 * Gamma... for the headless macro runner. ImageJ's own ImageMath reads its value through a
 * GenericDialog, which a headless JVM cannot create; ImageJ 1 then swallows the error and applies
 * the default value (measured with ij 1.54p: {@code run("Add...", "value=7")} adds 25). This
 * filter reads {@code value=} from the macro options instead (as GenericDialog would: the label
 * "Value:" gives the key "value"; {@code &variable} works) and applies the same ImageProcessor
 * operation as ImageMath, through ImageJ's own PlugInFilterRunner (stacks with the "stack" flag,
 * ROIs, undo and display as for the real command).
 */
final class HeadlessMath implements ExtendedPlugInFilter {

    /** ImageMath's argument of each supported command, and its default value. */
    static final Map<String, Double> DEFAULTS = Map.of("add", 25.0, "sub", 25.0, "mul", 1.25, "div", 1.25,
            "min", 0.0, "max", 255.0, "set", 25.0, "gamma", 0.5);

    private static final int FLAGS = DOES_ALL | SUPPORTS_MASKING | PARALLELIZE_STACKS;
    private final String op;
    private ImagePlus imp;
    private double value;
    private String error;

    private HeadlessMath(String op) {
        this.op = op;
    }

    /** True when ImageJ's command with plugin class {@code pluginClass} (with argument) is one of these. */
    static boolean handles(String pluginClass) {
        return op(pluginClass) != null;
    }

    private static String op(String pluginClass) {
        String prefix = "ij.plugin.filter.ImageMath(\"";
        if (!pluginClass.startsWith(prefix) || !pluginClass.endsWith("\")")) {
            return null;
        }
        String op = pluginClass.substring(prefix.length(), pluginClass.length() - 2);
        return DEFAULTS.containsKey(op) ? op : null;
    }

    /**
     * Runs the command {@code command} (plugin class {@code pluginClass}) on the current image;
     * an unreadable value is an IllegalArgumentException (and the image is left unchanged).
     */
    static void run(String command, String pluginClass) {
        HeadlessMath m = new HeadlessMath(op(pluginClass));
        new PlugInFilterRunner(m, command, "");
        if (m.error != null) {
            throw new IllegalArgumentException(m.error);
        }
    }

    @Override
    public int setup(String arg, ImagePlus imp) {
        this.imp = imp;
        return FLAGS;
    }

    /**
     * Reads {@code value=}. Errors are kept for {@link #run(String, String)} and the filter returns
     * DONE: PlugInFilterRunner swallows exceptions from showDialog and would run the filter anyway.
     */
    @Override
    public int showDialog(ImagePlus imp, String command, PlugInFilterRunner pfr) {
        try {
            String options = Macro.getOptions();
            String text = Macro.getValue(options == null ? "" : options, "value", ParamText.format(DEFAULTS.get(op)));
            value = number(text);
            if (op.equals("gamma") && (value < 0.05 || value > 5.0)) {
                throw new IllegalArgumentException("gamma must be between 0.05 and 5.0, got " + text);
            }
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            return DONE;
        }
        return IJ.setupDialog(imp, FLAGS);
    }

    private static double number(String text) {
        String t = text.trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            String var = t.startsWith("&") ? t.substring(1) : t;
            String v = MacroOptions.interpreterVariables().apply(var);
            if (v != null) {
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e2) {
                    // reported below
                }
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "value \"%s\" is not a number", text));
        }
    }

    @Override
    public void setNPasses(int nPasses) {
    }

    @Override
    public void run(ImageProcessor ip) {
        switch (op) {
            case "add" -> ip.add(value);
            case "sub" -> ip.subtract(value);
            case "mul" -> ip.multiply(value);
            case "div" -> {
                if (value != 0.0 || imp.getBitDepth() == 32) {
                    ip.multiply(1.0 / value);
                }
            }
            case "min", "max" -> {
                if (op.equals("min")) {
                    ip.min(value);
                } else {
                    ip.max(value);
                }
                if (!(ip instanceof ByteProcessor)) {
                    ip.resetMinAndMax();
                }
            }
            case "set" -> ip.set(value);
            case "gamma" -> ip.gamma(value);
            default -> throw new IllegalStateException("unsupported " + op);
        }
    }
}
