package org.d3m.commands;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.fields.FieldImgs;
import org.d3m.ij.fields.FieldSource;
import org.scijava.ItemVisibility;
import org.scijava.plugin.Parameter;

/**
 * The generator keys plus {@code linear_input}: a given linear overdensity at z = 0 (a .npy or .tif
 * (n, n, n) field, an open image, or a C FastPM IC directory) used instead of seed and spectrum,
 * so that our ZA, 2LPT and FastPM start from exactly the field another code used.
 */
public abstract class LinearInputParameters extends SetupParameters {

    @Parameter(required = false, description = "linear overdensity at z=0 instead of seed and spectrum: .npy/.tif"
            + " (n,n,n), an open image, or a FastPM IC directory; grid and box_size must match it")
    protected String linear_input = "";
    // an ImgLib2 image for scripts and Java callers (see FieldImgs); not a key of the CLI, dialogs or macros
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "linear overdensity at z=0 (x, y, z) instead of linear_input; grid must match it")
    protected RandomAccessibleInterval<FloatType> linear_input_img;

    /** True when {@code linear_input} (or {@code linear_input_img}) was given. */
    protected boolean linearInputGiven() {
        return linear_input != null && !linear_input.isBlank() || linear_input_img != null;
    }

    /** The validated setup, on the given linear field when {@code linear_input} is set. */
    @Override
    protected SimulationSetup setup() {
        SimulationSetup s = super.setup();
        if (linear_input_img != null) {
            return s.withLinearDensity(FieldImgs.linearDensity(linear_input_img, box_size, grid));
        }
        return linearInputGiven() ? s.withLinearDensity(FieldSource.linearDensity(linear_input, box_size, grid, threads)) : s;
    }

    @Override
    protected String source(SimulationSetup s) {
        return linear_input_img != null ? "linear_input_img" : linearInputGiven() ? Outputs.inputName(linear_input) : super.source(s);
    }
}
