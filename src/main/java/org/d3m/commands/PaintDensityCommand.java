package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.MemoryCheck;
import org.d3m.core.sim.Realization;
import org.d3m.ij.CommandProvenance;
import org.d3m.ij.FieldFiles;
import org.d3m.ij.FieldImages;
import org.d3m.ij.FieldSource;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** CIC density contrast (count per cell / mean - 1) of particles at q + Psi. */
@Plugin(type = Command.class, name = "paint-density", menuPath = "Plugins>D3M>Analyze>Paint Density...")
public class PaintDensityCommand implements Command {

    @Parameter(description = "displacement: open image title, 'current', or a .tif/.npy file")
    String input = FieldSource.CURRENT;
    @Parameter(description = "box side for .npy inputs [Mpc/h]; 0: from the image calibration")
    double box_size = 0;
    @Parameter(description = "density mesh cells per particle per side")
    int mesh_factor = 1;
    @Parameter(description = "also show log10(1 + delta)")
    boolean log_view = false;
    @Parameter(description = "worker threads, 0 = all cores")
    int threads = 0;
    @Parameter(required = false, description = "density file (.tif or .npy)")
    File output;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus density;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus log_density;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        if (mesh_factor < 1 || mesh_factor > 8) {
            throw new IllegalArgumentException("mesh_factor must be in 1..8, got " + mesh_factor);
        }
        if (Outputs.given(output)) {
            FieldFiles.checkWritable(output);
        }
        VectorField psi = FieldSource.vector(input, box_size);
        MemoryCheck.require(MemoryCheck.floatArrays(2, psi.box().refined(mesh_factor).cells()), "density mesh");
        ScalarField delta = Realization.density(psi, mesh_factor, threads);
        String title = "CIC density of " + FieldSource.displayName(input);
        density = Outputs.scalar(this, delta, "CIC density", title, output);
        if (log_view) {
            log_density = FieldImages.logDensity(delta, "log10(1+delta) " + title, CommandProvenance.of(this, "log density").toInfo());
        }
        summary = Outputs.describe("CIC density", delta, output);
    }
}
