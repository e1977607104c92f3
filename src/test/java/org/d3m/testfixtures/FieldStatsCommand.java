package org.d3m.testfixtures;

import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.ij.fields.FieldSource;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Test fixture shaped like a real analysis command: a field input resolved by FieldSource. */
@Plugin(type = Command.class, name = "fixture-stats", menuPath = "Plugins>D3M Test>Field Stats...")
public class FieldStatsCommand implements Command {

    @Parameter(description = "open image title, 'current', or a .tif/.tiff/.npy file")
    String input = "current";
    @Parameter(description = "box side for .npy inputs [Mpc/h]; 0: from the image calibration")
    double box_size;
    @Parameter(description = "read the input as a 3-component displacement")
    boolean vector;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        if (vector) {
            VectorField v = FieldSource.vector(input, box_size);
            summary = "vector n=" + v.box().n() + " L=" + v.box().size() + " rms=" + (float) v.rms();
        } else {
            ScalarField f = FieldSource.scalar(input, box_size);
            summary = "scalar n=" + f.box().n() + " L=" + f.box().size() + " mean=" + (float) f.mean();
        }
    }
}
