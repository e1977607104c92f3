package org.d3m.api;

import static org.d3m.api.FieldViewsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.IntervalView;
import net.imglib2.view.MixedTransformView;
import net.imglib2.view.StackView;
import net.imglib2.view.Views;

import org.d3m.core.analysis.SpectrumRows;
import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.junit.jupiter.api.Test;

/** The facade: views over the core's arrays, images from other ImgLib2 code, one-line errors. */
class D3mTest {

    /** The float[] under one component of a displacement view, dug out with ImgLib2's own API. */
    static float[] componentArray(RandomAccessibleInterval<FloatType> displacement, int c) {
        StackView<FloatType> stack = (StackView<FloatType>) displacement;
        IntervalView<FloatType> xyz = (IntervalView<FloatType>) stack.getSourceSlices().get(c);
        MixedTransformView<FloatType> zyx = (MixedTransformView<FloatType>) xyz.getSource();
        @SuppressWarnings("unchecked")
        ArrayImg<FloatType, FloatArray> img = (ArrayImg<FloatType, FloatArray>) zyx.getSource();
        return img.update(null).getCurrentStorageArray();
    }

    @Test
    void simulationOf64CubedReturnsAViewOfTheCoresArray() {
        D3m sim = D3m.paper(7).withBox(128, 64).withFastPm(3, 0.1, 1);
        RandomAccessibleInterval<FloatType> psi = sim.simulate();
        assertArrayEquals(new long[] {64, 64, 64, 3}, psi.dimensionsAsLongArray());
        float[] y = componentArray(psi, 1);
        assertEquals(64 * 64 * 64, y.length);
        int at = (5 * 64 + 6) * 64 + 7; // core C order: (x*n + y)*n + z
        RandomAccess<FloatType> ra = psi.randomAccess();
        float before = ra.setPositionAndGet(5, 6, 7, 1).get();
        assertEquals(y[at], before, "voxel (x=5, y=6, z=7, c=1) is y-component element (5*n + 6)*n + 7");
        ra.get().set(1234.5f);
        assertEquals(1234.5f, y[at], "written through the view, read back from the core's array");
        y[at] = before;
        assertEquals(before, ra.setPositionAndGet(5, 6, 7, 1).get());
        assertSame(y, FieldViews.vector(psi, sim.boxSize()).y(), "the facade reads its own views without copying");
        double rms = FieldViews.vector(psi, sim.boxSize()).rms();
        assertTrue(rms > 1 && rms < 20, "FastPM rms displacement " + rms + " Mpc/h");
        assertEquals(new Calibration(2.0, "xyzc"), sim.calibration(psi));
    }

    @Test
    void generatorsMatchTheCoreVoxelForVoxel() {
        D3m sim = D3m.paper(3).withBox(64, 16).withThreads(2);
        Realization core = new Realization(sim.setup());
        VectorField za = core.lpt(1, 1);
        VectorField lpt = core.lpt(2, 1 / 1.5);
        float[] delta = core.linearDensity().data();
        RandomAccess<FloatType> a = sim.za().randomAccess();
        RandomAccess<FloatType> b = sim.lpt2(0.5).randomAccess();
        RandomAccess<FloatType> d = sim.linearDensity().randomAccess();
        int n = 16;
        for (int x = 0; x < n; x += 3) {
            for (int y = 0; y < n; y += 5) {
                for (int z = 0; z < n; z += 2) {
                    int i = (x * n + y) * n + z;
                    assertEquals(delta[i], d.setPositionAndGet(x, y, z).get());
                    for (int c = 0; c < 3; c++) {
                        assertEquals(za.c()[c][i], a.setPositionAndGet(x, y, z, c).get());
                        assertEquals(lpt.c()[c][i], b.setPositionAndGet(x, y, z, c).get());
                    }
                }
            }
        }
        assertNotEquals(sim.za(1).randomAccess().setPositionAndGet(1, 1, 1, 0).get(), a.setPositionAndGet(1, 1, 1, 0).get());

        // simulate(z): FastPM stopped at a = 1/(1+z), the core's run with withRedshift(z)
        VectorField pm = core.fastPm(FastPmSolver.Config.defaults().withThreads(2).withRedshift(0.5), Progress.NONE).displacement();
        RandomAccess<FloatType> p = sim.simulate(0.5).randomAccess();
        for (int c = 0; c < 3; c++) {
            assertEquals(pm.c()[c][100], p.setPositionAndGet(0, 6, 4, c).get());
        }
        assertEquals(FieldViews.vector(sim.simulate(), 64).rms(), FieldViews.vector(sim.simulate(0), 64).rms());
        assertError("redshift must be in [0, 1/a_start - 1) = [0, 9), got 9", () -> sim.simulate(9));
    }

