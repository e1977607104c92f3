package org.d3m.core.ic;

import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.VectorField;

/**
 * First- and second-order Lagrangian perturbation theory displacements from the linear density
 * at z = 0, given as its half-complex spectrum F(k) (see {@link Fft}).
 *
 * <ul>
 *   <li>{@code phi1(k) = -delta(k) / k^2}, {@code Psi1 = -grad phi1}, i.e.
 *       {@code Psi1(k) = i K / k^2 delta(k)} and {@code div Psi1 = -delta} [Mpc/h].</li>
 *   <li>{@code lap phi2 = sum_{i<j} (phi1_ii phi1_jj - phi1_ij^2)} with
 *       {@code phi1_ij(k) = K_i K_j / k^2 delta(k)}; {@code Psi2 = grad phi2} [Mpc/h].</li>
 * </ul>
 * K is the derivative symbol of the {@link LptKernel}: the exact {@code k}, or FastPM's 4-point
 * finite difference; {@code k^2} is exact in both. A derivative along an axis is zero on that
 * axis' Nyquist plane. Trajectories: {@code x = q + D1(a) Psi1 + c2(a) Psi2} with D1(1) = 1 and
 * {@code c2 = kernel.secondOrderGrowth} &lt; 0.
 * FFT cost: 3 inverse FFTs for Psi1; 6 inverse + 1 forward + 3 inverse for Psi2.
 */
public final class Lpt {

    private final Box box;
    private final Fft fft;
    private final int threads;
    private final LptKernel kernel;
    private final double[] symbol;
    /** k_i^2 per grid index (exact k), and K_i^2 on the Hessian's diagonal ({@link #diagonalSymbol}). */
    private final double[] k2;
    private final double[] diagonal;

    /** LPT with the exact spectral derivative ({@link LptKernel#EXACT}). */
    public Lpt(Box box, int threads) {
        this(box, threads, LptKernel.EXACT);
    }

