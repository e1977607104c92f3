package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Analytic and invariance checks of {@link ThreePoint} (the nbodykit vector is in ThreePointReferenceTest). */
class ThreePointTest {

    private static double[][] randomPoints(int n, double box, long seed, boolean weights) {
        Random r = new Random(seed);
        double[][] p = new double[4][n];
        for (int i = 0; i < n; i++) {
            p[0][i] = r.nextDouble() * box;
            p[1][i] = r.nextDouble() * box;
            p[2][i] = r.nextDouble() * box;
            p[3][i] = weights ? 0.5 + r.nextDouble() : 1;
        }
        return p;
    }

    private static double legendre(int l, double x) {
        double p0 = 1;
        double p1 = x;
        if (l == 0) {
            return 1;
        }
        for (int k = 2; k <= l; k++) {
            double p = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
            p0 = p1;
            p1 = p;
        }
        return p1;
    }

    private static double minImage(double d, double box) {
        if (d > box / 2) {
            return d - box;
        }
        return d <= -box / 2 ? d + box : d;
    }

    /** Direct O(N^3) triple sum: sum_i w_i sum_{j in b1, k in b2} w_j w_k P_l(rhat_ij . rhat_ik). */
    @Test
    void matchesBruteForceTripleSum() {
        double box = 100;
        double rMax = 40;
        int nb = 4;
        int lmax = 6;
        double[][] p = randomPoints(120, box, 7, true);
        Multipoles m = new ThreePoint(box, rMax, nb, lmax, 2).compute(p[0], p[1], p[2], p[3]);
        int n = p[0].length;
        double[][][] want = new double[lmax + 1][nb][nb];
        for (int i = 0; i < n; i++) {
            double[][] u = new double[n][];
            int[] bin = new int[n];
            for (int j = 0; j < n; j++) {
                double dx = minImage(p[0][j] - p[0][i], box);
                double dy = minImage(p[1][j] - p[1][i], box);
                double dz = minImage(p[2][j] - p[2][i], box);
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                bin[j] = r > 0 && r <= rMax ? (int) Math.ceil(r / (rMax / nb)) - 1 : -1;
                u[j] = new double[] {dx / r, dy / r, dz / r};
            }
            for (int j = 0; j < n; j++) {
                if (bin[j] < 0) {
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    if (bin[k] < 0) {
                        continue;
                    }
                    double mu = u[j][0] * u[k][0] + u[j][1] * u[k][1] + u[j][2] * u[k][2];
                    for (int l = 0; l <= lmax; l++) {
                        want[l][bin[j]][bin[k]] += p[3][i] * p[3][j] * p[3][k] * legendre(l, mu);
                    }
                }
            }
        }
        for (int l = 0; l <= lmax; l++) {
            double scale = 0;
            for (int a = 0; a < nb; a++) {
                for (int b = 0; b < nb; b++) {
                    scale = Math.max(scale, Math.abs(want[0][a][b]));
                }
            }
            for (int a = 0; a < nb; a++) {
                for (int b = 0; b < nb; b++) {
                    assertEquals(want[l][a][b], m.get(l, a, b), 1e-10 * scale, "l=" + l + " (" + a + "," + b + ")");
                }
            }
        }
    }

