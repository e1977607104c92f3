package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.fields.FieldImgs;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** The linear density at z = 0 (seeded Gaussian, or read from linear_input) and its Zel'dovich displacement. */
@Plugin(type = Command.class, name = "initial-conditions", menuPath = "Plugins>D3M>Generate>Initial Conditions...", visible = false)
public class InitialConditionsCommand extends LinearInputParameters {

    @Parameter(required = false, description = "linear density file at z = 0 (.tif or .npy)")
    File output;
    @Parameter(required = false, description = "ZA displacement file at z = 0 (.tif or .npy)")
    File displacement_output;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus density;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus displacement;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    // ImgLib2 images for scripts and Java callers (see FieldImgs); not keys of the CLI, dialogs or macros
    @Parameter(type = ItemIO.OUTPUT)
    RandomAccessibleInterval<FloatType> density_img;
    @Parameter(type = ItemIO.OUTPUT)
    RandomAccessibleInterval<FloatType> displacement_img;

    @Override
    public void run() {
        SimulationSetup s = setup();
        checkBeforeRun(s, 0, output, displacement_output);
        Realization r = new Realization(s);
        ScalarField delta = r.linearDensity();
        VectorField za = r.psi1();
        density = Outputs.scalar(this, delta, "linear density", Outputs.title("linear density", this, s, "z=0"), output);
        displacement = Outputs.vector(this, za, "ZA displacement", s, "z=0", displacement_output);
        density_img = FieldImgs.of(density);
        displacement_img = FieldImgs.of(displacement);
        String spectrum = linearInputGiven() ? "linear field from " + source(s)
                : String.format(java.util.Locale.ROOT, "sigma8 %.4f (%s)", r.power().sigma8(), r.power().describe());
        summary = String.format(java.util.Locale.ROOT, "%s; %s; %s", spectrum,
                Outputs.describe("linear density", delta, output), Outputs.describe("ZA displacement", za, displacement_output));
    }
}
