package org.d3m.core.pm;

import java.util.Arrays;
import org.d3m.core.field.Box;
import org.d3m.core.field.CicPainter;
import org.d3m.core.field.LaneFft3d;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.VectorField;

/**
 * The PM force of {@link ForceMesh} (CIC, Poisson kernel -1/k^2, 4-point finite differences, CIC
 * read-out) on a power-of-two mesh, arranged so that each mesh is swept as few times as possible:
 *
 * <ol>
 * <li>per x-plane: paint the plane, take delta, FFT along z (real) and along y, store the plane's
 *     spectrum (a task paints four consecutive planes, each particle once);</li>
 * <li>per y-column: FFT along x, multiply by the Poisson kernel (with the 1/n^3 of the inverse
 *     folded in), inverse FFT along x;</li>
 * <li>per x-plane: inverse FFT along y and z, store phi, and the y and z finite differences
 *     (computed on the plane while it is in cache);</li>
 * <li>per z-row: replace phi by its x finite difference in place (there is no fourth mesh);</li>
 * <li>one read-out pass over the particles for the three components, with the eight CIC weights
 *     computed once.</li>
 * </ol>
 *
 * <p>The FFT is {@link LaneFft3d}, vectorised across the lines of a plane or column. Layouts: the
 * spectrum as in {@link LaneFft3d}; phi (then the x difference) and the y difference are
 * {@code [x][z][y]}; the z difference sits in the spectrum array at {@code x n (n + 2) + z n + y}.
 * Memory: the same two real meshes and one half-complex mesh as the step-by-step force, the
 * particle buckets (8 bytes per particle), and per thread two double planes and the FFT's two
 * float planes of scratch (1.5 MB at n = 256; the step-by-step force used one double plane).
 *
 * <p>Every mesh value and every particle's force is computed by one fixed sequence of operations
 * whichever thread does it, so results are bit-identical for any thread count.
 */
final class LaneForce {

    /**
     * Consecutive planes painted by one task: each particle's weights go to both its planes in one
     * pass, except for the bucket below the first plane, which the task paints again.
     */
    private static final int PLANES_PER_TASK = 4;

    private final int n;
    private final int nzc;
    private final int planeStride;
    private final int threads;
    private final CicPainter painter;
    private final CicPainter.Buckets buckets;
    private final LaneFft3d fft;
    private final float poisson;
    private final float[] k2;
    private final double invMean;
    private final double inv12h;
    private final float c8;
    private final float c1;
    private final float[] phi;
    private final float[] gy;
    private final float[] spectrum;
    private final int np;
    private final ThreadLocal<Scratch> scratch;

    /** Whether the lane pipeline handles this mesh (a power of two, at least 4 per side). */
    static boolean supports(Box mesh) {
        return LaneFft3d.supports(mesh.n());
    }

