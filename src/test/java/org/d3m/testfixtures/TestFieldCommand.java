package org.d3m.testfixtures;

import java.io.File;

import ij.ImagePlus;

import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Provenance;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.CommandProvenance;
import org.d3m.ij.fields.FieldFiles;
import org.d3m.ij.fields.FieldImages;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Test fixture shaped like a real generator command: a deterministic plane-wave field, shown as
 * an image, optionally written to a file (format by extension) with provenance.
 */
@Plugin(type = Command.class, name = "fixture-field", menuPath = "Plugins>D3M Test>Make Test Field...")
public class TestFieldCommand implements Command {

    @Parameter(description = "box side [Mpc/h]")
    double box_size = 64;
    @Parameter(description = "grid points per side")
    int grid = 16;
    @Parameter(description = "make a 3-component displacement instead of a density")
    boolean vector;
    @Parameter(required = false, description = "output file (.tif, .tiff or .npy)")
    File output;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus image;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        Box box = new Box(box_size, grid);
        if (output != null) {
            FieldFiles.checkWritable(output);
        }
        CommandProgress.get().report(0.5, "making the field");
        float[][] c = new float[3][box.cells()];
        for (int i = 0; i < box.cells(); i++) {
            int ix = i / (grid * grid), iy = (i / grid) % grid, iz = i % grid;
            c[0][i] = (float) Math.sin(2 * Math.PI * ix / grid);
            c[1][i] = iy;
            c[2][i] = (100 * ix + 10 * iy + iz) / (vector ? 100f : 1f); // a displacement stays inside the box
        }
        String what = vector ? "test displacement" : "test density";
        Provenance prov = CommandProvenance.of(this, what);
        String title = what + " grid=" + grid;
        if (vector) {
            VectorField v = new VectorField(box, c);
            image = FieldImages.vector(v, title, prov.toInfo());
            if (output != null) {
                FieldFiles.write(output, v, prov);
            }
        } else {
            ScalarField f = new ScalarField(box, c[2]);
            image = FieldImages.scalar(f, title, prov.toInfo());
            if (output != null) {
                FieldFiles.write(output, f, prov);
            }
        }
        summary = title + " rms=" + (float) (vector ? new VectorField(box, c).rms() : new ScalarField(box, c[2]).rms());
    }
}
