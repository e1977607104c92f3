package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field inputs the core reads itself: .npy files and C FastPM directories, with plain Java only. */
class FieldInputsTest {

    @TempDir
    Path dir;

    private static ScalarField ramp(Box box) {
        float[] d = new float[box.cells()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.sin(0.37 * i);
        }
        return new ScalarField(box, d);
    }

    @Test
    void formatsByExtension() {
        assertSame(FieldInputs.Format.TIFF, FieldInputs.format(Path.of("a/B.TIF")));
        assertSame(FieldInputs.Format.TIFF, FieldInputs.format(Path.of("b.tiff")));
        assertSame(FieldInputs.Format.NPY, FieldInputs.format(Path.of("c.npy")));
        assertEquals("'d.png': unknown field file type; use .tif, .tiff or .npy",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.format(Path.of("d.png"))).getMessage());
    }

    @Test
    void npyScalarAndVectorWithTheirKindFromTheShape() throws IOException {
        Box box = new Box(32, 4);
        ScalarField s = ramp(box);
        VectorField v = new VectorField(box, new float[][] {s.data(), new float[box.cells()], s.data()});
        Path sp = dir.resolve("delta.npy");
        Path vp = dir.resolve("psi.npy");
        Npy.write(sp, s);
        Npy.write(vp, v);
        assertArrayEquals(s.data(), FieldInputs.scalar(sp, 32).data());
        assertEquals(box, FieldInputs.scalar(sp, 32).box());
        assertArrayEquals(v.z(), FieldInputs.vector(vp, 32).z());
        assertInstanceOf(ScalarField.class, FieldInputs.field(sp, 32));
        assertInstanceOf(VectorField.class, FieldInputs.field(vp, 32));
        assertArrayEquals(new int[] {3, 4, 4, 4}, Npy.readShape(vp));

        assertEquals("psi.npy: a .npy file has no box size; give box_size (Mpc/h)",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.vector(vp, 0)).getMessage());
        assertEquals("box_size must be a positive number of Mpc/h, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.scalar(sp, -1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldInputs.scalar(vp, 32)).getMessage()
                .contains("a scalar field needs a cube (n, n, n)"));
        assertEquals("input '" + dir.resolve("nope.npy") + "' is not an existing file or directory",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.scalar(dir.resolve("nope.npy"), 32)).getMessage());
        Path tif = Files.writeString(dir.resolve("x.tif"), "not read here");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldInputs.scalar(tif, 32)).getMessage()
                .contains("a TIFF field is read through ImageJ"));
    }

    @Test
    void nonFiniteValuesAndTooLargeDisplacementsAreRefused() throws IOException {
        Box box = new Box(32, 4);
        ScalarField s = ramp(box);
        s.data()[5] = Float.NaN;
        Path sp = dir.resolve("nan.npy");
        Npy.write(sp, s);
        assertEquals("nan.npy has a non-finite value (index 5)",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.scalar(sp, 32)).getMessage());
        float[] big = new float[box.cells()];
        big[0] = 100;  // beyond a 32 Mpc/h box
        Path vp = dir.resolve("big.npy");
        Npy.write(vp, new VectorField(box, new float[][] {big, new float[box.cells()], new float[box.cells()]}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldInputs.vector(vp, 32)).getMessage()
                .startsWith("big.npy"));
    }

    @Test
    void linearDensityFromNpyOrAFastPmIcDirectoryMustMatchGridAndBox() throws IOException {
        Box box = new Box(50, 8);
        ScalarField delta = ramp(box);
        Path npy = dir.resolve("lin.npy");
        Npy.write(npy, delta);
        assertArrayEquals(delta.data(), FieldInputs.linearDensity(npy, 50, 8, 1).data());
        assertEquals("linear_input '" + npy + "' has grid 8 but grid=16; pass grid=8",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.linearDensity(npy, 50, 16, 1)).getMessage());

        Path ic = FastPmFilesTest.writeIc(dir.resolve("IC"), delta, 50);
        ScalarField fromIc = FieldInputs.linearDensity(ic, 50, 8, 1);
        for (int i = 0; i < delta.data().length; i++) {
            assertEquals(delta.data()[i], fromIc.data()[i], 1e-5);
        }
        assertEquals(box, ((ScalarField) FieldInputs.field(ic, 0)).box(), "an IC directory is a scalar input, its own BoxSize");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldInputs.linearDensity(ic, 64, 8, 1)).getMessage()
                .contains("pass box_size=50.0"));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals("linear_input '" + empty + "' is a directory but not a FastPM IC directory (no LinearDensityK block)",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.linearDensity(empty, 50, 8, 1)).getMessage());
        assertEquals("input '" + empty + "' is a directory but not a FastPM snapshot (no 1/Position and 1/ID blocks)",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.vector(empty, 50)).getMessage());

        ScalarField inf = ramp(box);
        inf.data()[7] = Float.POSITIVE_INFINITY;
        assertEquals("linear_input 'x': non-finite value (index 7)",
                assertThrows(IllegalArgumentException.class, () -> FieldInputs.requireLinearDensity(inf, "x", 8, 50)).getMessage());
    }

    @Test
    void provenanceComesFromTheSidecarOrIsEmpty() throws IOException {
        Path npy = dir.resolve("d.npy");
        Npy.write(npy, ramp(new Box(8, 2)));
        assertTrue(FieldInputs.provenance(npy).isEmpty(), "no sidecar");
        Provenance.of("ZA displacement").put("seed", 42).writeSidecar(npy);
        assertEquals(List.of("what", "version", "created", "seed"), List.copyOf(FieldInputs.provenance(npy).keySet()));
        assertEquals("ZA displacement", FieldInputs.provenance(npy).get("what"));
        Files.writeString(Provenance.sidecarOf(npy), "{\"what\": [");
        assertTrue(FieldInputs.provenance(npy).isEmpty(), "an unreadable sidecar says nothing");
        assertTrue(FieldInputs.provenance(dir).isEmpty(), "a directory has no sidecar");
    }
}
