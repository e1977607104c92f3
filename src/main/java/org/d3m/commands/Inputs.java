package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import java.io.IOException;
import org.d3m.core.io.FastPmFiles;
import org.d3m.core.io.Npy;
import org.d3m.ij.FieldFiles;
import org.d3m.ij.FieldImages;
import org.d3m.ij.FieldSource;

/**
 * A field input whose kind (scalar density or 3-component displacement) is read from the data:
 * an image with 3 channels, an .npy of shape (3, n, n, n), or a C FastPM snapshot directory is a
 * vector field.
 */
final class Inputs {

    private Inputs() {
    }

    /** A {@link org.d3m.core.field.ScalarField} or {@link org.d3m.core.field.VectorField}. */
    static Object field(String input, double boxSize) {
        ImagePlus imp = FieldSource.openImage(input);
        if (imp != null) {
            return imp.getNChannels() == 3 ? FieldImages.toVector(imp, boxSize) : FieldImages.toScalar(imp, boxSize);
        }
        File f = new File(input.trim());
        if (f.isDirectory()) {
            // a C FastPM snapshot is a displacement, an IC directory a (linear) density
            return FastPmFiles.isSnapshot(f.toPath()) ? FieldSource.vector(input, boxSize) : FieldSource.scalar(input, boxSize);
        }
        if (!f.isFile()) {
            throw new IllegalArgumentException("input '" + input + "' is neither an open image nor an existing file");
        }
        boolean vector;
        if (FieldFiles.format(f) == FieldFiles.Format.NPY) {
            try {
                vector = Npy.read(f.toPath()).shape().length == 4;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage());
            }
        } else {
            vector = FieldFiles.readTiff(f).getNChannels() == 3;
        }
        return vector ? FieldFiles.readVector(f, boxSize) : FieldFiles.readScalar(f, boxSize);
    }
}