    public Lpt(Box box, int threads, LptKernel kernel) {
        this.box = box;
        this.threads = Parallel.threads(threads);
        this.fft = new Fft(box.n(), this.threads);
        this.kernel = kernel;
        this.symbol = kernel.derivativeSymbols(box);
        int n = box.n();
        this.k2 = new double[n];
        this.diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            double k = box.k(i);
            k2[i] = k * k;
            diagonal[i] = diagonalSymbol(i);
        }
    }

    /** First-order (Zel'dovich) displacement at z = 0 [Mpc/h]. */
    public VectorField psi1(float[] deltaK) {
        float[][] c = new float[3][];
        for (int d = 0; d < 3; d++) {
            c[d] = ikOverK2(deltaK, d, 1.0);
        }
        return new VectorField(box, c);
    }

    /** Second-order displacement Psi2 = grad phi2 [Mpc/h] (multiply by D2(a), which is negative). */
    public VectorField psi2(float[] deltaK) {
        int cells = box.cells();
        float[] xx = hessian(deltaK, 0, 0);
        float[] yy = hessian(deltaK, 1, 1);
        float[] zz = hessian(deltaK, 2, 2);
        float[] source = new float[cells];
        Parallel.forRanges(cells, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                source[i] = xx[i] * yy[i] + xx[i] * zz[i] + yy[i] * zz[i];
            }
        });
        int[][] offDiagonal = {{0, 1}, {0, 2}, {1, 2}};
        for (int[] ij : offDiagonal) {
            float[] h = hessian(deltaK, ij[0], ij[1]);
            Parallel.forRanges(cells, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    source[i] -= h[i] * h[i];
                }
            });
        }
        float[] sourceK = fft.forward(source);
        float[][] c = new float[3][];
        for (int d = 0; d < 3; d++) {
            // phi2(k) = -S(k)/k^2 ; Psi2 = grad phi2 -> Psi2(k) = i k phi2(k) = -i k S(k) / k^2
            c[d] = ikOverK2(sourceK, d, -1.0);
        }
        return new VectorField(box, c);
    }

    /** Real field of {@code scale * i K_axis / k^2 * f(k)} (zero at k = 0 and on the axis' Nyquist plane). */
    private float[] ikOverK2(float[] fk, int axis, double scale) {
        float[] g = new float[fft.complexLength()];
        int n = box.n();
        int half = n / 2;
        Parallel.forEach(n, threads, ix -> {
            for (int iy = 0; iy < n; iy++) {
                double kxy2 = k2[ix] + k2[iy];
                int p = fft.index(ix, iy, 0);
                for (int kz = 0; kz <= half; kz++, p += 2) {
                    int along = axis == 0 ? ix : axis == 1 ? iy : kz;
                    double kk = kxy2 + k2[kz];
                    if (along == half || kk == 0) {
                        continue;
                    }
                    double factor = scale * symbol[along] / kk;
                    // multiply by i * factor: (re, im) -> (-im * factor, re * factor)
                    g[p] = (float) (-fk[p + 1] * factor);
                    g[p + 1] = (float) (fk[p] * factor);
                }
            }
        });
        float[] real = new float[box.cells()];
        fft.inverseInPlace(g, real);
        return real;
    }

    /** Real field of phi1_ij = K_i K_j / k^2 delta(k) (zero on the Nyquist plane of i or j when i != j). */
    private float[] hessian(float[] deltaK, int a, int b) {
        float[] g = new float[fft.complexLength()];
        int n = box.n();
        int half = n / 2;
        Parallel.forEach(n, threads, ix -> {
            for (int iy = 0; iy < n; iy++) {
                double kxy2 = k2[ix] + k2[iy];
                int p = fft.index(ix, iy, 0);
                for (int kz = 0; kz <= half; kz++, p += 2) {
                    int ia = a == 0 ? ix : a == 1 ? iy : kz;
                    int ib = b == 0 ? ix : b == 1 ? iy : kz;
                    double kk = kxy2 + k2[kz];
                    if (kk == 0 || (a != b && (ia == half || ib == half))) {
                        continue;
                    }
                    double factor = a == b ? diagonal[ia] / kk : symbol[ia] * symbol[ib] / kk;
                    g[p] = (float) (deltaK[p] * factor);
                    g[p + 1] = (float) (deltaK[p + 1] * factor);
                }
            }
        });
        float[] real = new float[box.cells()];
        fft.inverseInPlace(g, real);
        return real;
    }

    /**
     * K_a^2 on the diagonal of the Hessian. The symbol is zeroed at Nyquist for first derivatives,
     * but the spectral second derivative -k^2 is real there and is kept (for FastPM's kernel K^2
     * vanishes at Nyquist anyway).
     */
    private double diagonalSymbol(int index) {
        double k = kernel == LptKernel.EXACT ? box.k(index) : symbol[index];
        return k * k;
    }

    /**
     * The linear density spectrum a first-order displacement was made from (the inverse of
     * {@link #psi1}): with {@code Psi_a(k) = i K_a delta(k) / k^2},
     * {@code delta(k) = -i k^2 sum_a K_a Psi_a(k) / sum_a K_a^2}. Modes where every K_a vanishes (k = 0
     * and, for FastPM's kernel, the corners where each index is 0 or Nyquist) carry no displacement and
     * come back as zero; they do not enter {@link #psi2} either. Cost: 3 forward FFTs.
     *
     * @param psi1 a ZA displacement [Mpc/h] on this box (at any time: the result is then the linear
     *             density at that time)
     */
    public float[] deltaKFromPsi1(VectorField psi1) {
        if (!psi1.box().equals(box)) {
            throw new IllegalArgumentException("field box " + psi1.box() + " differs from " + box);
        }
        float[][] pk = new float[3][];
        for (int d = 0; d < 3; d++) {
            pk[d] = fft.forward(psi1.c()[d]);
        }
        float[] out = new float[fft.complexLength()];
        int n = box.n();
        int half = n / 2;
        Parallel.forEach(n, threads, ix -> {
            for (int iy = 0; iy < n; iy++) {
                double kxy2 = k2[ix] + k2[iy];
                int p = fft.index(ix, iy, 0);
                for (int kz = 0; kz <= half; kz++, p += 2) {
                    double kk = kxy2 + k2[kz];
                    double re = 0;
                    double im = 0;
                    double norm = 0;
                    int[] idx = {ix, iy, kz};
                    for (int d = 0; d < 3; d++) {
                        if (idx[d] == half) {
                            continue; // the derivative along d is zero on its Nyquist plane
                        }
                        double kd = symbol[idx[d]];
                        re += kd * pk[d][p];
                        im += kd * pk[d][p + 1];
                        norm += kd * kd;
                    }
                    if (kk == 0 || norm == 0) {
                        continue;
                    }
                    double f = kk / norm;
                    // multiply by -i f: (re, im) -> (im f, -re f)
                    out[p] = (float) (im * f);
                    out[p + 1] = (float) (-re * f);
                }
            }
        });
        return out;
    }

    /**
     * 2LPT from ZA at one time: {@code za + r Psi2[delta]} where delta is the linear density behind
     * {@code za} ({@link #deltaKFromPsi1}) and {@code r = c2(a) / D1(a)^2} the kernel's second-order
     * coefficient over the square of the linear growth (D1(1) = 1), wrapped into [-L/2, L/2).
     * Cost: 3 forward FFTs plus those of {@link #psi2}.
     *
     * @param za ZA displacement at scale factor a [Mpc/h]
     * @param r  {@code kernel.secondOrderGrowth(g, a) / g.d1(a)^2} (negative)
     */
    public VectorField secondOrderFromZa(VectorField za, double r) {
        VectorField p2 = psi2(deltaKFromPsi1(za));
        float[][] c = new float[3][];
        for (int d = 0; d < 3; d++) {
            float[] z = za.c()[d];
            float[] q = p2.c()[d];
            float[] o = new float[z.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = (float) box.wrapCentered(z[i] + r * q[i]);
            }
            c[d] = o;
        }
        return new VectorField(box, c);
    }

    /** The linear density at z = 0 in real space (dimensionless), from its spectrum. */
    public float[] density(float[] deltaK) {
        return fft.inverse(deltaK);
    }

    /** {@code D1 Psi1 + D2 Psi2} (psi2 may be null for ZA) [Mpc/h], as a new field. */
    public static VectorField combine(VectorField psi1, double d1, VectorField psi2, double d2) {
        float[][] c = new float[3][psi1.box().cells()];
        for (int d = 0; d < 3; d++) {
            float[] p1 = psi1.c()[d];
            float[] p2 = psi2 == null ? null : psi2.c()[d];
            for (int i = 0; i < c[d].length; i++) {
                c[d][i] = (float) (d1 * p1[i] + (p2 == null ? 0 : d2 * p2[i]));
            }
        }
        return new VectorField(psi1.box(), c);
    }
}
