package org.d3m.ij.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.real.FloatType;

import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

/** Layout (transpose), calibration, LUT/contrast, composite channels, reverse conversion, ImgLib2 sharing. */
class FieldImagesTest {

    static final Box BOX = new Box(64, 8);

    /** value = 100 ix + 10 iy + iz: every voxel tells where it came from. */
    static ScalarField coded() {
        ScalarField f = ScalarField.zeros(BOX);
        int n = BOX.n();
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    f.data()[BOX.index(ix, iy, iz)] = 100 * ix + 10 * iy + iz;
                }
            }
        }
        return f;
    }

    /** The coded values / 100 (ix + iy/10 + iz/100, below 8): a displacement inside the 64 Mpc/h box. */
    static float[] small(float[] coded) {
        float[] out = new float[coded.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = coded[i] / 100;
        }
        return out;
    }

    @Test
    void scalarStackIsTransposedSoSliceIsZAndPixelIsXY() {
        ImagePlus imp = FieldImages.scalar(coded(), "delta", "info text");
        assertEquals(8, imp.getWidth());
        assertEquals(8, imp.getHeight());
        assertEquals(8, imp.getStackSize());
        assertEquals(32, imp.getBitDepth());
        // slice z=5 (1-based 6), pixel (x=3, y=2) = core (3, 2, 5)
        assertEquals(325f, imp.getStack().getProcessor(6).getf(3, 2));
        assertEquals(710f, imp.getStack().getProcessor(1).getf(7, 1));
        assertEquals("delta", imp.getTitle());
        assertEquals("info text", imp.getProperty("Info"));
    }

    @Test
    void transposeRoundTripsAcrossSeveralSlabsOfSlices() {
        Box box = new Box(80, 40);  // 40 slices: slabs of 16, 16 and 8
        java.util.Random r = new java.util.Random(3);
        float[][] c = new float[3][box.cells()];
        for (float[] comp : c) {
            for (int i = 0; i < comp.length; i++) {
                comp[i] = (float) r.nextGaussian();
            }
        }
        ImagePlus scalar = FieldImages.scalar(new ScalarField(box, c[0]), "s", null);
        assertEquals(c[0][box.index(3, 2, 37)], scalar.getStack().getProcessor(38).getf(3, 2));
        assertArrayEquals(c[0], FieldImages.toScalar(scalar, 0).data());
        VectorField back = FieldImages.toVector(FieldImages.vector(new VectorField(box, c), "v", null), 0);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(c[k], back.c()[k], "component " + k);
        }
        // other bit depths are read as their raw values
        ImageStack shorts = new ImageStack(40, 40);
        for (int z = 0; z < 40; z++) {
            ij.process.ShortProcessor sp = new ij.process.ShortProcessor(40, 40);
            sp.set(5, 7, 100 + z);
            shorts.addSlice(sp);
        }
        float[] raw = FieldImages.fromStack(shorts, 40, 1, 0);
        assertEquals(121f, raw[box.index(5, 7, 21)]);
        assertEquals(0f, raw[box.index(7, 5, 21)]);
    }

    @Test
    void slicesAreLabelledWithTheirComovingPosition() {
        ImagePlus imp = FieldImages.scalar(coded(), "delta", null);           // 64 Mpc/h, 8 cells of 8
        assertEquals("0 Mpc/h", imp.getStack().getSliceLabel(1));
        assertEquals("56 Mpc/h", imp.getStack().getSliceLabel(8));
        ImagePlus v = FieldImages.vector(org.d3m.core.field.VectorField.zeros(BOX), "psi", null);
        assertEquals("z, 8 Mpc/h", v.getStack().getSliceLabel(6), "slice 2, channel z");
        assertEquals("x, 5.333 Mpc/h", FieldImages.sliceLabel('x', 1, 128.0 / 24), "rounded to 1e-3 Mpc/h");
    }

    @Test
    void calibrationIsCellSizeInMpcPerH() {
        ImagePlus imp = FieldImages.scalar(coded(), "t", null);
        assertEquals(8.0, imp.getCalibration().pixelWidth);
        assertEquals(8.0, imp.getCalibration().pixelHeight);
        assertEquals(8.0, imp.getCalibration().pixelDepth);
        assertEquals("Mpc/h", imp.getCalibration().getUnit());
        assertEquals(0.0, imp.getCalibration().xOrigin);
    }

    @Test
    void fireLutAndClippedDisplayRange() {
        ImagePlus imp = FieldImages.scalar(coded(), "t", null);
        // Fire LUT: black at 0, not a gray ramp (gray has r == g == b everywhere).
        java.awt.image.IndexColorModel cm = (java.awt.image.IndexColorModel) imp.getProcessor().getColorModel();
        assertTrue(cm.getRed(128) != cm.getBlue(128) || cm.getRed(128) != cm.getGreen(128), "not grayscale");
        assertTrue(imp.getDisplayRangeMin() >= 0 && imp.getDisplayRangeMin() < 10, "low quantile " + imp.getDisplayRangeMin());
        assertTrue(imp.getDisplayRangeMax() > 700 && imp.getDisplayRangeMax() <= 777, "high quantile " + imp.getDisplayRangeMax());
    }

    @Test
    void vectorIsThreeChannelCompositeXYCZT() {
        ScalarField a = coded();
        float[] minus = a.data().clone();
        for (int i = 0; i < minus.length; i++) {
            minus[i] = -minus[i];
        }
        VectorField v = new VectorField(BOX, new float[][] {a.data(), minus, new float[BOX.cells()]});
        CompositeImage ci = FieldImages.vector(v, "FastPM displacement seed=7 z=0", "prov");
        assertEquals(3, ci.getNChannels());
        assertEquals(8, ci.getNSlices());
        assertEquals(1, ci.getNFrames());
        assertTrue(ci.isHyperStack());
        // channel 2 (y component), z = 5, pixel (3, 2)
        assertEquals(-325f, ci.getStack().getProcessor(ci.getStackIndex(2, 6, 1)).getf(3, 2));
        assertEquals("Mpc/h", ci.getCalibration().getUnit());
        assertEquals("prov", ci.getProperty("Info"));
        assertEquals("FastPM displacement seed=7 z=0", ci.getTitle());
        // symmetric per-channel ranges; the all-zero channel still gets a valid range
        assertEquals(-ci.getChannelLut(1).max, ci.getChannelLut(1).min);
        assertTrue(ci.getChannelLut(1).max > 700);
        assertTrue(ci.getChannelLut(3).max > ci.getChannelLut(3).min);
    }

    @Test
    void roundTripsThroughImagesExactly() {
        ScalarField f = coded();
        ScalarField back = FieldImages.toScalar(FieldImages.scalar(f, "t", null), -1);
        assertEquals(BOX, back.box());
        assertArrayEquals(f.data(), back.data());
        VectorField v = new VectorField(BOX, new float[][] {small(f.data()), small(f.data()), small(coded().data())});
        v.y()[17] = -4;
        VectorField vb = FieldImages.toVector(FieldImages.vector(v, "v", null), 0);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(v.c()[c], vb.c()[c]);
        }
    }

    @Test
    void wrongShapesGetOneLineMessages() {
        ImagePlus single = FieldImages.scalar(coded(), "dens", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldImages.toVector(single, 0));
        assertEquals("image 'dens' must be a 3-channel stack of n^3 (components x, y, z), got 8x8x8 with 1 channel", e.getMessage());
        ImagePlus flat = new ImagePlus("flat", new FloatProcessor(8, 4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldImages.toScalar(flat, 10)).getMessage()
                .startsWith("image 'flat' must be a single-channel stack of n^3"));
        ImageStack s = new ImageStack(8, 8);
        for (int i = 0; i < 8; i++) {
            s.addSlice(new FloatProcessor(8, 8));
        }
        ImagePlus raw = new ImagePlus("raw", s);
        assertEquals("image 'raw' is not calibrated in Mpc/h; give box_size",
                assertThrows(IllegalArgumentException.class, () -> FieldImages.toScalar(raw, 0)).getMessage());
        assertEquals(50.0, FieldImages.toScalar(raw, 50).box().size());
    }

    @Test
    void logDensityView() {
        float[] d = new float[BOX.cells()];
        d[0] = 9f;      // log10(10) = 1
        d[1] = -1f;     // empty cell: floored at log10(1e-3) = -3
        ImagePlus imp = FieldImages.logDensity(new ScalarField(BOX, d), "log", null);
        ImageProcessor z0 = imp.getStack().getProcessor(1);
        assertEquals(1f, z0.getf(0, 0), 1e-6f);
        ImageProcessor z1 = imp.getStack().getProcessor(2);
        assertEquals(-3f, z1.getf(0, 0), 1e-6f);
        assertEquals(0f, imp.getStack().getProcessor(3).getf(0, 0));
    }

    @Test
    void logDensityRangeComesFromOccupiedCells() {
        // 90% empty cells (1 + delta = 0, at the floor -3) and occupied cells with log10(1 + delta) in [0, 1]:
        // the range must span the occupied cells, not start at the floor.
        float[] d = new float[BOX.cells()];
        java.util.Arrays.fill(d, -1f);
        for (int i = 0; i < d.length; i += 10) {
            d[i] = (float) (Math.pow(10, (i % 100) / 100.0) - 1);
        }
        ImagePlus imp = FieldImages.logDensity(new ScalarField(BOX, d), "log", null);
        assertTrue(imp.getDisplayRangeMin() >= 0 && imp.getDisplayRangeMin() < 0.1, "min " + imp.getDisplayRangeMin());
        assertTrue(imp.getDisplayRangeMax() > 0.8 && imp.getDisplayRangeMax() <= 1, "max " + imp.getDisplayRangeMax());
        float[] empty = new float[BOX.cells()];
        java.util.Arrays.fill(empty, -1f);
        ImagePlus all = FieldImages.logDensity(new ScalarField(BOX, empty), "empty", null);
        assertTrue(all.getDisplayRangeMax() > all.getDisplayRangeMin(), "an empty field still gets a usable range");
    }

    @Test
    void planarImgSharesStackMemoryBothWays() {
        ImagePlus imp = FieldImages.scalar(coded(), "t", null);
        PlanarImg<FloatType, FloatArray> img = StackImgs.wrap(imp.getStack());
        assertArrayEquals(new long[] {8, 8, 8}, img.dimensionsAsLongArray());
        assertSame(imp.getStack().getPixels(3), img.getPlane(2).getCurrentStorageArray());
        RandomAccess<FloatType> ra = img.randomAccess();
        ra.setPosition(new long[] {3, 2, 5});
        assertEquals(325f, ra.get().get());
        ra.get().set(-1f);
        assertEquals(-1f, imp.getStack().getProcessor(6).getf(3, 2), "write through ImgLib2 seen by ImageJ");

        PlanarImg<FloatType, FloatArray> fresh = PlanarImgs.floats(4, 3, 2);
        ImageStack st = StackImgs.toStack(fresh);
        assertEquals(2, st.getSize());
        st.getProcessor(2).setf(1, 2, 7f);
        RandomAccess<FloatType> fa = fresh.randomAccess();
        fa.setPosition(new long[] {1, 2, 1});
        assertEquals(7f, fa.get().get(), "write through ImageJ seen by ImgLib2");
        assertSame(fresh.getPlane(0).getCurrentStorageArray(), st.getPixels(1));
    }
}
