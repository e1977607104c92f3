package org.d3m.core.analysis;

import java.util.Arrays;
import java.util.Random;

import java.util.concurrent.atomic.AtomicInteger;

import org.d3m.core.field.Parallel;
import org.d3m.core.progress.Progress;

/**
 * Multipoles zeta_l(r1, r2) of the 3-point correlation function of (weighted) particles in a
 * periodic cubic box, by the Slepian &amp; Eisenstein (2015) pair-count multipole estimator.
 *
 * <p>For each primary particle i and radial bin b, {@code A_h(b) = sum_{j in b} w_j R_h(rhat_ij)}
 * over the real harmonics R_h of {@link RealHarmonics}; then
 * {@code zeta_l(b1, b2) += w_i sum_{h of degree l} A_h(b1) A_h(b2)}. By the addition theorem this
 * is {@code sum_i w_i sum_{j in b1, k in b2} w_j w_k P_l(rhat_ij . rhat_ik)} = nbodykit's
 * {@code SimulationBox3PCF} poles times (4 pi)^2 / (2 l + 1) (the normalisation of its reference
 * file). Conventions copied from nbodykit: separations are minimum-imaged, bin b covers
 * (edges[b], edges[b+1]], pairs at r = 0 (the self pair, coincident points) are dropped, and on the
 * diagonal b1 == b2 the term j == k is included.
 *
 * <p>Neighbours are found with a periodic cell list; primaries are processed in fixed chunks whose
 * partial sums are added in chunk order, so results are bit-identical for any thread count.
 */
public final class ThreePoint {

    /** Cells per rMax: smaller cells prune the search sphere more tightly. */
    private static final int CELLS_PER_RMAX = 6;
    private static final int MAX_CELLS_PER_SIDE = 128;

    private final double boxSize;
    private final double rMax;
    private final int nBins;
    private final int lmax;
    private final int threads;
    private final double[] edges;

    /**
     * @param boxSize periodic box side [Mpc/h]
     * @param rMax    outer edge of the last radial bin [Mpc/h], 0 &lt; rMax &lt;= boxSize/2
     * @param nBins   number of linear radial bins over (0, rMax]
     * @param lmax    largest multipole order (0..40)
     * @param threads threads to use (&lt; 1: all cores); results do not depend on it
     */
    public ThreePoint(double boxSize, double rMax, int nBins, int lmax, int threads) {
        if (!(boxSize > 0) || Double.isInfinite(boxSize)) {
            throw new IllegalArgumentException("box_size must be > 0 Mpc/h, got " + boxSize);
        }
        // rMax == L/2 is allowed as in nbodykit (its reference test uses it); the minimum image is
        // then ambiguous only for separations of exactly L/2 along an axis.
        edges = binEdges(rMax, boxSize, nBins);
        if (lmax < 0 || lmax > 40) {
            throw new IllegalArgumentException("3PCF lmax must be in [0, 40], got " + lmax);
        }
        this.boxSize = boxSize;
        this.rMax = rMax;
        this.nBins = nBins;
        this.lmax = lmax;
        this.threads = threads;
    }

    /**
     * The {@code nBins + 1} edges [Mpc/h] of equal radial bins up to {@code rMax}, checked: r_max in
     * (0, L/2] (the minimum image is then ambiguous only at exactly L/2) and 1 to 1000 bins. Shared by
     * the pair-count and the mesh ({@link MeshThreePoint}) estimators.
     */
    static double[] binEdges(double rMax, double boxSize, int nBins) {
        if (!(rMax > 0) || rMax > boxSize / 2) {
            throw new IllegalArgumentException("3PCF r_max must be in (0, box_size/2] = (0, " + boxSize / 2 + "] Mpc/h, got " + rMax);
        }
        if (nBins < 1 || nBins > 1000) {
            throw new IllegalArgumentException("3PCF bins must be in [1, 1000], got " + nBins);
        }
        double[] edges = new double[nBins + 1];
        for (int b = 0; b <= nBins; b++) {
            edges[b] = rMax * b / nBins;
        }
        return edges;
    }

    /** The paper's setup: 10 bins of 5 Mpc/h (rMax 50 Mpc/h), l = 0..8. */
    public static ThreePoint paperDefaults(double boxSize, int threads) {
        return new ThreePoint(boxSize, 50, 10, 8, threads);
    }

    /** Radial bin edges [Mpc/h] (a copy). */
    public double[] binEdges() {
        return edges.clone();
    }

    /**
     * Measures the multipoles.
     *
     * @param x       positions [Mpc/h], wrapped periodically into [0, L)
     * @param y       positions [Mpc/h]
     * @param z       positions [Mpc/h]
     * @param weights per-particle weights, or null for unit weights
     */
    public Multipoles compute(double[] x, double[] y, double[] z, double[] weights) {
        return compute(x, y, z, weights, Progress.NONE);
    }

