package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.d3m.core.field.Box;
import org.junit.jupiter.api.Test;

/** The FFT mesh estimator against the pair count, analytic cases, and thread-count invariance. */
class MeshThreePointTest {

    private static float[] lognormal(int n, long seed) {
        Random r = new Random(seed);
        float[] f = new float[n * n * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) Math.exp(0.6 * r.nextGaussian());
        }
        return f;
    }

    /** The mesh nodes as weighted particles: node j at j L/n, weight f(j). */
    private static Multipoles pairCount(Box mesh, float[] f, double rMax, int bins, int lmax) {
        int n = mesh.n();
        int np = n * n * n;
        double[][] p = new double[4][np];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    int i = (ix * n + iy) * n + iz;
                    p[0][i] = ix * mesh.cell();
                    p[1][i] = iy * mesh.cell();
                    p[2][i] = iz * mesh.cell();
                    p[3][i] = f[i];
                }
            }
        }
        return new ThreePoint(mesh.size(), rMax, bins, lmax, 2).compute(p[0], p[1], p[2], p[3]);
    }

    @Test
    void equalsThePairCountOnTheMeshNodes() {
        Box mesh = new Box(64, 16);
        float[] f = lognormal(16, 3);
        Multipoles want = pairCount(mesh, f, 24, 6, 5);
        Multipoles got = new MeshThreePoint(mesh, 24, 6, 5, 2).compute(f);
        assertArrayEquals(want.binEdges(), got.binEdges());
        double scale = Math.abs(want.get(0, 5, 5));
        for (int l = 0; l <= 5; l++) {
            for (int b1 = 0; b1 < 6; b1++) {
                for (int b2 = 0; b2 < 6; b2++) {
                    double w = want.get(l, b1, b2);
                    // float FFTs: relative 1e-5 of the value, or of the largest value for near-zero ones
                    assertEquals(w, got.get(l, b1, b2), 1e-5 * Math.abs(w) + 2e-6 * scale, "l=" + l + " b=" + b1 + "," + b2);
                }
            }
        }
    }

    @Test
    void rMaxOfHalfTheBoxCountsTheAxisOffsetOnce() {
        Box mesh = new Box(32, 8);
        float[] f = lognormal(8, 11);
        Multipoles want = pairCount(mesh, f, 16, 4, 4);
        Multipoles got = new MeshThreePoint(mesh, 16, 4, 4, 1).compute(f);
        double scale = Math.abs(want.get(0, 3, 3));
        for (int l = 0; l <= 4; l++) {
            for (int b1 = 0; b1 < 4; b1++) {
                for (int b2 = 0; b2 < 4; b2++) {
                    double w = want.get(l, b1, b2);
                    assertEquals(w, got.get(l, b1, b2), 1e-5 * Math.abs(w) + 2e-6 * scale);
                }
            }
        }
    }

    /** Two nodes u apart: only zeta_l(b, b) of u's bin, = f0 f1 (f0 + f1) P_l(1) for every l. */
    @Test
    void twoNodesGiveTheirDiagonalTermOnly() {
        Box mesh = new Box(64, 16);
        float[] f = new float[16 * 16 * 16];
        f[mesh.index(2, 3, 4)] = 2;
        f[mesh.index(4, 3, 5)] = 3; // u = (2, 0, 1) cells = 8.94 Mpc/h, bin (8, 12] of 0..24 in 6
        Multipoles m = new MeshThreePoint(mesh, 24, 6, 4, 2).compute(f);
        for (int l = 0; l <= 4; l++) {
            for (int b1 = 0; b1 < 6; b1++) {
                for (int b2 = 0; b2 < 6; b2++) {
                    double want = b1 == 2 && b2 == 2 ? 2 * 3 * (2 + 3) : 0;
                    assertEquals(want, m.get(l, b1, b2), 1e-4, "l=" + l + " b=" + b1 + "," + b2);
                }
            }
        }
    }

    /** A uniform field: zeta_0 = n^3 N_b1 N_b2 (offset counts per shell), zeta_2 = 0 by cubic symmetry. */
    @Test
    void uniformFieldCountsShellOffsets() {
        Box mesh = new Box(64, 16);
        float[] f = new float[16 * 16 * 16];
        java.util.Arrays.fill(f, 1);
        MeshThreePoint tp = new MeshThreePoint(mesh, 24, 6, 4, 2);
        Multipoles m = tp.compute(f);
        long[] count = new long[6];
        for (int i = -6; i <= 6; i++) {
            for (int j = -6; j <= 6; j++) {
                for (int k = -6; k <= 6; k++) {
                    double r = 4 * Math.sqrt(i * i + j * j + k * k);
                    if (r > 0 && r <= 24) {
                        count[(int) Math.ceil(r / 4) - 1]++;
                    }
                }
            }
        }
        long total = 0;
        for (int b1 = 0; b1 < 6; b1++) {
            total += count[b1];
            for (int b2 = 0; b2 < 6; b2++) {
                double want = 4096.0 * count[b1] * count[b2];
                assertEquals(want, m.get(0, b1, b2), 1e-5 * want);
                assertEquals(0, m.get(2, b1, b2), 1e-5 * want);
                assertEquals(0, m.get(1, b1, b2), 1e-5 * want);
            }
        }
        assertEquals(total, tp.offsets());
    }

    @Test
    void identicalWhateverTheThreadCount() {
        Box mesh = new Box(64, 16);
        float[] f = lognormal(16, 5);
        Multipoles one = new MeshThreePoint(mesh, 24, 6, 4, 1).compute(f);
        for (int t : new int[] {2, 3, 5}) {
            Multipoles m = new MeshThreePoint(mesh, 24, 6, 4, t).compute(f);
            for (int l = 0; l <= 4; l++) {
                for (int b = 0; b < 6; b++) {
                    assertArrayEquals(one.zeta()[l][b], m.zeta()[l][b], "threads " + t);
                }
            }
        }
    }

    @Test
    void badInputIsOneLineError() {
        Box mesh = new Box(64, 16);
        assertThrows(IllegalArgumentException.class, () -> new MeshThreePoint(mesh, 33, 6, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new MeshThreePoint(mesh, 20, 0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new MeshThreePoint(mesh, 20, 4, -1, 1));
        MeshThreePoint tp = new MeshThreePoint(mesh, 20, 4, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> tp.compute(new float[10]));
        float[] bad = new float[16 * 16 * 16];
        bad[7] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tp.compute(bad));
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}
