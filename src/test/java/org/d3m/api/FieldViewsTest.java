package org.d3m.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

/** Core arrays as ImgLib2 views (no copy, axis order), and ImgLib2 images of any layout back. */
class FieldViewsTest {

    static final int N = 6;
    static final Box BOX = new Box(12, N);

    /** A field whose value names its voxel: 100 x + 10 y + z (+ 1000 c). */
    static float value(int x, int y, int z, int c) {
        return 1000 * c + 100 * x + 10 * y + z;
    }

    static ScalarField labelled() {
        float[] d = new float[BOX.cells()];
        for (int x = 0; x < N; x++) {
            for (int y = 0; y < N; y++) {
                for (int z = 0; z < N; z++) {
                    d[BOX.index(x, y, z)] = value(x, y, z, 0);
                }
            }
        }
        return new ScalarField(BOX, d);
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
    void scalarViewHasAxesXyzAndSharesTheArray() {
        ScalarField f = labelled();
        RandomAccessibleInterval<FloatType> img = FieldViews.view(f);
        assertEquals(3, img.numDimensions());
        RandomAccess<FloatType> ra = img.randomAccess();
        assertEquals(value(1, 2, 3, 0), ra.setPositionAndGet(1, 2, 3).get());
        assertEquals(value(5, 0, 4, 0), ra.setPositionAndGet(5, 0, 4).get());
        ra.setPositionAndGet(4, 1, 2).set(-7f);
        assertEquals(-7f, f.data()[BOX.index(4, 1, 2)], "a write through the view lands in the core array");
        f.data()[BOX.index(0, 5, 1)] = 42f;
        assertEquals(42f, ra.setPositionAndGet(0, 5, 1).get(), "and the other way round");
        assertSame(f.data(), FieldViews.sharedArray(img));
        assertSame(f.data(), FieldViews.scalar(img, 12).data(), "reading our own view back copies nothing");
    }

    @Test
    void vectorViewHasAxesXyzcAndSharesTheArrays() {
        VectorField v = labelledVector();
        RandomAccessibleInterval<FloatType> img = FieldViews.view(v);
        assertArrayEquals(new long[] {N, N, N, 3}, img.dimensionsAsLongArray());
        RandomAccess<FloatType> ra = img.randomAccess();
        assertEquals(value(1, 2, 3, 2), ra.setPositionAndGet(1, 2, 3, 2).get());
        ra.setPositionAndGet(3, 4, 5, 1).set(-1f);
        assertEquals(-1f, v.y()[BOX.index(3, 4, 5)]);
        VectorField back = FieldViews.vector(img, 12);
        for (int k = 0; k < 3; k++) {
            assertSame(v.c()[k], back.c()[k]);
        }
    }

    @Test
    void otherLayoutsAreCopiedInTheCoreOrder() {
        // an x-fastest double image, as other ImgLib2 code makes it, then moved and converted
        ArrayImg<DoubleType, DoubleArray> xyz = ArrayImgs.doubles(N, N, N);
        RandomAccess<DoubleType> w = xyz.randomAccess();
        for (int x = 0; x < N; x++) {
            for (int y = 0; y < N; y++) {
                for (int z = 0; z < N; z++) {
                    w.setPositionAndGet(x, y, z).set(value(x, y, z, 0));
                }
            }
        }
        assertNull(FieldViews.sharedArray(xyz));
        assertArrayEquals(labelled().data(), FieldViews.scalar(xyz, 12).data());
        RandomAccessibleInterval<DoubleType> moved = Views.translate(xyz, 10, -4, 3);
        assertArrayEquals(labelled().data(), FieldViews.scalar(moved, 12).data(), "voxel (0,0,0) is the minimum corner");
        RandomAccessibleInterval<FloatType> converted = Converters.convert((RandomAccessibleInterval<DoubleType>) xyz,
                (a, b) -> b.setReal(a.get()), new FloatType());
        assertArrayEquals(labelled().data(), FieldViews.scalar(converted, 12).data());

        // a translated view of one of ours is not our layout any more: a copy with the same values
        RandomAccessibleInterval<FloatType> ours = FieldViews.view(labelled());
        ScalarField copy = FieldViews.scalar(Views.translate(ours, 1, 1, 1), 12);
        assertArrayEquals(labelled().data(), copy.data());
        assertNotSame(FieldViews.sharedArray(ours), copy.data());

        RandomAccessibleInterval<FloatType> moved3 = Views.translate(ours, 2, 0, 0);
        VectorField v = FieldViews.vector(Views.stack(moved3, moved3, moved3), 12);
        assertArrayEquals(labelled().data(), v.x());
        assertArrayEquals(labelled().data(), v.z());
        assertNotSame(v.x(), v.y());
    }

    @Test
    void badShapesAreOneLineErrors() {
        assertError("3 axes (x, y, z), got 2 (6x6)", () -> FieldViews.scalar(ArrayImgs.floats(N, N), 12));
        assertError("must be a cube n x n x n, got 6x6x4", () -> FieldViews.scalar(ArrayImgs.floats(N, N, 4), 12));
        assertError("even side n >= 2", () -> FieldViews.scalar(ArrayImgs.floats(5, 5, 5), 12));
        assertError("4 axes (x, y, z, c), got 3", () -> FieldViews.vector(ArrayImgs.floats(N, N, N), 12));
        assertError("3 components along c (axis 3), got 6x6x6x2", () -> FieldViews.vector(ArrayImgs.floats(N, N, N, 2), 12));
        assertError("real numbers (a RealType), got ARGBType", () -> FieldViews.scalar(ArrayImgs.argbs(N, N, N), 12));
        assertError("box_size must be > 0", () -> FieldViews.scalar(ArrayImgs.floats(N, N, N), 0));
        assertError("array has 10 values, not 6^3", () -> FieldViews.view(new float[10], N));
    }

    static void assertError(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void calibrationRecord() {
        Calibration c = Calibration.of(128, 32, true);
        assertEquals(4.0, c.voxelSize());
        assertEquals("xyzc", c.axes());
        assertTrue(c.vector());
        assertEquals(128.0, c.boxSize(ArrayImgs.floats(32, 32, 32, 3)));
        assertError("axes must be xyz or xyzc", () -> new Calibration(1, "zyx"));
        assertError("voxel size must be > 0 Mpc/h", () -> new Calibration(0, "xyz"));
    }
}
