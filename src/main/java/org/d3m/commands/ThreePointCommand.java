package org.d3m.commands;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import java.io.File;
import java.util.Locale;
import java.util.Map;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.analysis.Multipoles;
import org.d3m.core.analysis.ThreePointEstimator;
import org.d3m.core.field.VectorField;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.CommandProvenance;
import org.d3m.ij.fields.FieldImgs;
import org.d3m.ij.fields.FieldSource;
import org.d3m.ij.results.MultipoleTables;
import org.d3m.ij.results.Plots;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * 3-point correlation multipoles zeta_l(r1, r2) of a displacement field's particles, by the estimator of
 * compare and reproduce-table ({@link ThreePointEstimator}): table, plot, CSV with a provenance sidecar.
 */
@Plugin(type = Command.class, name = "three-point", menuPath = "Plugins>D3M>Analyze>Three-Point Multipoles...", visible = false)
public class ThreePointCommand implements Command {

    @Parameter(description = "displacement: open image title, 'current', or a .tif/.npy file")
    String input = FieldSource.CURRENT;
    @Parameter(description = "box side for .npy inputs [Mpc/h]; 0: from the image calibration")
    double box_size = 0;
    @Parameter(description = "outer edge of the radial bins [Mpc/h]")
    double r_max = 50;
    @Parameter(description = "number of radial bins")
    int bins = 10;
    @Parameter(description = "highest multipole")
    int lmax = 8;
    @Parameter(choices = {"mesh", "particles"}, description = "estimator: mesh = CIC density 1 + delta on the"
            + " particle grid, triplets of mesh nodes weighted by 1 + delta, by FFT (about 0.6-0.9 s of CPU at 32^3);"
            + " particles = unit-weight particles by pair counts (about 19 s of CPU at 32^3)")
    String three_point_estimator = "mesh";
    @Parameter(min = "0", description = "worker threads, 0 = all cores")
    int threads = 0;
    @Parameter(required = false, description = "CSV with columns l, b1, b2, r1 [Mpc/h], r2 [Mpc/h], zeta [triplets]"
            + " (weighted triplets); its settings go into <output>.json")
    File output;
    @Parameter(type = ItemIO.OUTPUT)
    ResultsTable table;
    @Parameter(type = ItemIO.OUTPUT)
    Plot plot;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    // ImgLib2 images for scripts and Java callers (see FieldImgs); not keys of the CLI, dialogs or macros
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "displacement (x, y, z, c) [Mpc/h] instead of input; needs box_size")
    RandomAccessibleInterval<FloatType> input_img;

    @Override
    public void run() {
        OutputGuard.of(this).csv(output).check();
        ThreePointEstimator estimator = ThreePointEstimator.parse(three_point_estimator);
        VectorField psi = FieldImgs.vector(input_img, input, box_size);
        long t0 = System.nanoTime();
        Multipoles m = estimator.measure(psi, r_max, bins, lmax, threads, CommandProgress.get());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Map<String, double[]> cols = MultipoleTables.columns(m);
        Outputs.csv(output, cols.keySet().toArray(new String[0]), cols.values().toArray(new double[0][]),
                CommandProvenance.of(this, "3PCF multipoles (" + estimator.describe() + ")"));
        table = Plots.table(cols);
        plot = MultipoleTables.plot(m, "3PCF multipoles of " + FieldSource.displayName(input));
        summary = String.format(Locale.ROOT, "3PCF multipoles l <= %d in %d bins to %.1f Mpc/h of %d particles in %.1f s;"
                + " zeta_0(b0, b0) = %.6g triplets; estimator %s", lmax, bins, r_max, psi.box().cells(), seconds,
                m.get(0, 0, 0), estimator.describe());
    }
}
