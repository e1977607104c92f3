package org.d3m.core.emulator;

import java.util.Random;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;

/** Synthetic sample sources that need no simulation. */
final class TestSources {

    private TestSources() {
    }

    /**
     * Input: white Gaussian noise (unit variance per component); target: a fixed linear periodic
     * filter, the 7-point mean (centre and 6 neighbours) plus half the input. Covariant under the cube
     * symmetries. Identity-map MSE = 1/4, zero-map MSE = 1/7 + 1/7 + 1/4 ~ 0.54.
     */
    static SampleSource smoothing(int n, double boxSize) {
        Box box = new Box(boxSize, n);
        return seed -> {
            Random r = new Random(seed);
            float[][] x = new float[3][box.cells()];
            for (float[] c : x) {
                for (int i = 0; i < c.length; i++) {
                    c[i] = (float) r.nextGaussian();
                }
            }
            float[][] y = new float[3][];
            for (int a = 0; a < 3; a++) {
                y[a] = filter(x[a], n);
            }
            VectorField za = new VectorField(box, x);
            VectorField t = new VectorField(box, y);
            return new Sample(za, t, new VectorField(box, new float[][] {y[0].clone(), y[1].clone(), y[2].clone()}));
        };
    }

    static float[] filter(float[] v, int n) {
        float[] out = new float[v.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    double s = v[idx(i, j, k, n)] + v[idx(i + 1, j, k, n)] + v[idx(i - 1, j, k, n)]
                            + v[idx(i, j + 1, k, n)] + v[idx(i, j - 1, k, n)] + v[idx(i, j, k + 1, n)]
                            + v[idx(i, j, k - 1, n)];
                    out[idx(i, j, k, n)] = (float) (s / 7 + 0.5 * v[idx(i, j, k, n)]);
                }
            }
        }
        return out;
    }

    static int idx(int i, int j, int k, int n) {
        return (Math.floorMod(i, n) * n + Math.floorMod(j, n)) * n + Math.floorMod(k, n);
    }
}
