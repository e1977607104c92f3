package org.d3m.ij.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.d3m.api.Calibration;
import org.d3m.api.FieldViews;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

/** ImagePlus &lt;-&gt; ImgLib2 field images: no copies, field axis order, calibration kept. */
class StackImgsTest {

    static final int N = 6;
    static final Box BOX = new Box(24, N);

    /** A value that names its voxel, small enough for a displacement in the 24 Mpc/h box. */
    static float value(int x, int y, int z, int c) {
        return (1000 * c + 100 * x + 10 * y + z) / 1000f;
    }

    static VectorField labelledVector() {
        float[][] c = new float[3][BOX.cells()];
        for (int k = 0; k < 3; k++) {
            for (int x = 0; x < N; x++) {
                for (int y = 0; y < N; y++) {
                    for (int z = 0; z < N; z++) {
                        c[k][BOX.index(x, y, z)] = value(x, y, z, k);
                    }
                }
            }
        }
        return new VectorField(BOX, c);
    }

    @Test
    void displacementHyperstackRoundTripsWithoutCopiesAndWithCalibration() {
        VectorField v = labelledVector();
        ImagePlus imp = FieldImages.vector(v, "psi", "info");
        RandomAccessibleInterval<FloatType> img = StackImgs.wrap(imp);
        assertArrayEquals(new long[] {N, N, N, 3}, img.dimensionsAsLongArray(), "axes (x, y, z, c)");
        RandomAccess<FloatType> ra = img.randomAccess();
        assertEquals(value(1, 2, 3, 2), ra.setPositionAndGet(1, 2, 3, 2).get(), "voxel (x, y, z, c) is the field's");
        ra.get().set(-5f);
        assertEquals(-5f, imp.getStack().getProcessor(3 * 3 + 2 + 1).getf(1, 2), "a write lands in slice (c=2, z=3)");

        Calibration cal = StackImgs.calibration(imp, 0);
        assertEquals(new Calibration(4.0, Calibration.VECTOR), cal);

        ImagePlus back = StackImgs.toImagePlus(img, cal, "back");
        assertEquals(3, back.getNChannels());
        assertEquals(N, back.getNSlices());
        assertEquals(1, back.getNFrames());
        for (int i = 1; i <= imp.getStackSize(); i++) {
            assertSame(imp.getStack().getPixels(i), back.getStack().getPixels(i), "slice " + i + " is shared, not copied");
        }
        assertEquals(4.0, back.getCalibration().pixelWidth);
        assertEquals(4.0, back.getCalibration().pixelDepth);
        assertEquals("Mpc/h", back.getCalibration().getUnit());
        assertEquals(cal, StackImgs.calibration(back, 0));
        VectorField again = FieldImages.toVector(back, 0);
        assertEquals(BOX, again.box(), "the box size comes back from the calibration");
        assertEquals(-5f, again.z()[BOX.index(1, 2, 3)]);
        assertEquals(value(4, 0, 5, 1), again.y()[BOX.index(4, 0, 5)]);
    }

    @Test
    void scalarStackRoundTripsWithoutCopies() {
        ScalarField f = new ScalarField(BOX, labelledVector().x().clone());
        ImagePlus imp = FieldImages.scalar(f, "delta", null);
        RandomAccessibleInterval<FloatType> img = StackImgs.wrap(imp);
        assertArrayEquals(new long[] {N, N, N}, img.dimensionsAsLongArray());
        assertEquals(value(5, 4, 3, 0), img.randomAccess().setPositionAndGet(5, 4, 3).get());
        Calibration cal = StackImgs.calibration(imp, 0);
        assertEquals(Calibration.SCALAR, cal.axes());
        ImagePlus back = StackImgs.toImagePlus(img, cal, "back");
        assertEquals(1, back.getNChannels());
        assertSame(imp.getStack().getPixels(4), back.getStack().getPixels(4));
        assertArrayEquals(f.data(), FieldImages.toScalar(back, 0).data());
    }

    @Test
    void otherImagesAreCopiedIntoPlanes() {
        VectorField v = labelledVector();
        RandomAccessibleInterval<FloatType> core = FieldViews.view(v); // z-fastest: not ImageJ's layout
        ImagePlus imp = StackImgs.toImagePlus(core, Calibration.of(24, N, true), "copied");
        VectorField back = FieldImages.toVector(imp, 0);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(v.c()[k], back.c()[k]);
            assertNotSame(v.c()[k], back.c()[k]);
        }
        assertEquals("x, 0 Mpc/h", imp.getStack().getSliceLabel(1), "the comoving position, not 'z=0' (a redshift?)");
        assertEquals("y, " + FieldImages.sliceLabel(null, 1, 24.0 / N), imp.getStack().getSliceLabel(5));
    }

    @Test
    void calibrationAndErrors() {
        ImagePlus plain = new ImagePlus("plain", FieldImages.toStack(BOX, new float[BOX.cells()]));
        assertEquals(new Calibration(2.0, "xyz"), StackImgs.calibration(plain, 12), "uncalibrated: box_size / width");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StackImgs.calibration(plain, 0));
        assertTrue(e.getMessage().contains("is not calibrated in Mpc/h; give box_size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StackImgs.wrap(new ImagePlus("b", new ByteProcessor(4, 4))));
        assertTrue(e.getMessage().contains("must be 32-bit, got 8-bit"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
