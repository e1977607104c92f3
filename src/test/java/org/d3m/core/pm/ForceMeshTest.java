package org.d3m.core.pm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

/** The fused force pipeline ({@link LaneForce}) against the step-by-step one on {@code Fft}. */
class ForceMeshTest {

    private static final double OM = 0.3089;

    private static VectorField displacement(Box box, double amplitude, long seed) {
        Random r = new Random(seed);
        VectorField v = VectorField.zeros(box);
        for (float[] c : v.c()) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (amplitude * r.nextGaussian());
            }
        }
        return v;
    }

    private static double rmsRelative(float[] a, float[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += Math.pow(a[i] - ref[i], 2);
            den += Math.pow(ref[i], 2);
        }
        return Math.sqrt(num / den);
    }

    @Test
    void fusedPipelineEqualsTheStepByStepForceToFloatRounding() {
        for (double offset : new double[] {0, 0.5}) {
            for (int factor : new int[] {1, 2, 4}) {
                Box box = new Box(64, 16);
                VectorField x = displacement(box, 3, 11 + factor);
                float[][] fused = new float[3][box.cells()];
                float[][] plain = new float[3][box.cells()];
                ForceMesh f = new ForceMesh(box, factor, OM, 2, false, offset, true);
                assertEquals(6, f.steps().size(), "fused pipeline in use");
                f.forces(x, fused);
                ForceMesh p = new ForceMesh(box, factor, OM, 2, false, offset, false);
                assertEquals(1, p.steps().size(), "step-by-step pipeline in use");
                p.forces(x, plain);
                for (int d = 0; d < 3; d++) {
                    double e = rmsRelative(fused[d], plain[d]);
                    assertTrue(e < 2e-6, "offset " + offset + ", B = " + factor + ", axis " + d + ": " + e);
                }
            }
        }
    }

    @Test
    void fusedForceIsBitIdenticalForAnyThreadCountAndRepeatable() {
        Box box = new Box(100, 16);
        VectorField x = displacement(box, 5, 3);
        float[][] one = new float[3][box.cells()];
        float[][] three = new float[3][box.cells()];
        ForceMesh f1 = new ForceMesh(box, 2, OM, 1, false, 0);
        f1.forces(x, one);
        new ForceMesh(box, 2, OM, 3, false, 0).forces(x, three);
        float[][] again = new float[3][box.cells()];
        double[] seconds = new double[f1.steps().size()];
        f1.forces(x, again, seconds);
        for (int d = 0; d < 3; d++) {
            assertArrayEquals(one[d], three[d], "axis " + d);
            assertArrayEquals(one[d], again[d], "axis " + d + ", second call on the same mesh");
        }
        for (double s : seconds) {
            assertTrue(s >= 0);
        }
    }

    @Test
    void meshesThatAreNotPowersOfTwoUseTheStepByStepPipeline() {
        Box box = new Box(60, 12);
        ForceMesh f = new ForceMesh(box, 2, OM, 2, false, 0);
        assertEquals(1, f.steps().size());
        float[][] out = new float[3][box.cells()];
        double[] seconds = new double[1];
        f.forces(displacement(box, 2, 5), out, seconds);
        assertTrue(seconds[0] > 0);
    }
}
