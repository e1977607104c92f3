package org.d3m.ij.help;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.Macro;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.bridge.CommandBridge;
import org.d3m.ij.bridge.ImageTitles;
import org.d3m.ij.fields.Display;
import org.d3m.ij.fields.FieldImages;

/**
 * File &gt; Open Samples &gt; D3M: the paper's small box (L = 128 Mpc/h, 32^3 particles, Planck 2015,
 * seed {@value #SEED}), generated offline in a few seconds by the same core calls the commands use.
 * The images are identical to those of
 * <pre>
 * ./d3m lpt order=1 seed=42                 (ZA displacement at z = 0)
 * ./d3m simulate seed=42                    (FastPM: 10 steps from a = 0.1, mesh factor 2)
 * ./d3m paint-density input=fastpm.tif      (CIC density of the FastPM particles, mesh factor 1)
 * </pre>
 * and to the files in the repository's sample-data/ (tested). The plugin's argument (from
 * plugins.config) names the sample: {@code za}, {@code fastpm} or {@code fastpm-density}.
 */
public class SampleData implements PlugIn {

    /** Seed of every sample. */
    public static final long SEED = 42;
    /** Menu of the samples in ImageJ 1 (plugins.config syntax). */
    public static final String MENU = "File>Open Samples>D3M";

    /** The samples: plugin argument, menu label, what is computed. */
    public enum Sample {
        ZA("za", "ZA Displacement (seed 42)"),
        FASTPM("fastpm", "FastPM Displacement (seed 42)"),
        FASTPM_DENSITY("fastpm-density", "FastPM Density (seed 42)");

        /** The plugin argument in plugins.config. */
        public final String arg;
        /** The menu label, also the macro command: {@code run("ZA Displacement (seed 42)")}. */
        public final String label;

        Sample(String arg, String label) {
            this.arg = arg;
            this.label = label;
        }

        /** The sample with this plugin argument; IllegalArgumentException naming the known ones. */
        public static Sample of(String arg) {
            List<String> known = new ArrayList<>();
            for (Sample s : values()) {
                if (s.arg.equals(arg == null ? "" : arg.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
                known.add(s.arg);
            }
            throw new IllegalArgumentException("unknown sample '" + arg + "'; known: " + String.join(", ", known));
        }
    }

    @Override
    public void run(String arg) {
        String title = "D3M sample";
        try {
            Sample s = Sample.of(arg);
            title = s.label;
            ImagePlus imp = create(s, CommandProgress.imagej());
            imp.setTitle(ImageTitles.unique(imp.getTitle())); // opening a sample twice gives "...-1"
            Display.show(imp);
        } catch (Throwable t) {
            CommandBridge.fail(title, t, Macro.getOptions() != null || Interpreter.isBatchMode()
                    || GraphicsEnvironment.isHeadless());
        }
    }

    /** The paper's setup with the sample seed: L = 128 Mpc/h, 32^3, Planck 2015 from A_s. */
    public static SimulationSetup setup() {
        return SimulationSetup.paper(SEED);
    }

    /** FastPM as {@code ./d3m simulate} runs it by default: 10 KDK steps from a = 0.1 to 1, mesh factor 2. */
    public static FastPmSolver.Config fastPmConfig() {
        return FastPmSolver.Config.defaults();
    }

    /** The ZA (first-order LPT) displacement at z = 0 [Mpc/h]. */
    public static VectorField za() {
        return new Realization(setup()).lpt(1, 1.0);
    }

    /** The FastPM displacement at z = 0 [Mpc/h]. */
    public static VectorField fastPm(Progress progress) {
        return new Realization(setup()).fastPm(fastPmConfig(), progress).displacement();
    }

    /** The sample as an ImageJ image (not shown): a 3-channel hyperstack or a 32-bit density stack. */
    public static ImagePlus create(Sample s, Progress progress) {
        SimulationSetup setup = setup();
        return switch (s) {
            case ZA -> FieldImages.vector(za(), "ZA displacement seed=" + SEED + " z=0",
                    info(setup, "ZA displacement", s));
            case FASTPM -> FieldImages.vector(fastPm(progress), "FastPM displacement seed=" + SEED + " z=0",
                    info(setup, "FastPM displacement", s));
            case FASTPM_DENSITY -> {
                ScalarField delta = Realization.density(fastPm(progress), 1, 0);
                yield FieldImages.scalar(delta, "FastPM density seed=" + SEED + " z=0",
                        info(setup, "CIC density of the FastPM displacement (mesh factor 1)", s));
            }
        };
    }

    private static String info(SimulationSetup setup, String what, Sample s) {
        var p = setup.provenance(what).put("sample", MENU.replace(">", " > ") + " > " + s.label);
        if (s != Sample.ZA) {
            FastPmSolver.Config c = fastPmConfig();
            p.put("steps", c.steps()).put("a_start", c.aStart()).put("mesh_factor", c.meshFactor());
        }
        return p.toInfo();
    }

    /** The plugins.config lines of the samples. */
    public static List<String> configLines() {
        List<String> lines = new ArrayList<>();
        for (Sample s : Sample.values()) {
            lines.add(MENU + ", \"" + s.label + "\", " + SampleData.class.getName() + "(\"" + s.arg + "\")");
        }
        return lines;
    }
}
