package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.MemoryCheck;
import org.d3m.core.sim.Realization;
import org.d3m.ij.fields.CommandProvenance;
import org.d3m.ij.fields.FieldImages;
import org.d3m.ij.fields.FieldImgs;
import org.d3m.ij.fields.FieldSource;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** CIC density contrast (count per cell / mean - 1) of particles at q + Psi. */
@Plugin(type = Command.class, name = "paint-density", menuPath = "Plugins>D3M>Analyze>Paint Density...", visible = false)
public class PaintDensityCommand implements Command {

    @Parameter(description = "displacement: open image title, 'current', or a .tif/.npy file")
    String input = FieldSource.CURRENT;
    @Parameter(description = "box side for .npy inputs [Mpc/h]; 0: from the image calibration")
    double box_size = 0;
    @Parameter(description = "density mesh cells per particle per side")
    int mesh_factor = 1;
    @Parameter(description = "also show log10(1 + delta)")
    boolean log_view = false;
    @Parameter(min = "0", description = "worker threads, 0 = all cores")
    int threads = 0;
    @Parameter(required = false, description = "density file (.tif or .npy)")
    File output;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus density;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus log_density;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    // ImgLib2 images for scripts and Java callers (see FieldImgs); not keys of the CLI, dialogs or macros
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "displacement (x, y, z, c) [Mpc/h] instead of input; needs box_size")
    RandomAccessibleInterval<FloatType> input_img;
    @Parameter(type = ItemIO.OUTPUT)
    RandomAccessibleInterval<FloatType> density_img;

    @Override
    public void run() {
        if (mesh_factor < 1 || mesh_factor > 8) {
            throw new IllegalArgumentException("mesh_factor must be in 1..8, got " + mesh_factor);
        }
        OutputGuard.of(this).field(output).check();
        VectorField psi = FieldImgs.vector(input_img, input, box_size);
        MemoryCheck.require(MemoryCheck.floatArrays(2, psi.box().refined(mesh_factor).cells()), "density mesh");
        ScalarField delta = Realization.density(psi, mesh_factor, threads);
        String title = "CIC density of " + (input_img != null ? "ImgLib2 image" : FieldSource.displayName(input));
        density = Outputs.scalar(this, delta, "CIC density", title, output);
        if (log_view) {
            log_density = FieldImages.logDensity(delta, "log10(1+delta) " + title, CommandProvenance.of(this, "log density").toInfo());
        }
        density_img = FieldImgs.of(density);
        summary = Outputs.describe("CIC density", delta, output);
    }
}
