package org.d3m.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.d3m.api.D3m;
import org.d3m.api.FieldViews;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.NetSession;
import org.d3m.core.emulator.WeightsFile;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.ij.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

/**
 * Commands run the way a script runs them (with SciJava's pre- and postprocessors, as
 * {@code CommandService.run(class, true, key, value, ...)}): ImgLib2 images in ({@code *_img} inputs) and out
 * ({@code *_img} outputs, views of the ImagePlus outputs).
 */
class ImgCommandsTest {

    private static Context context;

    @BeforeAll
    static void context() {
        context = new Context(CommandService.class);
    }

    @AfterAll
    static void dispose() {
        context.dispose();
    }

    /**
     * Runs a command with SciJava's pre- and postprocessors, as {@code cs.run(class, true, ...)} does,
     * but with every text key set (its default unless given), so that values SciJava persisted from
     * earlier runs cannot leak in. Errors come back as the command threw them.
     */
    static Module run(Class<?> c, Object... keyValues) {
        CommandInfo info = Commands.byClass(context, c.getName());
        Map<String, Object> text = new LinkedHashMap<>();
        Map<String, Object> imgs = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            (keyValues[i + 1] instanceof RandomAccessibleInterval ? imgs : text).put((String) keyValues[i], keyValues[i + 1]);
        }
        Map<String, Object> values = new LinkedHashMap<>(Commands.complete(info, text));
        values.putAll(imgs);
        return Commands.run(context, info, values);
    }

    @SuppressWarnings("unchecked")
    static RandomAccessibleInterval<FloatType> img(Module m, String name) {
        return (RandomAccessibleInterval<FloatType>) m.getOutput(name);
    }

    @Test
    void generatorsGiveViewsOfTheirImagePlusOutputs() {
        Module m = run(LptCommand.class, "box_size", 64.0, "grid", 16, "seed", 3L, "order", 1, "threads", 2);
        ImagePlus imp = (ImagePlus) m.getOutput("displacement");
        RandomAccessibleInterval<FloatType> psi = img(m, "displacement_img");
        assertArrayEquals(new long[] {16, 16, 16, 3}, psi.dimensionsAsLongArray());
        psi.randomAccess().setPositionAndGet(2, 3, 4, 1).set(99f);
        assertEquals(99f, imp.getStack().getProcessor(4 * 3 + 1 + 1).getf(2, 3), "the ImgLib2 output shares the stack");
        assertTrue(m.isOutputResolved("displacement_img"), "no second window in Fiji: the view is marked as handled");
        assertFalse(m.isOutputResolved("displacement"), "the ImagePlus is left to the display");
        assertTrue(m.isInputResolved("linear_input_img"), "no image chooser for an unset ImgLib2 input");

        Module ic = run(InitialConditionsCommand.class, "box_size", 64.0, "grid", 16, "seed", 3L, "threads", 2);
        assertArrayEquals(new long[] {16, 16, 16}, img(ic, "density_img").dimensionsAsLongArray());
        assertSame(((ImagePlus) ic.getOutput("density")).getStack().getPixels(1),
                ((net.imglib2.img.planar.PlanarImg<?, ?>) img(ic, "density_img")).getPlane(0).getCurrentStorageArray());
    }

    @Test
    void analysisCommandsTakeImgLib2Images() {
        D3m sim = D3m.paper(5).withBox(128, 16).withThreads(2);
        RandomAccessibleInterval<FloatType> psi = sim.lpt2();
        // as Fiji hands images around: moved, not at the origin
        RandomAccessibleInterval<FloatType> moved = Views.translate(psi, 7, 7, 7, 0);

        Module paint = run(PaintDensityCommand.class, "input_img", moved, "box_size", 128.0, "threads", 2);
        RandomAccessibleInterval<FloatType> delta = img(paint, "density_img");
        ScalarField expected = FieldViews.scalar(D3m.paintDensity(psi, 128), 128);
        assertArrayEquals(expected.data(), FieldViews.scalar(delta, 128).data());
        ImagePlus dImp = (ImagePlus) paint.getOutput("density");
        assertEquals("CIC density of ImgLib2 image", dImp.getTitle());
        assertTrue(((String) dImp.getProperty("Info")).contains("input_img = ImgLib2 image 16x16x16x3"), "provenance names it");

        Module ps = run(PowerSpectrumCommand.class, "input_img", delta, "input2_img", delta, "box_size", 128.0);
        ResultsTable t = (ResultsTable) ps.getOutput("table");
        double p1 = t.getValue("P1 [(Mpc/h)^3]", 0);
        double cross = t.getValue("P12 [(Mpc/h)^3]", 0);
        org.d3m.core.analysis.SpectrumRows ref = D3m.powerSpectrum(D3m.paintDensity(psi, 128), 128);
        assertEquals(ref.p()[0], p1, 1e-9 * p1, "the table's first row is the facade's");
        assertEquals(ref.k()[0], t.getValue("k [h/Mpc]", 0), 1e-12);
        assertEquals(p1, cross, 1e-9 * p1);

        Module cmp = run(CompareCommand.class, "truth_img", psi, "prediction_img", moved, "box_size", 128.0,
                "three_point", false, "threads", 2);
        assertTrue(((String) cmp.getOutput("summary")).contains("1.0000"), "a field against itself");
        ij.gui.Plot transfer = (ij.gui.Plot) cmp.getOutput("transfer_plot");   // the paper's Fig. 3, opened in ImageJ
        assertTrue(transfer.getTitle().startsWith("Transfer function T(k) of density"), transfer.getTitle());
        for (float y : transfer.getYValues()) {
            assertTrue(Float.isNaN(y) || Math.abs(y - 1) < 1e-5, "T(k) = 1 for a field against itself: " + y);
        }
        assertTrue(((ij.gui.Plot) cmp.getOutput("stochasticity_plot")).getTitle().startsWith("Stochasticity 1 - r^2 of density"));

        Module tp = run(ThreePointCommand.class, "input_img", psi, "box_size", 128.0, "r_max", 30.0, "bins", 2, "lmax", 1);
        assertTrue(((String) tp.getOutput("summary")).contains("of 4096 particles"));

        // an ImgLib2 image has no calibration: box_size must be given
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(PaintDensityCommand.class, "input_img", psi));
        assertTrue(e.getMessage().contains("carries no calibration; give box_size"), e.getMessage());
        RandomAccessibleInterval<FloatType> nan = net.imglib2.img.array.ArrayImgs.floats(16, 16, 16, 3);
        nan.randomAccess().setPositionAndGet(0, 0, 0, 1).set(Float.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> run(PaintDensityCommand.class, "input_img", nan, "box_size", 128.0));
        assertTrue(e.getMessage().contains("the ImgLib2 image has a non-finite value (component 1, index 0)"), e.getMessage());
    }

    @Test
    void reproduceTableGivesATableAndTheFigure3Plots(@org.junit.jupiter.api.io.TempDir Path dir) {
        // issue 26: in ImageJ, Reproduce Table printed Markdown into the Log and opened nothing
        Module m = run(ReproduceTableCommand.class, "box_size", 64.0, "grid", 16, "steps", 2, "threads", 2, "seeds", 2,
                "seed", 2000L, "three_point_seeds", 0, "cosmologies", "trained", "device", "cpu",
                "model", org.d3m.testfixtures.TinyModel.weights().toFile(), "output_dir", dir.resolve("t").toFile());
        ResultsTable t = (ResultsTable) m.getOutput("table");
        assertEquals(6, t.size(), "ZA, 2LPT and D3M, density and displacement");
        assertEquals("trained D3M displacement", t.getLabel(5));
        assertTrue(t.getValue("pointwise", 5) > 0, "the point-wise error of D3M");
        assertTrue(Double.isNaN(t.getValue("pointwise", 4)), "no point-wise error on a density row: an empty cell");
        assertTrue(((ij.gui.Plot) m.getOutput("transfer_plot")).getTitle().startsWith("Transfer function T(k) of density"));
        assertTrue(((ij.gui.Plot) m.getOutput("stochasticity_plot")).getTitle().startsWith("Stochasticity"));
    }

    @Test
    void generatorsTakeALinearDensityImage() {
        Module ic = run(InitialConditionsCommand.class, "box_size", 64.0, "grid", 16, "seed", 8L, "threads", 2);
        RandomAccessibleInterval<FloatType> delta = img(ic, "density_img");
        Module seeded = run(LptCommand.class, "box_size", 64.0, "grid", 16, "seed", 8L, "order", 2);
        Module given = run(LptCommand.class, "box_size", 64.0, "grid", 16, "seed", 1L, "order", 2, "linear_input_img", delta);
        VectorField a = displacement(seeded);
        VectorField b = displacement(given);
        assertEquals(a.rms(), b.rms(), 1e-4 * a.rms(), "2LPT of the given field is the seeded one");
        assertTrue(((ImagePlus) given.getOutput("displacement")).getTitle().contains("linear_input_img"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(LptCommand.class, "grid", 32, "linear_input_img", delta));
        assertTrue(e.getMessage().contains("linear_input_img is 16^3 but grid=32"), e.getMessage());
    }

    @Test
    void emulateTakesAZaImage(@TempDir Path dir) {
        Path weights = dir.resolve("tiny.d3mw");
        try (NetSession s = NetSession.create(4, false, 21, Device.cpu())) {
            WeightsFile.save(weights, s.net(), new ModelMeta(4, 16, 4.0, false, Map.of("dataset.kernel", "fastpm")));
        }
        Module fromSeed = run(EmulateCommand.class, "model", weights.toFile(), "box_size", 64.0, "grid", 16, "seed", 5L,
                "device", "cpu");
        RandomAccessibleInterval<FloatType> za = D3m.paper(5).withBox(64, 16).za();
        Module fromImg = run(EmulateCommand.class, "model", weights.toFile(), "input_img", za, "box_size", 64.0,
                "device", "cpu");
        VectorField a = FieldViews.vector(img(fromSeed, "displacement_img"), 64);
        VectorField b = FieldViews.vector(img(fromImg, "displacement_img"), 64);
        assertTrue(a.rms() > 0);
        assertEquals(a.rms(), b.rms(), 1e-5 * a.rms());
    }

    @Test
    void helpLeavesTheScriptOnlyItemsOut() {
        GeneratorCommandsTest.Result r = GeneratorCommandsTest.cli("help", "paint-density");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("_img"), r.out());
        assertTrue(r.out().contains("outputs: density (ImageJ only), log_density (ImageJ only), summary (printed)"), r.out());
        r = GeneratorCommandsTest.cli("paint-density", "input_img=x");
        assertTrue(r.err().contains("unknown key 'input_img'"), r.err());
    }

    private static VectorField displacement(Module m) {
        return FieldViews.vector(img(m, "displacement_img"), 64);
    }

}