    /** An x-fastest double copy of an image, as other ImgLib2 code would hold it. */
    static ArrayImg<DoubleType, DoubleArray> doubleCopy(RandomAccessibleInterval<FloatType> img) {
        ArrayImg<DoubleType, DoubleArray> out = ArrayImgs.doubles(img.dimensionsAsLongArray());
        Cursor<DoubleType> c = out.localizingCursor();
        RandomAccess<FloatType> ra = img.randomAccess();
        while (c.hasNext()) {
            c.fwd();
            ra.setPosition(c);
            c.get().set(ra.get().get());
        }
        return out;
    }

    static void assertSameImage(RandomAccessibleInterval<? extends RealType<?>> a, RandomAccessibleInterval<? extends RealType<?>> b) {
        assertArrayEquals(a.dimensionsAsLongArray(), b.dimensionsAsLongArray());
        Cursor<? extends RealType<?>> ca = Views.flatIterable(Views.zeroMin(a)).cursor();
        Cursor<? extends RealType<?>> cb = Views.flatIterable(Views.zeroMin(b)).cursor();
        while (ca.hasNext()) {
            assertEquals(ca.next().getRealDouble(), cb.next().getRealDouble());
        }
    }

    @Test
    void paintDensityAndPowerSpectrumTakeImagesMadeByOtherImgLib2Code() {
        D3m sim = D3m.paper(11).withBox(128, 16);
        double box = sim.boxSize();
        RandomAccessibleInterval<FloatType> psi = sim.lpt2();
        RandomAccessibleInterval<FloatType> delta = D3m.paintDensity(psi, box);
        SpectrumRows pk = D3m.powerSpectrum(delta, box);

        // the same displacement as an x-fastest double image, moved by Views.translate
        RandomAccessibleInterval<DoubleType> moved = Views.translate(doubleCopy(psi), 3, -2, 40, 0);
        RandomAccessibleInterval<FloatType> delta2 = D3m.paintDensity(moved, box);
        assertSameImage(delta, delta2);
        assertEquals(pk, D3m.powerSpectrum(delta2, box));

        // a Converters view doubling the density: 4 times the power, bin for bin
        RandomAccessibleInterval<DoubleType> twice = Converters.convert(delta2, (f, dbl) -> dbl.set(2.0 * f.get()), new DoubleType());
        SpectrumRows p4 = D3m.powerSpectrum(twice, box);
        for (int i = 0; i < pk.size(); i++) {
            assertEquals(4 * pk.p()[i], p4.p()[i], 1e-12 * pk.p()[i], "bin " + i);
        }
        assertTrue(pk.p()[0] > 0);

        // only bins with modes, each at its modes' mean k: the first row is the fundamental 2 pi / L = 0.049 h/Mpc,
        // not the empty bins' centres 0.01 and 0.03 with P = 0 (the power-spectrum CSV's rows, see
        // GeneratorCommandsTest.powerSpectrumCsvHasTheScriptingApisRows)
        assertEquals(2 * Math.PI / box, pk.k()[0], 1e-6, "k of the first row");
        for (int i = 0; i < pk.size(); i++) {
            assertTrue(pk.modes()[i] > 0 && pk.p()[i] > 0, "row " + i);
            assertTrue(i == 0 || pk.k()[i] > pk.k()[i - 1], "k ascending");
        }

        // a displacement spectrum in (Mpc/h)^5 and a cross spectrum of a field with itself
        SpectrumRows pd = D3m.powerSpectrum(moved, box, 0.05);
        assertEquals(0.05, pd.dk());
        SpectrumRows cross = D3m.crossSpectrum(psi, moved, box, 0.05);
        assertArrayEquals(pd.k(), cross.k());
        for (int i = 0; i < pd.size(); i++) {
            assertEquals(pd.p()[i], cross.p()[i], 1e-9 * pd.p()[i]);
        }
        // a finer mesh
        assertArrayEquals(new long[] {32, 32, 32}, D3m.paintDensity(psi, box, 2).dimensionsAsLongArray());
    }

    @Test
    void compareGivesThePapersTableAsARecord() {
        D3m sim = D3m.paper(5).withBox(128, 16);
        RandomAccessibleInterval<FloatType> lpt = sim.lpt2();
        Table self = D3m.compare(lpt, doubleCopy(lpt), sim.boxSize(), false);
        assertEquals(java.util.List.of("pointwise", "T(0.11)", "r(0.11)", "T(0.50)", "r(0.50)", "3PCF"), self.columns());
        assertEquals(1.0, self.get("prediction density", "r(0.11)"), 1e-9);
        assertEquals(1.0, self.get("prediction displacement", "T(0.11)"), 1e-9);
        assertEquals(0.0, self.get("prediction displacement", "pointwise"), 1e-9);
        assertTrue(Double.isNaN(self.get("prediction density", "3PCF")), "3PCF off");

        D3m coarse = D3m.paper(5).withBox(128, 8); // 512 particles keep the 3PCF cheap
        Map<String, RandomAccessibleInterval<FloatType>> preds = new LinkedHashMap<>();
        preds.put("ZA", coarse.za());
        preds.put("2LPT", coarse.lpt2());
        Table t = D3m.compare(coarse.lpt2(), preds, coarse.boxSize(), true);
        assertEquals(4, t.rows().size());
        assertEquals("ZA density", t.rows().get(0).label());
        assertTrue(t.get("ZA displacement", "pointwise") > 0);
        double residual = t.get("ZA density", "3PCF");
        assertTrue(residual > 0 && Double.isFinite(residual), "3PCF residual of ZA against 2LPT: " + residual);
        assertTrue(t.toString().contains("2LPT displacement"), t.toString());
        assertError("no column 'T(9)'", () -> t.get("ZA density", "T(9)"));
    }

