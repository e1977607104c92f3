package org.d3m.api;

import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.transform.integer.MixedTransform;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.IntervalView;
import net.imglib2.view.MixedTransformView;
import net.imglib2.view.StackView;
import net.imglib2.view.Views;

import org.d3m.core.field.Box;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * Core fields as ImgLib2 images and back, without copies where the layouts allow.
 *
 * <p><b>Layout.</b> A core array is C order over (x, y, z), z fastest: voxel (x, y, z) at
 * {@code (x*n + y)*n + z}. An {@link ArrayImg} is x fastest, so the same array read as an ArrayImg
 * of dims (n, n, n) has axes (z, y, x); {@code Views.permute(img, 0, 2)} turns it into (x, y, z).
 * That is {@link #view(ScalarField)}: no copy, writes go to the core array. A displacement is the
 * {@code Views.stack} of its three component views, axes (x, y, z, c).
 *
 * <p><b>Inputs</b> may be any {@code RandomAccessibleInterval} of a {@link RealType} (a
 * {@code Views.translate}d image, a {@code Converters}-converted one, a PlanarImg of an ImageJ 1
 * stack...). Voxel (0, 0, 0) of the field is the image's minimum corner. An image that is exactly a
 * view made here (so a flat float array in the core's layout) is used without a copy; anything else
 * is copied into a new core array (in parallel, x-slab by x-slab). Shapes are checked with
 * one-line IllegalArgumentExceptions: a scalar field is an n x n x n cube, a displacement is
 * n x n x n x 3, and n is even.
 */
public final class FieldViews {

    private FieldViews() {
    }

    /** The (x, y, z) view of a core C-order array of n^3 values; shares the array. */
    public static RandomAccessibleInterval<FloatType> view(float[] data, int n) {
        if ((long) n * n * n != data.length) {
            throw new IllegalArgumentException("array has " + data.length + " values, not " + n + "^3");
        }
        return Views.permute(ArrayImgs.floats(data, n, n, n), 0, 2);
    }

    /** The (x, y, z) view of a scalar field; shares its array. */
    public static RandomAccessibleInterval<FloatType> view(ScalarField f) {
        return view(f.data(), f.box().n());
    }

    /** The (x, y, z, c) view of a vector field (c = component x, y, z); shares its three arrays. */
    public static RandomAccessibleInterval<FloatType> view(VectorField v) {
        int n = v.box().n();
        return Views.stack(view(v.x(), n), view(v.y(), n), view(v.z(), n));
    }

    /**
     * The scalar field of an (x, y, z) image on a box of side {@code boxSize} [Mpc/h]: the image's
     * own array when it is a view made here, else a copy.
     */
    public static ScalarField scalar(RandomAccessibleInterval<?> image, double boxSize) {
        int n = checkShape(image, false);
        Box box = new Box(boxSize, n);
        float[] shared = sharedArray(image);
        return new ScalarField(box, shared != null ? shared : copy(real(image), n));
    }

    /**
     * The vector field of an (x, y, z, c) image with 3 components, on a box of side
     * {@code boxSize} [Mpc/h]: the image's own arrays when it is a view made here, else a copy.
     */
    public static VectorField vector(RandomAccessibleInterval<?> image, double boxSize) {
        int n = checkShape(image, true);
        Box box = new Box(boxSize, n);
        float[][] shared = sharedArrays(image);
        if (shared != null) {
            return new VectorField(box, shared);
        }
        RandomAccessibleInterval<? extends RealType<?>> img = real(image);
        float[][] c = new float[3][];
        for (int k = 0; k < 3; k++) {
            c[k] = copy(Views.hyperSlice(img, 3, img.min(3) + k), n);
        }
        return new VectorField(box, c);
    }

    /**
     * The side n of a field image: (x, y, z) for a scalar field, (x, y, z, c) with 3 components for
     * a displacement; n must be even. One-line IllegalArgumentExceptions otherwise.
     */
    public static int checkShape(RandomAccessibleInterval<?> image, boolean vector) {
        if (image == null) {
            throw new IllegalArgumentException("no image given");
        }
        int dims = image.numDimensions();
        String what = vector ? "a displacement image" : "a scalar field image";
        if (dims != (vector ? 4 : 3)) {
            throw new IllegalArgumentException(what + " must have " + (vector ? "4 axes (x, y, z, c)" : "3 axes (x, y, z)")
                    + ", got " + dims + " (" + shape(image) + ")");
        }
        long n = image.dimension(0);
        if (image.dimension(1) != n || image.dimension(2) != n) {
            throw new IllegalArgumentException(what + " must be a cube n x n x n, got " + shape(image));
        }
        if (vector && image.dimension(3) != 3) {
            throw new IllegalArgumentException(what + " must have 3 components along c (axis 3), got " + shape(image));
        }
        if (n < 2 || n % 2 != 0 || n * n * n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(what + " must have an even side n >= 2 (n^3 < 2^31), got " + shape(image));
        }
        if (!(image.getType() instanceof RealType<?>)) {
            throw new IllegalArgumentException(what + " must hold real numbers (a RealType), got "
                    + image.getType().getClass().getSimpleName());
        }
        return (int) n;
    }

    /**
     * The core array behind an (x, y, z) view made by {@link #view(float[], int)}: a permuted
     * {@code ArrayImg<FloatType, FloatArray>} of dims (n, n, n) with origin 0. Null for any other
     * image (then a reader must copy).
     */
    public static float[] sharedArray(RandomAccessibleInterval<?> image) {
        if (image.numDimensions() != 3 || image.min(0) != 0 || image.min(1) != 0 || image.min(2) != 0
                || !(image instanceof IntervalView<?> iv) || !(iv.getSource() instanceof MixedTransformView<?> mv)
                || !(mv.getSource() instanceof ArrayImg<?, ?> img) || !(img.getType() instanceof FloatType)
                || !(img.update(null) instanceof FloatArray access)) {
            return null;
        }
        long n = image.dimension(0);
        for (int d = 0; d < 3; d++) {
            if (image.dimension(d) != n || img.dimension(d) != n) {
                return null;
            }
        }
        if (!swapsXAndZ(mv.getTransformToSource())) {
            return null;
        }
        float[] data = access.getCurrentStorageArray();
        return data.length == n * n * n ? data : null;
    }

    /** The three core arrays behind an (x, y, z, c) view made by {@link #view(VectorField)}, else null. */
    public static float[][] sharedArrays(RandomAccessibleInterval<?> image) {
        if (!(image instanceof StackView<?> sv) || image.numDimensions() != 4 || image.min(3) != 0) {
            return null;
        }
        List<? extends RandomAccessibleInterval<?>> slices = sv.getSourceSlices();
        if (slices.size() != 3) {
            return null;
        }
        float[][] c = new float[3][];
        for (int k = 0; k < 3; k++) {
            c[k] = sharedArray(slices.get(k));
            if (c[k] == null) {
                return null;
            }
        }
        return c;
    }

    /** True when the transform maps target (x, y, z) to source (z, y, x) with no translation or flip. */
    private static boolean swapsXAndZ(MixedTransform t) {
        if (t.numSourceDimensions() != 3 || t.numTargetDimensions() != 3) {
            return false;
        }
        long[] src = new long[3];
        for (int d = -1; d < 3; d++) {
            long[] pos = new long[3];
            if (d >= 0) {
                pos[d] = 1;
            }
            t.apply(pos, src);
            for (int s = 0; s < 3; s++) {
                if (src[s] != (d >= 0 && s == 2 - d ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Copies an n^3 (x, y, z) image from its minimum corner into a core C-order array. */
    private static float[] copy(RandomAccessibleInterval<? extends RealType<?>> image, int n) {
        float[] out = new float[n * n * n];
        // (z, y, x) axes: flat iteration of one x-slab runs z fastest, the core's order
        RandomAccessibleInterval<? extends RealType<?>> zyx = Views.permute(Views.zeroMin(image), 0, 2);
        Parallel.forEach(n, 0, ix -> {
            Cursor<? extends RealType<?>> c = Views.flatIterable(Views.hyperSlice(zyx, 2, ix)).cursor();
            int base = ix * n * n;
            for (int i = 0; i < n * n; i++) {
                out[base + i] = c.next().getRealFloat();
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static RandomAccessibleInterval<? extends RealType<?>> real(RandomAccessibleInterval<?> image) {
        return (RandomAccessibleInterval<? extends RealType<?>>) image; // checked by checkShape
    }

    /** "64x64x64x3" for messages. */
    static String shape(RandomAccessibleInterval<?> image) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < image.numDimensions(); d++) {
            sb.append(d == 0 ? "" : "x").append(image.dimension(d));
        }
        return sb.toString();
    }
}
