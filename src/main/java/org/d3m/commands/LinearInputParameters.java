package org.d3m.commands;

import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.FieldSource;
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

    /** True when {@code linear_input} was given. */
    protected boolean linearInputGiven() {
        return linear_input != null && !linear_input.isBlank();
    }

    /** The validated setup, on the given linear field when {@code linear_input} is set. */
    @Override
    protected SimulationSetup setup() {
        SimulationSetup s = super.setup();
        return linearInputGiven() ? s.withLinearDensity(FieldSource.linearDensity(linear_input, box_size, grid, threads)) : s;
    }

    @Override
    protected String source(SimulationSetup s) {
        return linearInputGiven() ? Outputs.inputName(linear_input) : super.source(s);
    }
}