    @Test
    void aGivenLinearDensityReplacesTheSeed() {
        D3m seeded = D3m.paper(21).withBox(128, 16);
        ArrayImg<DoubleType, DoubleArray> delta = doubleCopy(seeded.linearDensity());
        D3m given = D3m.paper(99).withBox(128, 16).withLinearDensity(delta);
        VectorField a = FieldViews.vector(seeded.za(), 128);
        VectorField b = FieldViews.vector(given.za(), 128);
        double diff = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < a.c()[c].length; i++) {
                diff = Math.max(diff, Math.abs(a.c()[c][i] - b.c()[c][i]));
            }
        }
        assertTrue(diff < 1e-3 * a.rms(), "ZA from the given field equals the seeded one: " + diff);
        assertNotEquals(a.rms(), FieldViews.vector(D3m.paper(99).withBox(128, 16).za(), 128).rms());
    }

    @Test
    void setupsAreImmutableAndErrorsAreOneLine() {
        D3m a = D3m.paper(1);
        D3m b = a.withBox(64, 8).withSeed(2).withKernel("exact").withCosmology(2e-9, 0.96, 0.7, 0.3, 0.05)
                .withSigma8(0.8).withThreads(1);
        assertEquals(128, a.boxSize());
        assertEquals(32, a.grid());
        assertEquals(64, b.boxSize());
        assertEquals(8, b.grid());
        assertEquals("exact", b.setup().kernel().key());
        assertEquals(0.8, b.setup().sigma8());
        assertEquals(0.3, b.setup().cosmology().omegaM());
        assertTrue(b.toString().contains("seed 2"), b.toString());
        assertError("grid must be even", () -> a.withBox(128, 7));
        assertError("kernel must be fastpm or exact", () -> a.withKernel("spectral"));
        assertError("pk_file nowhere.txt does not exist", () -> a.withPowerTable("nowhere.txt"));
        assertError("the linear density is 8^3 but the grid is 32", () -> a.withLinearDensity(ArrayImgs.floats(8, 8, 8)));
        assertError("redshift must be in [0, 1000], got -1", () -> a.za(-1));
        assertError("4 axes (x, y, z, c), got 3", () -> D3m.paintDensity(ArrayImgs.floats(8, 8, 8), 128));
        assertError("mesh_factor must be in 1..8", () -> D3m.paintDensity(ArrayImgs.floats(8, 8, 8, 3), 128, 9));
        assertError("3 axes (x, y, z), got 2", () -> D3m.powerSpectrum(ArrayImgs.floats(8, 8), 128));
        assertError("differently shaped images: 8x8x8 and 8x8x8x3",
                () -> D3m.crossSpectrum(ArrayImgs.floats(8, 8, 8), ArrayImgs.floats(8, 8, 8, 3), 128, 0.02));
        assertError("no prediction to compare", () -> D3m.compare(ArrayImgs.floats(8, 8, 8, 3), Map.of(), 128, false));
        assertError("no model weights file given", () -> D3m.loadModel(""));
        // inputs pass the same checks as files: finite values, |Psi| <= L
        RandomAccessibleInterval<FloatType> bad = ArrayImgs.floats(8, 8, 8, 3);
        bad.randomAccess().setPositionAndGet(0, 0, 1, 2).set(Float.NaN);
        assertError("the displacement has a non-finite value (component 2, index 1)", () -> D3m.paintDensity(bad, 128));
        bad.randomAccess().setPositionAndGet(0, 0, 1, 2).set(500f);
        assertError("the displacement has a displacement |Psi| = 500.0 Mpc/h (index 1) larger than the box",
                () -> D3m.paintDensity(bad, 128));
        RandomAccessibleInterval<FloatType> inf = ArrayImgs.floats(8, 8, 8);
        inf.randomAccess().setPositionAndGet(1, 0, 0).set(Float.POSITIVE_INFINITY);
        assertError("the field has a non-finite value (index 64)", () -> D3m.powerSpectrum(inf, 128));
    }
}
