package org.d3m.ij;

import ij.ImagePlus;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.d3m.api.FieldViews;
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

    /** The displacement of {@code img} when given (axes x, y, z, c), else of the text input {@code input}. */
    public static VectorField vector(RandomAccessibleInterval<?> img, String input, double boxSize) {
        return img != null ? FieldViews.vector(img, boxSize(boxSize)) : FieldSource.vector(input, boxSize);
    }

    /** The scalar field of {@code img} when given (axes x, y, z), else of the text input {@code input}. */
    public static ScalarField scalar(RandomAccessibleInterval<?> img, String input, double boxSize) {
        return img != null ? FieldViews.scalar(img, boxSize(boxSize)) : FieldSource.scalar(input, boxSize);
    }

    /** A {@link ScalarField} or, for an image with 4 axes, a {@link VectorField}. */
    public static Object field(RandomAccessibleInterval<?> img, double boxSize) {
        return img.numDimensions() == 4 ? FieldViews.vector(img, boxSize(boxSize)) : FieldViews.scalar(img, boxSize(boxSize));
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
        ScalarField f = FieldViews.scalar(img, boxSize);
        float[] d = f.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new IllegalArgumentException("linear_input_img: non-finite value (index " + i + ")");
            }
        }
        return f;
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