    /**
     * {@link #compute(double[], double[], double[], double[])} with progress: the fraction of
     * primaries done, reported after each chunk; a cancelled progress stops every thread after
     * its current chunk (at most a few hundred primaries) and throws
     * {@link Progress.CancelledException}.
     */
    public Multipoles compute(double[] x, double[] y, double[] z, double[] weights, Progress progress) {
        Progress prog = progress == null ? Progress.NONE : progress;
        int n = x.length;
        if (y.length != n || z.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("3PCF position/weight arrays differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i]) || !Double.isFinite(z[i])
                    || (weights != null && !Double.isFinite(weights[i]))) {
                throw new IllegalArgumentException("3PCF particle " + i + " has a non-finite position or weight");
            }
        }
        CellList cells = new CellList(x, y, z, weights, boxSize, rMax, CELLS_PER_RMAX, MAX_CELLS_PER_SIDE);
        int nTri = nBins * (nBins + 1) / 2;
        int partLen = (lmax + 1) * nTri;
        int chunk = Math.max(64, (n + 2047) / 2048);
        int nChunks = (n + chunk - 1) / chunk;
        double[][] parts = new double[nChunks][];
        int t = Math.max(1, Math.min(Parallel.threads(threads), nChunks));
        // Chunks are dealt round-robin to threads for load balance; each chunk has its own output.
        AtomicInteger done = new AtomicInteger();
        Parallel.forEach(t, t, tid -> {
            Worker w = new Worker(cells);
            for (int c = tid; c < nChunks; c += t) {
                if (prog.cancelled()) {
                    return;
                }
                double[] part = new double[partLen];
                int end = Math.min(n, (c + 1) * chunk);
                for (int i = c * chunk; i < end; i++) {
                    w.primary(i, part);
                }
                parts[c] = part;
                int d = done.incrementAndGet();
                prog.report((double) d / nChunks, "3PCF: " + Math.min(n, (long) d * chunk) + " of " + n + " particles");
            }
        });
        prog.checkCancelled();
        double[] total = new double[partLen];
        for (double[] p : parts) {
            for (int k = 0; k < partLen; k++) {
                total[k] += p[k];
            }
        }
        double[][][] zeta = new double[lmax + 1][nBins][nBins];
        for (int l = 0; l <= lmax; l++) {
            int k = l * nTri;
            for (int b1 = 0; b1 < nBins; b1++) {
                for (int b2 = b1; b2 < nBins; b2++) {
                    zeta[l][b1][b2] = total[k];
                    zeta[l][b2][b1] = total[k];
                    k++;
                }
            }
        }
        return new Multipoles(lmax, edges.clone(), zeta);
    }

    /** Per-thread scratch: the neighbours of one primary and their harmonic sums A_h(b). */
    private final class Worker {
        private final CellList cells;
        private final MonomialHarmonics harmonics = new MonomialHarmonics(lmax);
        private final int nh = harmonics.count();
        private final double[] mono = new double[nh];
        private final double[] acc = new double[nBins * nh];
        private final boolean[] touched = new boolean[nBins];
        private final int[] binStart = new int[nBins + 1];
        private final int[] ranges;
        // neighbours in search order (unit vector, weight, bin), then sorted by bin
        private double[] ux = new double[0], uy = new double[0], uz = new double[0], uw = new double[0];
        private double[] ur = new double[0];
        private int[] ub = new int[0];
        private double[] sx = new double[0], sy = new double[0], sz = new double[0], sw = new double[0];
        private final MonomialHarmonics.Scratch scratch = harmonics.newScratch();

        Worker(CellList cells) {
            this.cells = cells;
            this.ranges = new int[cells.maxRanges()];
        }

        private void ensure(int cap) {
            if (ux.length >= cap) {
                return;
            }
            int c = Math.max(cap, ux.length * 3 / 2 + 16);
            ux = Arrays.copyOf(ux, c);
            uy = Arrays.copyOf(uy, c);
            uz = Arrays.copyOf(uz, c);
            uw = Arrays.copyOf(uw, c);
            ur = Arrays.copyOf(ur, c);
            ub = Arrays.copyOf(ub, c);
        }

        private void ensureSorted(int cap) {
            if (sx.length >= cap) {
                return;
            }
            sx = new double[cap];
            sy = new double[cap];
            sz = new double[cap];
            sw = new double[cap];
        }

