package org.d3m.ij.fields;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.transform.integer.MixedTransform;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.IntervalView;
import net.imglib2.view.MixedTransformView;
import net.imglib2.view.Views;

import org.d3m.api.Calibration;

/**
 * ImgLib2 &lt;-&gt; ImageJ 1 without copies: a {@code PlanarImg<FloatType, FloatArray>} whose planes
 * are the {@code float[]} pixel arrays of an {@link ImageStack}'s slices, and the reverse. Writes
 * through either view are seen by the other.
 *
 * <p><b>Axes.</b> {@link #wrap(ImageStack)} gives (x, y, slice), the slice index running over
 * channels fastest (XYCZT), as in the stack. {@link #wrap(ImagePlus)} gives the field axes of
 * {@link Calibration}: (x, y, z) for a one-channel stack, (x, y, z, c) for a hyperstack with
 * channels (the stack's (x, y, c, z) planar image with c and z swapped by a view). Image x is x,
 * image y is y, the z slider is z, the channel is the component: the layout {@link FieldImages}
 * writes. {@link #calibration} reads the voxel size from the image's Mpc/h calibration and
 * {@link #toImagePlus} writes it back, so calibration and axis order survive a round trip.
 */
public final class StackImgs {

    private StackImgs() {
    }

    /** Wraps a 32-bit stack as a 3-D image (width, height, size); shares the slice arrays. */
    public static PlanarImg<FloatType, FloatArray> wrap(ImageStack stack) {
        if (stack.getBitDepth() != 32) {
            throw new IllegalArgumentException("need a 32-bit stack, got " + stack.getBitDepth() + "-bit");
        }
        List<FloatArray> planes = new ArrayList<>(stack.getSize());
        for (int i = 1; i <= stack.getSize(); i++) {
            planes.add(new FloatArray((float[]) stack.getPixels(i)));
        }
        PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes,
                new long[] {stack.getWidth(), stack.getHeight(), stack.getSize()}, new Fraction());
        img.setLinkedType(new FloatType(img));
        return img;
    }

    /** A stack whose slices are the planes of {@code img} (2-D planes, any number of them); shares them. */
    public static ImageStack toStack(PlanarImg<FloatType, FloatArray> img) {
        int w = (int) img.dimension(0);
        int h = img.numDimensions() > 1 ? (int) img.dimension(1) : 1;
        ImageStack stack = new ImageStack(w, h);
        for (int i = 0; i < img.numSlices(); i++) {
            stack.addSlice(null, new FloatProcessor(w, h, img.getPlane(i).getCurrentStorageArray()));
        }
        return stack;
    }

    /**
     * A 32-bit single-frame image as an ImgLib2 image over its slices' arrays (no copy): axes
     * (x, y, z) when it has one channel, (x, y, z, c) when it has several.
     */
    public static RandomAccessibleInterval<FloatType> wrap(ImagePlus imp) {
        if (imp.getBitDepth() != 32) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' must be 32-bit, got " + imp.getBitDepth() + "-bit");
        }
        if (imp.getNFrames() != 1) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' has " + imp.getNFrames() + " frames; a field has one");
        }
        ImageStack stack = imp.getStack();
        int channels = imp.getNChannels();
        List<FloatArray> planes = new ArrayList<>(stack.getSize());
        for (int i = 1; i <= stack.getSize(); i++) {
            planes.add(new FloatArray((float[]) stack.getPixels(i)));
        }
        long[] dims = channels == 1 ? new long[] {imp.getWidth(), imp.getHeight(), imp.getNSlices()}
                : new long[] {imp.getWidth(), imp.getHeight(), channels, imp.getNSlices()};
        PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dims, new Fraction());
        img.setLinkedType(new FloatType(img));
        return channels == 1 ? img : Views.permute(img, 2, 3);
    }

    /**
     * The calibration of a field image: the voxel size from a Mpc/h calibration (cubic voxels), or
     * {@code boxSize / width} [Mpc/h] for an image not calibrated in Mpc/h when {@code boxSize > 0};
     * axes xyz for one channel, xyzc for several.
     */
    public static Calibration calibration(ImagePlus imp, double boxSize) {
        ij.measure.Calibration cal = imp.getCalibration();
        double voxel;
        if (cal.scaled() && FieldImages.UNIT.equals(cal.getUnit())) {
            voxel = cal.pixelWidth;
            if (Math.abs(cal.pixelHeight - voxel) > 1e-9 * voxel || Math.abs(cal.pixelDepth - voxel) > 1e-9 * voxel) {
                throw new IllegalArgumentException("image '" + imp.getTitle() + "' has non-cubic voxels "
                        + voxel + " x " + cal.pixelHeight + " x " + cal.pixelDepth + " Mpc/h");
            }
        } else if (boxSize > 0) {
            voxel = boxSize / imp.getWidth();
        } else {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' is not calibrated in " + FieldImages.UNIT
                    + "; give box_size");
        }
        return new Calibration(voxel, imp.getNChannels() == 1 ? Calibration.SCALAR : Calibration.VECTOR);
    }

    /**
     * An ImgLib2 image with axes (x, y, z) or (x, y, z, c) as an ImageJ 1 image (a hyperstack with
     * one channel per c), calibrated with {@code cal}'s voxel size in Mpc/h. Shares the planes of an
     * image made by {@link #wrap(ImagePlus)} or a {@code PlanarImg<FloatType, FloatArray>}; copies
     * any other image into new slices.
     */
    public static ImagePlus toImagePlus(RandomAccessibleInterval<? extends RealType<?>> img, Calibration cal, String title) {
        int nd = img.numDimensions();
        if (nd != 3 && nd != 4) {
            throw new IllegalArgumentException("need an image with axes (x, y, z) or (x, y, z, c), got " + nd + " axes");
        }
        int w = (int) img.dimension(0);
        int h = (int) img.dimension(1);
        int depth = (int) img.dimension(2);
        int channels = nd == 4 ? (int) img.dimension(3) : 1;
        List<float[]> planes = sharedPlanes(img);
        if (planes == null) {
            planes = copyPlanes(img, channels, depth);
        }
        ImageStack stack = new ImageStack(w, h);
        for (int z = 0, i = 0; z < depth; z++) {
            for (int c = 0; c < channels; c++, i++) {
                stack.addSlice(FieldImages.sliceLabel(channels > 1 ? "xyz".charAt(Math.min(c, 2)) : null, z, cal.voxelSize()),
                        new FloatProcessor(w, h, planes.get(i)));
            }
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(channels, depth, 1);
        imp.setOpenAsHyperStack(channels > 1);
        ij.measure.Calibration ic = new ij.measure.Calibration(imp);
        ic.pixelWidth = ic.pixelHeight = ic.pixelDepth = cal.voxelSize();
        ic.setUnit(Calibration.UNIT);
        imp.setCalibration(ic);
        return imp;
    }

    /** The planes in XYCZT order when {@code img} is a (permuted) float PlanarImg with origin 0, else null. */
    private static List<float[]> sharedPlanes(RandomAccessibleInterval<?> img) {
        for (int d = 0; d < img.numDimensions(); d++) {
            if (img.min(d) != 0) {
                return null;
            }
        }
        PlanarImg<?, ?> planar;
        if (img.numDimensions() == 3 && img instanceof PlanarImg<?, ?> p) {
            planar = p;
        } else if (img.numDimensions() == 4 && img instanceof IntervalView<?> iv
                && iv.getSource() instanceof MixedTransformView<?> mv && mv.getSource() instanceof PlanarImg<?, ?> p
                && p.numDimensions() == 4 && swapsCAndZ(mv.getTransformToSource())
                && p.dimension(2) == img.dimension(3) && p.dimension(3) == img.dimension(2)) {
            planar = p;
        } else {
            return null;
        }
        if (!(planar.getType() instanceof FloatType) || planar.dimension(0) != img.dimension(0)
                || planar.dimension(1) != img.dimension(1)) {
            return null;
        }
        List<float[]> out = new ArrayList<>(planar.numSlices());
        for (int i = 0; i < planar.numSlices(); i++) {
            if (!(planar.getPlane(i) instanceof FloatArray a)) {
                return null;
            }
            out.add(a.getCurrentStorageArray());
        }
        return out;
    }

    /** True when target (x, y, z, c) maps to source (x, y, c, z) with no translation or flip. */
    private static boolean swapsCAndZ(MixedTransform t) {
        if (t.numSourceDimensions() != 4 || t.numTargetDimensions() != 4) {
            return false;
        }
        int[] expected = {0, 1, 3, 2};
        long[] src = new long[4];
        for (int d = -1; d < 4; d++) {
            long[] pos = new long[4];
            if (d >= 0) {
                pos[d] = 1;
            }
            t.apply(pos, src);
            for (int s = 0; s < 4; s++) {
                if (src[s] != (d >= 0 && s == expected[d] ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** New XYCZT planes holding {@code img}'s values (x fastest in each plane). */
    private static List<float[]> copyPlanes(RandomAccessibleInterval<? extends RealType<?>> img, int channels, int depth) {
        RandomAccessibleInterval<? extends RealType<?>> zero = Views.zeroMin(img);
        List<float[]> planes = new ArrayList<>(channels * depth);
        for (int z = 0; z < depth; z++) {
            RandomAccessibleInterval<? extends RealType<?>> slab = Views.hyperSlice(zero, 2, z);
            for (int c = 0; c < channels; c++) {
                RandomAccessibleInterval<? extends RealType<?>> plane = img.numDimensions() == 4 ? Views.hyperSlice(slab, 2, c) : slab;
                float[] a = new float[(int) (plane.dimension(0) * plane.dimension(1))];
                Cursor<? extends RealType<?>> cur = Views.flatIterable(plane).cursor();
                for (int i = 0; i < a.length; i++) {
                    a[i] = cur.next().getRealFloat();
                }
                planes.add(a);
            }
        }
        return planes;
    }
}
