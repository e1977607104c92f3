package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.FieldImgs;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * FastPM N-body run from 2LPT initial conditions at a_start to {@code redshift} (10 steps linear in a from
 * a_start to 1/(1+z), as the C FastPM's {@code time_step = linspace(a_start, a_end, steps + 1)}): the
 * displacement (and momentum) at that redshift.
 */
@Plugin(type = Command.class, name = "simulate", menuPath = "Plugins>D3M>Generate>Simulate FastPM...", visible = false)
public class SimulateCommand extends LinearInputParameters {

    @Parameter(description = "kick-drift-kick steps, linear in a")
    int steps = 10;
    @Parameter(description = "scale factor of the 2LPT initial conditions, in (0, 1)")
    double a_start = 0.1;
    @Parameter(description = "redshift z of the output, in [0, 1/a_start - 1); the steps end there")
    double redshift = 0;
    @Parameter(description = "force mesh cells per particle per side (B)")
    int mesh_factor = 2;
    @Parameter(required = false, description = "displacement file at the redshift (.tif or .npy) [Mpc/h]")
    File output;
    @Parameter(required = false, description = "momentum file p = a^3 E dx/da at the redshift (.tif or .npy)")
    File momentum_output;
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
        FastPmSolver.Config cfg = FastPmSolver.Config.defaults().withSteps(steps).withAStart(a_start)
                .withRedshift(redshift).withMeshFactor(mesh_factor).withThreads(threads);
        checkBeforeRun(s, mesh_factor, output, momentum_output);
        FastPmSolver.Result r = new Realization(s).fastPm(cfg, CommandProgress.get());
        String epoch = "z=" + Outputs.number(redshift);
        displacement = Outputs.vector(this, r.displacement(), "FastPM displacement", s, epoch, output);
        if (Outputs.given(momentum_output)) {
            Outputs.vector(this, r.momentum(), "FastPM momentum", s, epoch, momentum_output);
        }
        displacement_img = FieldImgs.of(displacement);
        summary = Outputs.describe("FastPM displacement at " + epoch, r.displacement(), output);
    }
}