        /** Adds primary i's contribution (i is a cell-sorted index) to part[l][b1 <= b2]. */
        void primary(int i, double[] part) {
            final double[] px = cells.x;
            final double[] py = cells.y;
            final double[] pz = cells.z;
            final double[] pw = cells.w;
            final double xi = px[i];
            final double yi = py[i];
            final double zi = pz[i];
            final double half = 0.5 * boxSize;
            final double rMax2 = rMax * rMax * (1 + 1e-12);
            final double invDr = nBins / rMax;
            int count = 0;
            int nr = cells.nearbyRanges(xi, yi, zi, ranges);
            for (int q = 0; q < nr; q += 2) {
                final int to = ranges[q + 1];
                ensure(count + to - ranges[q]);
                for (int j = ranges[q]; j < to; j++) {
                    double dx = px[j] - xi;
                    double dy = py[j] - yi;
                    double dz = pz[j] - zi;
                    // minimum image with nbodykit's convention: (-L/2, L/2]
                    if (dx > half) dx -= boxSize; else if (dx <= -half) dx += boxSize;
                    if (dy > half) dy -= boxSize; else if (dy <= -half) dy += boxSize;
                    if (dz > half) dz -= boxSize; else if (dz <= -half) dz += boxSize;
                    double r2 = dx * dx + dy * dy + dz * dz;
                    // branch-free compaction: always store, advance only for 0 < r2 <= rMax2
                    ux[count] = dx;
                    uy[count] = dy;
                    uz[count] = dz;
                    uw[count] = pw[j];
                    ur[count] = r2;
                    count += (r2 <= rMax2 && r2 != 0) ? 1 : 0;
                }
            }
            // distances and unit vectors in element-wise loops (SIMD square roots and divisions)
            normalise(count);
            for (int k = 0; k < count; k++) {
                double r = ur[k];
                ub[k] = r > rMax ? -1 : bin(r, invDr);
            }
            // counting sort by bin (stable: keeps the search order within a bin)
            ensureSorted(count);
            Arrays.fill(binStart, 0);
            for (int k = 0; k < count; k++) {
                binStart[ub[k] + 1]++;
            }
            // ub == -1 (r just above rMax after rounding) was counted in binStart[0]: drop it
            binStart[0] = 0;
            for (int b = 0; b < nBins; b++) {
                binStart[b + 1] += binStart[b];
                touched[b] = binStart[b + 1] > binStart[b];
            }
            int[] fill = Arrays.copyOf(binStart, nBins);
            for (int k = 0; k < count; k++) {
                if (ub[k] < 0) {
                    continue;
                }
                int dst = fill[ub[k]]++;
                sx[dst] = ux[k];
                sy[dst] = uy[k];
                sz[dst] = uz[k];
                sw[dst] = uw[k];
            }
            for (int b = 0; b < nBins; b++) {
                if (touched[b]) {
                    harmonics.sumLanes(sx, sy, sz, sw, binStart[b], binStart[b + 1], mono, 0, scratch);
                    harmonics.toHarmonics(mono, 0, acc, b * nh);
                }
            }
            double wi = pw[i];
            int nTri = nBins * (nBins + 1) / 2;
            for (int b1 = 0; b1 < nBins; b1++) {
                if (!touched[b1]) {
                    continue;
                }
                for (int b2 = b1; b2 < nBins; b2++) {
                    if (!touched[b2]) {
                        continue;
                    }
                    int tri = b1 * nBins - b1 * (b1 - 1) / 2 + (b2 - b1);
                    int o1 = b1 * nh;
                    int o2 = b2 * nh;
                    for (int l = 0; l <= lmax; l++) {
                        double s = 0;
                        for (int h = l * l; h < (l + 1) * (l + 1); h++) {
                            s += acc[o1 + h] * acc[o2 + h];
                        }
                        part[l * nTri + tri] += wi * s;
                    }
                }
            }
        }

        /** ur: r^2 to r; (ux, uy, uz): separation to unit vector. */
        private void normalise(int count) {
            for (int k = 0; k < count; k++) {
                double r = Math.sqrt(ur[k]);
                double inv = 1 / r;
                ur[k] = r;
                ux[k] *= inv;
                uy[k] *= inv;
                uz[k] *= inv;
            }
        }

        /** Bin of r in (0, rMax]: b with edges[b] &lt; r &lt;= edges[b+1]. */
        private int bin(double r, double invDr) {
            // a first guess (floor; Math.ceil is slow here), corrected exactly against the edges below
            int b = (int) (r * invDr);
            if (b < 0) {
                b = 0;
            } else if (b >= nBins) {
                b = nBins - 1;
            }
            while (b > 0 && r <= edges[b]) {
                b--;
            }
            while (b < nBins - 1 && r > edges[b + 1]) {
                b++;
            }
            return b;
        }
    }

