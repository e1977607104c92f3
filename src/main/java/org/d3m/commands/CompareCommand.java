package org.d3m.commands;

import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.ThreePointEstimator;
import org.d3m.core.analysis.ComparisonTable;
import org.d3m.core.field.VectorField;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.FieldImgs;
import org.d3m.ij.fields.FieldSource;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Predicted displacement field(s) against a true one: the paper's Table 1, spectra and plots. In ImageJ
 * it opens the table and the density's T(k) and 1 - r^2 plots (the paper's Fig. 3).
 */
@Plugin(type = Command.class, name = "compare", menuPath = "Plugins>D3M>Analyze>Compare Fields...", visible = false)
public class CompareCommand implements Command {

    @Parameter(description = "true displacement: open image title, or a .tif/.npy file")
    String truth = "";
    @Parameter(description = "predicted displacement (same box and grid)")
    String prediction = FieldSource.CURRENT;
    @Parameter(required = false, description = "optional second predicted displacement")
    String prediction2 = "";
    @Parameter(required = false, description = "optional third predicted displacement")
    String prediction3 = "";
    @Parameter(required = false, description = "comma-separated names of the predictions (default: pred1, pred2, ...)")
    String names = "";
    @Parameter(description = "box side for .npy inputs [Mpc/h]; 0: from the image calibration")
    double box_size = 0;
    @Parameter(description = "density mesh cells per particle per side")
    int mesh_factor = 1;
    @Parameter(description = "compute the 3PCF residual")
    boolean three_point = true;
    @Parameter(choices = {"mesh", "particles"}, description = "3PCF estimator: mesh = CIC density 1 + delta on the"
            + " comparison mesh by FFT (about 0.6-0.9 s of CPU per 32^3 field; the closest to the paper's 2LPT of those tried);"
            + " particles = unit-weight particles by pair counts (about 19 s of CPU per field)")
    String three_point_estimator = "mesh";
    @Parameter(min = "0", description = "worker threads, 0 = all cores")
    int threads = 0;
    @Parameter(required = false, description = "folder for table.csv, spectra.csv and the PNG plots")
    File output_dir;
    @Parameter(type = ItemIO.OUTPUT)
    ResultsTable table;
    @Parameter(type = ItemIO.OUTPUT)
    ij.gui.Plot transfer_plot;
    @Parameter(type = ItemIO.OUTPUT)
    ij.gui.Plot stochasticity_plot;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    // ImgLib2 images for scripts and Java callers (see FieldImgs); not keys of the CLI, dialogs or macros
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "true displacement (x, y, z, c) [Mpc/h] instead of truth; needs box_size")
    RandomAccessibleInterval<FloatType> truth_img;
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "predicted displacement instead of prediction")
    RandomAccessibleInterval<FloatType> prediction_img;

    @Override
    public void run() {
        OutputGuard.of(this).folder(output_dir, ComparisonReport.FILES).check();
        String[] inputs = {prediction, prediction2, prediction3};
        String[] given = names == null || names.isBlank() ? new String[0] : names.split(",");
        Comparison c = new Comparison(Comparison.Settings.paper(threads).withThreePoint(three_point)
                .withEstimator(ThreePointEstimator.parse(three_point_estimator)));
        Comparison.Truth t = c.truth(FieldImgs.vector(truth_img, truth, box_size));
        List<Comparison.Result> results = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if ((inputs[i] == null || inputs[i].isBlank()) && !(i == 0 && prediction_img != null)) {
                continue;
            }
            CommandProgress.get().report((i + 0.5) / inputs.length, "comparing prediction " + (i + 1));
            String name = i < given.length && !given[i].isBlank() ? given[i].trim() : "pred" + (i + 1);
            VectorField p = FieldImgs.vector(i == 0 ? prediction_img : null, inputs[i], box_size);
            results.add(c.compare(name, p, t));
        }
        ComparisonTable tab = new ComparisonTable(c.settings().kProbe());
        tab.add(results);
        Path dir = Outputs.given(output_dir) ? OutputGuard.createFolder(output_dir) : null;
        if (dir != null) {
            ComparisonReport.writeCurves(dir, results);
        }
        java.util.Map<String, ij.gui.Plot> plots = ComparisonReport.plots(results, null);   // the paper's Fig. 3
        transfer_plot = plots.get("transfer-density");
        stochasticity_plot = plots.get("stochasticity-density");
        table = ComparisonReport.writeTable(dir, tab);
        summary = tab.format() + (three_point ? "3PCF estimator " + c.settings().estimator().describe() + "\n" : "");
    }
}
