package org.d3m.ij;

import java.util.ArrayList;
import java.util.List;

import ij.ImageStack;
import ij.process.FloatProcessor;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * ImgLib2 &lt;-&gt; ImageJ 1 without copies: a {@code PlanarImg<FloatType, FloatArray>} whose planes
 * are the {@code float[]} pixel arrays of an {@link ImageStack}'s slices, and the reverse. Writes
 * through either view are seen by the other. Dimensions are (x, y, slice); for a hyperstack the
 * slice index runs over channels fastest (XYCZT), as in the stack.
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
}