    LaneForce(Box lagrangian, Box mesh, double omegaM, int threads, CicPainter painter,
              float[] real, float[] work, float[] spectrum) {
        this.n = mesh.n();
        this.nzc = n / 2 + 1;
        this.planeStride = n * 2 * nzc;  // as fft.planeStride()
        this.threads = threads;
        this.painter = painter;
        this.buckets = painter.buckets();
        this.fft = new LaneFft3d(n, threads);
        this.poisson = (float) (-1.5 * omegaM / ((double) n * n * n));
        this.k2 = new float[n];
        for (int i = 0; i < n; i++) {
            double k = mesh.k(i);
            k2[i] = (float) (k * k);
        }
        this.invMean = (double) mesh.cells() / lagrangian.cells();
        this.inv12h = 1.0 / (12 * mesh.cell());
        this.c8 = (float) (8 * inv12h);
        this.c1 = (float) inv12h;
        this.phi = real;
        this.gy = work;
        this.spectrum = spectrum;
        this.np = lagrangian.n();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /** The steps of {@link #forces}, as {@code seconds} reports them. */
    static final java.util.List<String> STEPS = java.util.List.of(
            "bucket sort by x-plane",
            "per plane: paint, delta, FFT z (real) and y",
            "per column: FFT x, Poisson kernel, inverse FFT x",
            "per plane: inverse FFT y and z, store phi, FD y and z",
            "FD x (in place on phi)",
            "read-out of the 3 components");

    /**
     * Writes F = -grad phi at every particle into {@code out[3][n_p^3]}; when {@code seconds} is not
     * null, adds the wall time of each of the {@link #STEPS} to it.
     */
    void forces(VectorField displacement, float[][] out, double[] seconds) {
        long t0 = System.nanoTime();
        painter.bucket(displacement, buckets);
        long t1 = System.nanoTime();
        Parallel.forEachDynamic((n + PLANES_PER_TASK - 1) / PLANES_PER_TASK, threads, c -> forwardPlanes(c, displacement));
        long t2 = System.nanoTime();
        Parallel.forEachDynamic(n, threads, this::poissonColumn);
        long t3 = System.nanoTime();
        Parallel.forEachDynamic(n, threads, this::inversePlane);
        long t4 = System.nanoTime();
        Parallel.forEachDynamic(n, threads, this::xDifferenceRow);
        long t5 = System.nanoTime();
        readout(displacement, out);
        long t6 = System.nanoTime();
        if (seconds != null) {
            long[] t = {t0, t1, t2, t3, t4, t5, t6};
            for (int i = 0; i < STEPS.size(); i++) {
                seconds[i] += (t[i + 1] - t[i]) * 1e-9;
            }
        }
    }

    /**
     * Paints planes [4c, 4c + 4) and transforms each along z (real) and y into the spectrum as soon as
     * it is complete. A plane sums the upper corners of the bucket below it, then the lower corners
     * of its own bucket, whichever task paints it.
     */
    void forwardPlanes(int c, VectorField displacement) {
        Scratch s = scratch.get();
        int from = c * PLANES_PER_TASK;
        int to = Math.min(n, from + PLANES_PER_TASK);
        double[] plane = s.acc;
        double[] next = s.acc2;
        Arrays.fill(plane, 0);
        painter.depositBucket(buckets, (from - 1 + n) % n, null, plane, displacement, null, true);
        LaneFft3d.Rows rows = fft.rows();
        for (int p = from; p < to; p++) {
            boolean last = p + 1 == to;
            if (!last) {
                Arrays.fill(next, 0);
            }
            painter.depositBucket(buckets, p, plane, last ? null : next, displacement, null, true);
            for (int z = 0; z < n; z++) {
                toDelta(plane, z * n, rows.zRow(z));
            }
            fft.forwardPlane(rows, p, spectrum);
            double[] t = plane;
            plane = next;
            next = t;
        }
    }

    /** delta = count / mean - 1; the mean is 1 / B^3 on a power-of-two mesh, so its inverse is exact. */
    private void toDelta(double[] acc, int from, float[] row) {
        double inv = invMean;
        for (int y = 0; y < n; y++) {
            row[y] = (float) (acc[from + y] * inv - 1);
        }
    }

    /** FFT along x, phi(k) = -1.5 Omega_m delta(k) / (k^2 n^3) (zero at k = 0), inverse FFT along x. */
    void poissonColumn(int iy) {
        Scratch s = scratch.get();
        fft.filterColumn(fft.rows(), iy, spectrum, (kx, ky, re, im, lanes) -> {
            kernel(s.t1, s.t2, k2[kx] + k2[ky]);
            if (kx == 0 && ky == 0) {
                s.t2[0] = 0;
            }
            scale(re, s.t2);
            scale(im, s.t2);
        });
    }

    /** f[kz] = poisson / (kxy2 + kz^2), in two loops so that both vectorise. */
    private void kernel(float[] sum, float[] f, float kxy2) {
        for (int b = 0; b < nzc; b++) {
            sum[b] = kxy2 + k2[b];
        }
        float c = poisson;
        for (int b = 0; b < nzc; b++) {
            f[b] = c / sum[b];
        }
    }

    private void scale(float[] row, float[] f) {
        for (int b = 0; b < nzc; b++) {
            row[b] = row[b] * f[b];
        }
    }

    /** Inverse FFT along y and z of plane p; stores phi, and the y and z finite differences. */
    void inversePlane(int p) {
        Scratch s = scratch.get();
        int base = p * planeStride;
        LaneFft3d.Rows fr = fft.rows();
        fft.inversePlane(fr, p, spectrum);
        float[][] rows = s.phiRows;
        for (int z = 0; z < n; z++) {
            rows[z] = fr.zRow(z);
        }
        int planeOut = p * n * n;
        for (int z = 0; z < n; z++) {
            System.arraycopy(rows[z], 0, phi, planeOut + z * n, n);
        }
        // z difference -dphi/dz into the (consumed) spectrum plane, y difference into gy
        for (int z = 0; z < n; z++) {
            difference(rows[(z + 1) % n], rows[(z - 1 + n) % n], rows[(z + 2) % n], rows[(z - 2 + n) % n], s.t1, s.t2);
            combine(s.t1, s.t2, s.row);
            System.arraycopy(s.row, 0, spectrum, base + z * n, n);
        }
        for (int z = 0; z < n; z++) {
            shiftedDifference(rows[z], s.t1, s.t2);
            combine(s.t1, s.t2, s.row);
            System.arraycopy(s.row, 0, gy, planeOut + z * n, n);
        }
    }

    /** d1 = f(+1) - f(-1), d2 = f(+2) - f(-2) (exact when the two values are within a factor 2). */
    private void difference(float[] p1, float[] m1, float[] p2, float[] m2, float[] d1, float[] d2) {
        for (int y = 0; y < n; y++) {
            d1[y] = p1[y] - m1[y];
            d2[y] = p2[y] - m2[y];
        }
    }

    /** The same differences along the lanes (y), periodic. */
    private void shiftedDifference(float[] f, float[] d1, float[] d2) {
        for (int y = 2; y < n - 2; y++) {
            d1[y] = f[y + 1] - f[y - 1];
            d2[y] = f[y + 2] - f[y - 2];
        }
        for (int e = 0; e < 4; e++) {
            int y = e < 2 ? e : n - 4 + e;
            d1[y] = f[(y + 1) % n] - f[(y - 1 + n) % n];
            d2[y] = f[(y + 2) % n] - f[(y - 2 + n) % n];
        }
    }

    /** -(8 d1 - d2) / (12 h). */
    private void combine(float[] d1, float[] d2, float[] out) {
        float a = -c8;
        float b = c1;
        for (int y = 0; y < n; y++) {
            out[y] = a * d1[y] + b * d2[y];
        }
    }

    /**
     * Replaces phi by -dphi/dx along the row z of every x-plane, in place: a window of the original
     * rows x-2..x+2 (and of rows 0 and 1 for the periodic end) is kept in scratch, so rows are
     * independent work items and no fourth mesh is needed.
     */
    void xDifferenceRow(int z) {
        Scratch s = scratch.get();
        float[][] w = s.window;
        int off = z * n;
        int nn = n * n;
        // window slots: 0..4 = rows x-2..x+2 (originals), 5, 6 = rows 0 and 1
        System.arraycopy(phi, off, w[5], 0, n);
        System.arraycopy(phi, nn + off, w[6], 0, n);
        System.arraycopy(phi, (n - 2) * nn + off, w[0], 0, n);
        System.arraycopy(phi, (n - 1) * nn + off, w[1], 0, n);
        System.arraycopy(w[5], 0, w[2], 0, n);
        System.arraycopy(w[6], 0, w[3], 0, n);
        System.arraycopy(phi, 2 * nn + off, w[4], 0, n);
        for (int x = 0; x < n; x++) {
            difference(w[3], w[1], w[4], w[0], s.t1, s.t2);
            combine(s.t1, s.t2, s.row);
            System.arraycopy(s.row, 0, phi, x * nn + off, n);
            float[] old = w[0];
            w[0] = w[1];
            w[1] = w[2];
            w[2] = w[3];
            w[3] = w[4];
            w[4] = old;
            int next = x + 3;
            if (next < n) {
                System.arraycopy(phi, next * nn + off, w[4], 0, n);
            } else if (next < n + 2) {
                System.arraycopy(w[5 + next - n], 0, w[4], 0, n);
            }
        }
    }

    /** CIC read-out of the three force components; -dphi/dx at the corners comes from phi directly. */
    private void readout(VectorField displacement, float[][] out) {
        float[] dx = displacement.c()[0];
        float[] dy = displacement.c()[1];
        float[] dz = displacement.c()[2];
        float[] fx = out[0];
        float[] fy = out[1];
        float[] fz = out[2];
        int nn = n * n;
        int mask = n - 1;
        // dynamic: the cost of a Lagrangian plane's particles varies with clustering
        Parallel.forEachDynamic(np, threads, ix -> {
            // z-major particle order: consecutive particles are neighbours along y, the contiguous
            // axis of the [x][z][y] meshes (faster than index order, and than bucket order)
            for (int iz = 0; iz < np; iz++) {
                for (int iy = 0, i = ix * np * np + iz; iy < np; iy++, i += np) {
                    double ux = painter.coordinate(dx[i], ix);
                    double uy = painter.coordinate(dy[i], iy);
                    double uz = painter.coordinate(dz[i], iz);
                    int x0 = (int) ux;
                    int y0 = (int) uy;
                    int z0 = (int) uz;
                    double wx = ux - x0;
                    double wy = uy - y0;
                    double wz = uz - z0;
                    int x1 = (x0 + 1) & mask;
                    int y1 = (y0 + 1) & mask;
                    int z1 = (z0 + 1) & mask;
                    // all three meshes: [x][z][y] (gz with the spectrum's plane stride)
                    int a00 = z0 * n + y0;
                    int a01 = z1 * n + y0;
                    int a10 = z0 * n + y1;
                    int a11 = z1 * n + y1;
                    // the eight CIC weights, shared by the three components
                    double xl = 1 - wx;
                    double yl = 1 - wy;
                    double zl = 1 - wz;
                    double w00 = xl * yl;
                    double w01 = xl * wy;
                    double w10 = wx * yl;
                    double w11 = wx * wy;
                    double c000 = w00 * zl;
                    double c001 = w00 * wz;
                    double c010 = w01 * zl;
                    double c011 = w01 * wz;
                    double c100 = w10 * zl;
                    double c101 = w10 * wz;
                    double c110 = w11 * zl;
                    double c111 = w11 * wz;
                    int p0 = x0 * nn;
                    int p1 = x1 * nn;
                    fx[i] = (float) (c000 * phi[p0 + a00] + c001 * phi[p0 + a01] + c010 * phi[p0 + a10] + c011 * phi[p0 + a11]
                            + c100 * phi[p1 + a00] + c101 * phi[p1 + a01] + c110 * phi[p1 + a10] + c111 * phi[p1 + a11]);
                    fy[i] = (float) (c000 * gy[p0 + a00] + c001 * gy[p0 + a01] + c010 * gy[p0 + a10] + c011 * gy[p0 + a11]
                            + c100 * gy[p1 + a00] + c101 * gy[p1 + a01] + c110 * gy[p1 + a10] + c111 * gy[p1 + a11]);
                    int q0 = x0 * planeStride;
                    int q1 = x1 * planeStride;
                    fz[i] = (float) (c000 * spectrum[q0 + a00] + c001 * spectrum[q0 + a01] + c010 * spectrum[q0 + a10]
                            + c011 * spectrum[q0 + a11] + c100 * spectrum[q1 + a00] + c101 * spectrum[q1 + a01]
                            + c110 * spectrum[q1 + a10] + c111 * spectrum[q1 + a11]);
                }
            }
        });
    }

    /** Per-thread scratch besides the FFT's rows: a double plane for painting and a few rows. */
    private static final class Scratch {
        final double[] acc;
        final double[] acc2;
        final float[][] phiRows;
        final float[][] window;
        final float[] t1;
        final float[] t2;
        final float[] row;

        Scratch(int n) {
            acc = new double[n * n];
            acc2 = new double[n * n];
            phiRows = new float[n][];
            window = new float[7][n];
            t1 = new float[n];
            t2 = new float[n];
            row = new float[n];
        }
    }
}
