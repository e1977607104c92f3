package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.field.VectorField;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.fields.FieldImgs;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Lagrangian perturbation theory displacement: ZA (order 1) or 2LPT (order 2) at a redshift. */
@Plugin(type = Command.class, name = "lpt", menuPath = "Plugins>D3M>Generate>LPT Displacement...", visible = false)
public class LptCommand extends LinearInputParameters {

    @Parameter(description = "1 = Zel'dovich (ZA), 2 = 2LPT")
    int order = 2;
    @Parameter(description = "redshift z >= 0 of the output")
    double redshift = 0;
    @Parameter(required = false, description = "displacement file (.tif or .npy) [Mpc/h]")
    File output;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus displacement;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    // ImgLib2 images for scripts and Java callers (see FieldImgs); not keys of the CLI, dialogs or macros
    @Parameter(type = ItemIO.OUTPUT)
    RandomAccessibleInterval<FloatType> displacement_img;

    @Override
    public void run() {
        SimulationSetup s = setup();
        double a = SimulationSetup.scaleFactor(redshift);
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("order must be 1 (ZA) or 2 (2LPT), got " + order);
        }
        checkBeforeRun(s, 0, output);
        VectorField v = new Realization(s).lpt(order, a);
        String what = order == 1 ? "ZA displacement" : "2LPT displacement";
        displacement = Outputs.vector(this, v, what, s, "z=" + Outputs.number(redshift), output);
        displacement_img = FieldImgs.of(displacement);
        summary = Outputs.describe(what, v, output);
    }
}