    /**
     * Simple cubic lattice, spacing 5 in a box of 20 (64 points), rMax 10, 2 bins: bin (0, 5] holds
     * the 6 axis neighbours (r = 5 exactly: bins are (lo, hi]); bin (5, 10] holds 12 at sqrt(50),
     * 8 at sqrt(75) and 3 at r = 10 = L/2 (the +-2 images are one particle). For the 6 axis
     * vectors sum_{j,k} P_l(u_j . u_k) is 6 (2 + 4 P_l(0)) for even l and 0 for odd l.
     */
    @Test
    void latticeCountsAndBinEdges() {
        int s = 4;
        double[][] p = new double[3][s * s * s];
        int i = 0;
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                for (int c = 0; c < s; c++) {
                    p[0][i] = 5 * a;
                    p[1][i] = 5 * b;
                    p[2][i] = 5 * c;
                    i++;
                }
            }
        }
        Multipoles m = new ThreePoint(20, 10, 2, 4, 1).compute(p[0], p[1], p[2], null);
        assertEquals(64.0 * 6 * 6, m.get(0, 0, 0), 1e-9);
        assertEquals(64.0 * 6 * 23, m.get(0, 0, 1), 1e-9);
        assertEquals(64.0 * 23 * 23, m.get(0, 1, 1), 1e-9);
        assertEquals(0, m.get(1, 0, 0), 1e-9);
        assertEquals(0, m.get(2, 0, 0), 1e-9); // 2 + 4 (-1/2) = 0
        assertEquals(0, m.get(3, 0, 0), 1e-9);
        assertEquals(64.0 * 6 * (2 + 4 * 3.0 / 8), m.get(4, 0, 0), 1e-9);
        assertEquals(0, m.get(1, 0, 1), 1e-9); // cubic symmetry cancels odd l
    }

    @Test
    void invariantUnderRotationPermutationAndPeriodicShift() {
        double box = 80;
        double[][] p = randomPoints(1500, box, 11, true);
        ThreePoint tp = new ThreePoint(box, 30, 6, 8, 2);
        Multipoles ref = tp.compute(p[0], p[1], p[2], p[3]);
        int n = p[0].length;
        double[] rx = new double[n], ry = new double[n], rz = new double[n], rw = new double[n];
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (int) ((i * 7919L) % n); // 7919 is prime and coprime to 1500
        }
        for (int i = 0; i < n; i++) {
            int j = perm[i];
            // 90-degree rotation about z, (x, y) -> (-y, x), then a periodic shift by (13.3, 41.7, 79)
            rx[i] = Particles.wrap(-p[1][j] + 13.3, box);
            ry[i] = Particles.wrap(p[0][j] + 41.7, box);
            rz[i] = Particles.wrap(p[2][j] + 79, box);
            rw[i] = p[3][j];
        }
        Multipoles rot = tp.compute(rx, ry, rz, rw);
        double scale = Math.abs(ref.get(0, 5, 5));
        for (int l = 0; l <= 8; l++) {
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    assertEquals(ref.get(l, a, b), rot.get(l, a, b), 1e-9 * scale, "l=" + l);
                }
            }
        }
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        double box = 60;
        double[][] p = randomPoints(3000, box, 3, true);
        Multipoles one = new ThreePoint(box, 25, 5, 8, 1).compute(p[0], p[1], p[2], p[3]);
        for (int t : new int[] {2, 3, 5}) {
            Multipoles many = new ThreePoint(box, 25, 5, 8, t).compute(p[0], p[1], p[2], p[3]);
            for (int l = 0; l <= 8; l++) {
                for (int a = 0; a < 5; a++) {
                    assertArrayEquals(one.zeta()[l][a], many.zeta()[l][a], "threads=" + t + " l=" + l);
                }
            }
        }
    }

    /** Unclustered points: off-diagonal zeta_l (l > 0) are noise, far below zeta_0. */
    @Test
    void isotropicRandomPointsHaveSmallHigherMultipoles() {
        double box = 100;
        double[][] p = randomPoints(4000, box, 5, false);
        Multipoles m = new ThreePoint(box, 30, 3, 4, 2).compute(p[0], p[1], p[2], null);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                double z0 = m.get(0, a, b);
                assertTrue(z0 > 0);
                for (int l = 1; l <= 4; l++) {
                    assertTrue(Math.abs(m.get(l, a, b)) < 0.02 * z0, "l=" + l + " " + m.get(l, a, b) + " vs " + z0);
                }
            }
        }
    }

    @Test
    void residualOverDistinctBinPairs() {
        double[] edges = {0, 5, 10};
        double[][][] t = {{{2, 4}, {4, 8}}, {{1, -2}, {-2, 0}}};
        double[][][] p = {{{2.2, 4}, {4, 6}}, {{1.5, -2}, {-2, 3}}};
        Multipoles truth = new Multipoles(1, edges, t);
        Multipoles pred = new Multipoles(1, edges, p);
        // pairs (0,0), (0,1), (1,1) per l; l=1 (1,1) has zeta_true = 0 and is left out
        double want = (0.1 + 0 + 0.25 + 0.5 + 0) / 5;
        assertEquals(want, ThreePoint.relativeResidual(pred, truth, 1), 1e-15);
        assertEquals((0.1 + 0.25) / 3, ThreePoint.relativeResidual(pred, truth, 0), 1e-15);
        assertEquals(0, ThreePoint.relativeResidual(truth, truth, 1));
        assertThrows(IllegalArgumentException.class, () -> ThreePoint.relativeResidual(pred, truth, 2));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new ThreePoint(100, 50.01, 10, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ThreePoint(100, 0, 10, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ThreePoint(100, 40, 0, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> new ThreePoint(100, 40, 10, -1, 1));
        ThreePoint tp = new ThreePoint(100, 40, 4, 2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> tp.compute(new double[2], new double[2], new double[3], null));
        assertThrows(IllegalArgumentException.class,
                () -> tp.compute(new double[] {Double.NaN}, new double[1], new double[1], null));
    }

    @Test
    void monomialPathEqualsDirectHarmonics() {
        for (int lmax : new int[] {0, 1, 2, 5, 8, 10}) {
            RealHarmonics direct = new RealHarmonics(lmax);
            MonomialHarmonics mono = new MonomialHarmonics(lmax);
            int nh = direct.count();
            assertEquals(nh, mono.count());
            Random r = new Random(lmax);
            // several lane blocks and a partial one
            int n = 2 * MonomialHarmonics.LANES + 45;
            double[] x = new double[n], y = new double[n], z = new double[n], w = new double[n];
            for (int j = 0; j < n; j++) {
                double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian();
                double norm = Math.sqrt(a * a + b * b + c * c);
                x[j] = a / norm;
                y[j] = b / norm;
                z[j] = c / norm;
                w[j] = r.nextDouble();
            }
            MonomialHarmonics.Scratch scratch = mono.newScratch();
            // a long range not starting at 0, then a short one with the same scratch
            for (int[] range : new int[][] {{3, n - 5}, {7, 18}}) {
                double[] want = new double[nh];
                for (int j = range[0]; j < range[1]; j++) {
                    direct.accumulate(x[j], y[j], z[j], w[j], want, 0);
                }
                double[] sums = new double[nh];
                mono.sumLanes(x, y, z, w, range[0], range[1], sums, 0, scratch);
                double[] got = new double[nh];
                mono.toHarmonics(sums, 0, got, 0);
                for (int h = 0; h < nh; h++) {
                    assertEquals(want[h], got[h], 1e-11 * want[0], "lmax=" + lmax + " h=" + h + " range " + range[0]);
                }
            }
            // addition theorem: sum over degree-l harmonics of R(u) R(u) = P_l(1) = 1
            double[] one = new double[nh];
            direct.accumulate(x[0], y[0], z[0], 1, one, 0);
            for (int l = 0; l <= lmax; l++) {
                double s = 0;
                for (int h = l * l; h < (l + 1) * (l + 1); h++) {
                    s += one[h] * one[h];
                }
                assertEquals(1, s, 1e-12, "l=" + l);
            }
        }
    }

    @Test
    void progressReachesOneAndCancelStopsEveryThread() {
        double[][] p = randomPoints(3000, 100, 5, false);
        ThreePoint tp = new ThreePoint(100, 20, 4, 2, 2);
        double[] last = {0};
        java.util.concurrent.atomic.AtomicInteger reports = new java.util.concurrent.atomic.AtomicInteger();
        Multipoles withProgress = tp.compute(p[0], p[1], p[2], null, (f, m) -> {
            reports.incrementAndGet();
            synchronized (last) {
                last[0] = Math.max(last[0], f);
            }
        });
        assertEquals(1.0, last[0], 1e-12);
        assertTrue(reports.get() > 1, "reports per chunk");
        Multipoles plain = tp.compute(p[0], p[1], p[2], null);
        for (int l = 0; l <= 2; l++) {
            assertEquals(plain.get(l, 1, 2), withProgress.get(l, 1, 2), 0.0, "same sums with progress");
        }
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        org.d3m.core.progress.Progress cancelAfterFirst = new org.d3m.core.progress.Progress() {
            @Override
            public void report(double fraction, String message) {
                seen.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return seen.get() > 0;
            }
        };
        assertThrows(org.d3m.core.progress.Progress.CancelledException.class,
                () -> tp.compute(p[0], p[1], p[2], null, cancelAfterFirst));
        assertTrue(seen.get() < reports.get(), "stopped early: " + seen.get() + " of " + reports.get() + " chunks");
    }
}
