package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PeriodicPad} against a direct periodic index, and its gradient against the analytic one:
 * the gradient of sum(w * pad(x)) with respect to x is w folded back onto the periodic images.
 */
class PeriodicPadTest {

    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = DjlRuntime.engine().newBaseManager(ai.djl.Device.cpu());
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** Arrays are (2, 3, 4, 5, 6): unequal axes, so that a mixed-up axis shows. */
    @Test
    void paddedValuesAreThePeriodicImages() {
        int[][] cases = {{1, 1}, {0, 1}, {1, 0}, {2, 3}, {3, 2}, {4, 4}, {0, 0}};
        for (int[] c : cases) {
            int lo = c[0];
            int hi = c[1];
            try (NDManager sub = manager.newSubManager()) {
                float[] v = ramp();
                NDArray x = sub.create(v, new Shape(2, 3, 4, 5, 6));
                float[] got = PeriodicPad.pad(x, lo, hi).toFloatArray();
                assertArrayEquals(reference(v, lo, hi), got, "lo " + lo + " hi " + hi);
            }
        }
    }

    @Test
    void gradientIsTheWeightFoldedOntoThePeriodicImages() {
        int lo = 1;
        int hi = 2;
        try (NDManager sub = manager.newSubManager()) {
            float[] v = ramp();
            NDArray x = sub.create(v, new Shape(2, 3, 4, 5, 6));
            x.setRequiresGradient(true);
            int pd = 4 + lo + hi;
            int ph = 5 + lo + hi;
            int pw = 6 + lo + hi;
            float[] w = new float[2 * 3 * pd * ph * pw];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) Math.sin(0.37 * i + 0.1); // distinct weights per padded voxel
            }
            NDArray wa = sub.create(w, new Shape(2, 3, pd, ph, pw));
            try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
                NDArray loss = PeriodicPad.pad(x, lo, hi).mul(wa).sum();
                gc.backward(loss);
            }
            float[] grad = x.getGradient().toFloatArray();
            double[] expect = new double[v.length];
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < pd; i++) {
                        for (int j = 0; j < ph; j++) {
                            for (int k = 0; k < pw; k++) {
                                int src = index(b, c, Math.floorMod(i - lo, 4), Math.floorMod(j - lo, 5),
                                        Math.floorMod(k - lo, 6), 4, 5, 6);
                                expect[src] += w[index(b, c, i, j, k, pd, ph, pw)];
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < grad.length; i++) {
                assertEquals(expect[i], grad[i], 1e-5, "voxel " + i);
            }
        }
    }

    @Test
    void leadingVoxelsAreAViewOrTheArrayItself() {
        try (NDManager sub = manager.newSubManager()) {
            float[] v = ramp();
            NDArray x = sub.create(v, new Shape(2, 3, 4, 5, 6));
            NDList owned = new NDList();
            assertSame(x, PeriodicPad.leading(x, 3, 5, owned));
            assertEquals(0, owned.size());
            float[] got = PeriodicPad.leading(x, 4, 2, owned).toFloatArray();
            float[] expect = new float[2 * 3 * 4 * 5 * 2];
            int m = 0;
            for (int i = 0; i < v.length; i++) {
                if (i % 6 < 2) {
                    expect[m++] = v[i];
                }
            }
            assertArrayEquals(expect, got);
            owned.close();
            assertThrows(IllegalArgumentException.class, () -> PeriodicPad.leading(x, 2, 5, new NDList()));
            assertThrows(IllegalArgumentException.class, () -> PeriodicPad.pad(x, 5, 0));
        }
    }

    static float[] ramp() {
        float[] v = new float[2 * 3 * 4 * 5 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return v;
    }

    static int index(int b, int c, int i, int j, int k, int nd, int nh, int nw) {
        return (((b * 3 + c) * nd + i) * nh + j) * nw + k;
    }

    static float[] reference(float[] v, int lo, int hi) {
        int pd = 4 + lo + hi;
        int ph = 5 + lo + hi;
        int pw = 6 + lo + hi;
        float[] out = new float[2 * 3 * pd * ph * pw];
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < pd; i++) {
                    for (int j = 0; j < ph; j++) {
                        for (int k = 0; k < pw; k++) {
                            out[index(b, c, i, j, k, pd, ph, pw)] = v[index(b, c, Math.floorMod(i - lo, 4),
                                    Math.floorMod(j - lo, 5), Math.floorMod(k - lo, 6), 4, 5, 6)];
                        }
                    }
                }
            }
        }
        return out;
    }
}