    /**
     * The paper's relative residual of predicted against true multipoles:
     * {@code (1 / ((lmax + 1) N_r)) sum_{l <= lmax} sum_{b1 <= b2} |zeta_pred - zeta_true| / |zeta_true|}.
     * The (r1, r2) pairs are the N_r = nBins (nBins + 1) / 2 distinct entries of the symmetric
     * matrix, diagonal included. Terms with zeta_true == 0 are left out (and not counted).
     * Dimensionless.
     */
    public static double relativeResidual(Multipoles pred, Multipoles truth, int lmax) {
        if (lmax < 0 || lmax > pred.lmax() || lmax > truth.lmax()) {
            throw new IllegalArgumentException("residual lmax " + lmax + " exceeds the multipoles' lmax ("
                    + pred.lmax() + ", " + truth.lmax() + ")");
        }
        if (!Arrays.equals(pred.binEdges(), truth.binEdges())) {
            throw new IllegalArgumentException("3PCF residual needs the same radial bins for both multipole sets");
        }
        int nb = truth.nBins();
        double sum = 0;
        long count = 0;
        for (int l = 0; l <= lmax; l++) {
            for (int b1 = 0; b1 < nb; b1++) {
                for (int b2 = b1; b2 < nb; b2++) {
                    double tv = truth.get(l, b1, b2);
                    if (tv == 0) {
                        continue;
                    }
                    sum += Math.abs(pred.get(l, b1, b2) - tv) / Math.abs(tv);
                    count++;
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("3PCF residual undefined: the true multipoles are all zero");
        }
        return sum / count;
    }

    /**
     * Times {@link #compute} on {@code n^3} clustered points (a lattice moved by a few random
     * plane-wave displacements, Zel'dovich-like) in a box of side {@code box} with the paper's
     * binning, and returns the wall time [s] of the fastest of {@code repeats} runs.
     */
    public static double benchmarkSeconds(int n, double box, int threads, int repeats) {
        double[][] p = clusteredPoints(n, box, 12345L);
        ThreePoint tp = paperDefaults(box, threads);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < Math.max(1, repeats); r++) {
            long t0 = System.nanoTime();
            tp.compute(p[0], p[1], p[2], null);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return best;
    }

    /** n^3 lattice points in [0, box)^3 displaced by a sum of random plane waves [Mpc/h]. */
    static double[][] clusteredPoints(int n, double box, long seed) {
        Random rnd = new Random(seed);
        int waves = 8;
        double[][] k = new double[waves][3];
        double[][] amp = new double[waves][3];
        double[] phase = new double[waves];
        double kf = 2 * Math.PI / box;
        for (int w = 0; w < waves; w++) {
            for (int a = 0; a < 3; a++) {
                k[w][a] = kf * (rnd.nextInt(7) - 3);
            }
            double kk = Math.sqrt(k[w][0] * k[w][0] + k[w][1] * k[w][1] + k[w][2] * k[w][2]);
            // longitudinal displacement (a gradient flow, as in the Zel'dovich approximation)
            for (int a = 0; a < 3; a++) {
                amp[w][a] = kk == 0 ? 0 : 0.25 * box / n * 3 * k[w][a] / kk;
            }
            phase[w] = 2 * Math.PI * rnd.nextDouble();
        }
        int np = n * n * n;
        double[][] p = new double[3][np];
        double cell = box / n;
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    int i = (ix * n + iy) * n + iz;
                    double[] q = {ix * cell, iy * cell, iz * cell};
                    double[] d = new double[3];
                    for (int w = 0; w < waves; w++) {
                        double s = Math.sin(k[w][0] * q[0] + k[w][1] * q[1] + k[w][2] * q[2] + phase[w]);
                        for (int a = 0; a < 3; a++) {
                            d[a] += amp[w][a] * s;
                        }
                    }
                    for (int a = 0; a < 3; a++) {
                        double v = q[a] + d[a] + 0.1 * cell * rnd.nextGaussian();
                        v -= box * Math.floor(v / box);
                        p[a][i] = v >= box ? 0 : v;
                    }
                }
            }
        }
        return p;
    }

    /** Prints the 3PCF time for the paper's case: 32^3 particles, L = 128 Mpc/h, rMax 50, 10 bins, lmax 8. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double box = args.length > 2 ? Double.parseDouble(args[2]) : 128;
        double s = benchmarkSeconds(n, box, threads, 2);
        System.out.printf("3PCF %d^3 particles, L = %.1f Mpc/h, rMax 50, 10 bins, lmax 8, %d threads: %.2f s%n",
                n, box, threads, s);
    }
}
