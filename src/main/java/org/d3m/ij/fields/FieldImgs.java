package org.d3m.ij.fields;

import ij.ImagePlus;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.d3m.api.FieldViews;
import org.d3m.core.field.FieldChecks;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.scijava.module.ModuleItem;

/**
 * The ImgLib2 side of the commands. Beside its text field inputs (an open image's title or a file)
 * a command may take {@code *_img} inputs of type {@code RandomAccessibleInterval<FloatType>}
 * (any real type is read), and beside its ImagePlus outputs it gives {@code *_img} outputs: the
 * same images as ImgLib2 views of the shown stacks ({@link StackImgs#wrap(ImagePlus)}, no copy).
 *
 * <p>These items are for scripts and Java callers ({@code CommandService.run(...)}): the CLI, the
 * ImageJ 1 dialogs and macros do not list them (they have no text form), {@link ImgInputsPreprocessor}
 * keeps SciJava's dialogs from asking for them, and {@link ImgOutputsPostprocessor} keeps Fiji
 * from opening a second window for each output. An ImgLib2 image has no calibration, so a command
 * given one needs {@code box_size} [Mpc/h] (the analysis commands' 0 = "from the image" is refused).
 */
public final class FieldImgs {

    private FieldImgs() {
    }

    /** True for an item that takes or gives an ImgLib2 image. */
    public static boolean isImg(ModuleItem<?> item) {
        return RandomAccessibleInterval.class.isAssignableFrom(item.getType());
    }

    /**
     * The displacement of {@code img} when given (axes x, y, z, c), else of the text input
     * {@code input}. Both pass the shared readers' checks ({@link FieldChecks}: finite, |Psi| &lt;= L).
     */
    public static VectorField vector(RandomAccessibleInterval<?> img, String input, double boxSize) {
        return img != null ? displacement(img, boxSize) : FieldSource.vector(input, boxSize);
    }

    /** The scalar field of {@code img} when given (axes x, y, z), else of the text input {@code input}; finite. */
    public static ScalarField scalar(RandomAccessibleInterval<?> img, String input, double boxSize) {
        return img != null ? scalar(img, boxSize) : FieldSource.scalar(input, boxSize);
    }

    /** A {@link ScalarField} or, for an image with 4 axes, a {@link VectorField} (checked as above). */
    public static Object field(RandomAccessibleInterval<?> img, double boxSize) {
        return img.numDimensions() == 4 ? displacement(img, boxSize) : scalar(img, boxSize);
    }

    private static VectorField displacement(RandomAccessibleInterval<?> img, double boxSize) {
        return FieldChecks.requireDisplacement(FieldViews.vector(img, boxSize(boxSize)), "the ImgLib2 image");
    }

    private static ScalarField scalar(RandomAccessibleInterval<?> img, double boxSize) {
        return FieldChecks.requireFinite(FieldViews.scalar(img, boxSize(boxSize)), "the ImgLib2 image");
    }

    /**
     * A given linear overdensity at z = 0 (axes x, y, z) for a generator with {@code grid} and
     * {@code boxSize} [Mpc/h]: its side must be the grid, its values finite.
     */
    public static ScalarField linearDensity(RandomAccessibleInterval<?> img, double boxSize, int grid) {
        int n = FieldViews.checkShape(img, false);
        if (n != grid) {
            throw new IllegalArgumentException("linear_input_img is " + n + "^3 but grid=" + grid + "; pass grid=" + n);
        }
        return FieldChecks.requireFinite(FieldViews.scalar(img, boxSize), "linear_input_img");
    }

    /** The ImgLib2 view (x, y, z) or (x, y, z, c) of an output image, sharing its pixels; null for null. */
    public static RandomAccessibleInterval<FloatType> of(ImagePlus imp) {
        return imp == null ? null : StackImgs.wrap(imp);
    }

    private static double boxSize(double boxSize) {
        if (!(boxSize > 0)) {
            throw new IllegalArgumentException("an ImgLib2 image input carries no calibration; give box_size (Mpc/h)");
        }
        return boxSize;
    }

    /** "32x32x32x3": an image's extent, for provenance and messages. */
    public static String shape(RandomAccessibleInterval<?> img) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < img.numDimensions(); d++) {
            sb.append(d == 0 ? "" : "x").append(img.dimension(d));
        }
        return sb.toString();
    }
}
