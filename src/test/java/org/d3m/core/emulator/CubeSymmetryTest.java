package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

/**
 * The 48 cube symmetries map a valid (input, target) pair to a valid pair: for a random potential
 * phi, input = ZA displacement -grad phi and target = a second-order-like displacement
 * -grad(phi) - c grad(mu2(phi)) with mu2 = sum_{a&lt;b} (phi_aa phi_bb - phi_ab^2) (the 2LPT source),
 * all by finite differences. The transformed pair must equal the pair made from the transformed
 * potential.
 */
class CubeSymmetryTest {

    static final int N = 8;
    static final double CELL = 4.0;

    @Test
    void symmetryOfAPairIsThePairOfTheTransformedPotential() {
        Box box = new Box(N * CELL, N);
        ScalarField phi = randomField(box, 42);
        VectorField[] pair = pair(phi);
        for (int s = 0; s < CubeSymmetry.COUNT; s++) {
            CubeSymmetry sym = CubeSymmetry.of(s);
            VectorField[] want = pair(sym.apply(phi));
            for (int f = 0; f < 2; f++) {
                VectorField got = sym.apply(pair[f]);
                for (int a = 0; a < 3; a++) {
                    for (int i = 0; i < box.cells(); i++) {
                        assertEquals(want[f].c()[a][i], got.c()[a][i], 1e-5 * (1 + Math.abs(want[f].c()[a][i])),
                                sym + " field " + f + " component " + a);
                    }
                }
            }
        }
    }

    @Test
    void the48SymmetriesAreDistinctAndZeroIsTheIdentity() {
        Box box = new Box(N * CELL, N);
        VectorField v = new VectorField(box, new float[][] {
            randomField(box, 1).data(), randomField(box, 2).data(), randomField(box, 3).data()});
        Set<Integer> hashes = new HashSet<>();
        for (int s = 0; s < CubeSymmetry.COUNT; s++) {
            VectorField t = CubeSymmetry.of(s).apply(v);
            hashes.add(java.util.Arrays.deepHashCode(t.c()));
            if (s == 0) {
                assertEquals(java.util.Arrays.deepHashCode(v.c()), java.util.Arrays.deepHashCode(t.c()));
            }
        }
        assertEquals(48, hashes.size());
        assertThrows(IllegalArgumentException.class, () -> CubeSymmetry.of(48));
    }

    @Test
    void inverseUndoesEachSymmetryAndTheAveragingOrderHoldsAll48() {
        Box box = new Box(N * CELL, N);
        VectorField v = new VectorField(box, new float[][] {
            randomField(box, 4).data(), randomField(box, 5).data(), randomField(box, 6).data()});
        Set<Integer> order = new HashSet<>();
        for (int s = 0; s < CubeSymmetry.COUNT; s++) {
            CubeSymmetry sym = CubeSymmetry.of(s);
            VectorField back = sym.inverse().apply(sym.apply(v));
            VectorField forth = sym.apply(sym.inverse().apply(v));
            for (int a = 0; a < 3; a++) {
                assertArrayEquals(v.c()[a], back.c()[a], sym + " then its inverse " + sym.inverse());
                assertArrayEquals(v.c()[a], forth.c()[a], sym + " after its inverse " + sym.inverse());
            }
            order.add(CubeSymmetry.averaging(s).index());
        }
        assertEquals(48, order.size());
        assertEquals(0, CubeSymmetry.averaging(0).index(), "the average starts with the network itself");
        assertThrows(IllegalArgumentException.class, () -> CubeSymmetry.averaging(48));
    }

    static ScalarField randomField(Box box, long seed) {
        Random r = new Random(seed);
        float[] d = new float[box.cells()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return new ScalarField(box, d);
    }

    /** {ZA = -grad phi, target = -grad phi - 0.1 grad mu2} by central differences. */
    static VectorField[] pair(ScalarField phi) {
        Box box = phi.box();
        float[] mu2 = mu2(phi.data(), box.n(), box.cell());
        VectorField za = minusGrad(phi.data(), box);
        VectorField g2 = minusGrad(mu2, box);
        float[][] t = new float[3][box.cells()];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < box.cells(); i++) {
                t[a][i] = za.c()[a][i] + 0.1f * g2.c()[a][i];
            }
        }
        return new VectorField[] {za, new VectorField(box, t)};
    }

    static VectorField minusGrad(float[] f, Box box) {
        int n = box.n();
        float[][] g = new float[3][box.cells()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    int o = box.index(i, j, k);
                    g[0][o] = (float) (-(f[TestSources.idx(i + 1, j, k, n)] - f[TestSources.idx(i - 1, j, k, n)]) / (2 * box.cell()));
                    g[1][o] = (float) (-(f[TestSources.idx(i, j + 1, k, n)] - f[TestSources.idx(i, j - 1, k, n)]) / (2 * box.cell()));
                    g[2][o] = (float) (-(f[TestSources.idx(i, j, k + 1, n)] - f[TestSources.idx(i, j, k - 1, n)]) / (2 * box.cell()));
                }
            }
        }
        return new VectorField(box, g);
    }

    /** sum_{a<b} (phi_aa phi_bb - phi_ab^2) by second differences. */
    static float[] mu2(float[] f, int n, double h) {
        float[] out = new float[f.length];
        int[][] e = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    double[][] d = new double[3][3];
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            if (a == b) {
                                d[a][a] = (v(f, n, i, j, k, e[a], 1) - 2 * f[TestSources.idx(i, j, k, n)]
                                        + v(f, n, i, j, k, e[a], -1)) / (h * h);
                            } else {
                                d[a][b] = (v2(f, n, i, j, k, e[a], 1, e[b], 1) - v2(f, n, i, j, k, e[a], 1, e[b], -1)
                                        - v2(f, n, i, j, k, e[a], -1, e[b], 1) + v2(f, n, i, j, k, e[a], -1, e[b], -1))
                                        / (4 * h * h);
                            }
                        }
                    }
                    out[TestSources.idx(i, j, k, n)] = (float) (d[0][0] * d[1][1] + d[1][1] * d[2][2] + d[2][2] * d[0][0]
                            - d[0][1] * d[0][1] - d[1][2] * d[1][2] - d[0][2] * d[0][2]);
                }
            }
        }
        return out;
    }

    static double v(float[] f, int n, int i, int j, int k, int[] e, int s) {
        return f[TestSources.idx(i + s * e[0], j + s * e[1], k + s * e[2], n)];
    }

    static double v2(float[] f, int n, int i, int j, int k, int[] e, int s, int[] g, int t) {
        return f[TestSources.idx(i + s * e[0] + t * g[0], j + s * e[1] + t * g[1], k + s * e[2] + t * g[2], n)];
    }
}
