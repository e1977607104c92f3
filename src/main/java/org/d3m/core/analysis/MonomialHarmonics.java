package org.d3m.core.analysis;

/**
 * Sums of the real harmonics of {@link RealHarmonics} computed through monomials, the fast path of
 * {@link ThreePoint}: on the unit sphere every harmonic of degree l &lt;= lmax is a homogeneous
 * polynomial of degree D = lmax (l of the same parity as lmax) or D = lmax - 1 (the other parity),
 * because x^2 + y^2 + z^2 = 1 lifts lower degrees. So per pair only the (lmax + 1)^2 monomials
 * x^a y^b z^c with a + b + c in {lmax, lmax - 1} are accumulated (short, independent products,
 * no long recurrence chain), and the harmonic sums follow per primary and bin by a fixed sparse
 * linear map built here by exact polynomial algebra.
 */
final class MonomialHarmonics {

    private final int lmax;
    private final int count;
    /** Sparse map harmonic h &lt;- monomial: per h, monomial indices and coefficients. */
    private final int[][] mapIndex;
    private final double[][] mapCoef;

    MonomialHarmonics(int lmax) {
        if (lmax < 0 || lmax > 40) {
            throw new IllegalArgumentException("lmax must be in [0, 40], got " + lmax);
        }
        this.lmax = lmax;
        this.count = (lmax + 1) * (lmax + 1);
        int[][] monoIndex = monomialIndex(lmax);
        mapIndex = new int[count][];
        mapCoef = new double[count][];
        int dim = lmax + 1;
        RealHarmonics rh = new RealHarmonics(lmax);
        for (int l = 0; l <= lmax; l++) {
            for (int m = 0; m <= l; m++) {
                for (int part = 0; part < (m == 0 ? 1 : 2); part++) {
                    double[][][] p = harmonicPolynomial(rh, l, m, part == 1, dim);
                    // lift to the homogeneous degree D = l + 2k by multiplying with (x^2+y^2+z^2)^k
                    int degree = (lmax - l) % 2 == 0 ? lmax : lmax - 1;
                    double[][][] h = homogenize(p, degree, dim);
                    int nnz = 0;
                    for (int a = 0; a <= degree; a++) {
                        for (int b = 0; a + b <= degree; b++) {
                            if (h[a][b][degree - a - b] != 0) {
                                nnz++;
                            }
                        }
                    }
                    int idx = l * l + (m == 0 ? 0 : 2 * m - 1 + part);
                    mapIndex[idx] = new int[nnz];
                    mapCoef[idx] = new double[nnz];
                    int k = 0;
                    for (int a = 0; a <= degree; a++) {
                        for (int b = 0; a + b <= degree; b++) {
                            double v = h[a][b][degree - a - b];
                            if (v != 0) {
                                mapIndex[idx][k] = monoIndex[a][b] + (degree == lmax ? 0 : 1);
                                mapCoef[idx][k] = v;
                                k++;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Number of monomials (= number of harmonics), (lmax + 1)^2. */
    int count() {
        return count;
    }

    /**
     * Index of monomial x^a y^b z^(lmax-a-b) in the accumulation order of {@link #accumulate};
     * the degree lmax - 1 monomial x^a y^b z^(lmax-1-a-b) sits right after it (when a + b &lt; lmax).
     */
    private static int[][] monomialIndex(int lmax) {
        int[][] idx = new int[lmax + 1][lmax + 1];
        int k = 0;
        for (int a = 0; a <= lmax; a++) {
            for (int b = 0; a + b <= lmax; b++) {
                idx[a][b] = k;
                k += a + b < lmax ? 2 : 1;
            }
        }
        return idx;
    }

    /**
     * Adds w x^a y^b z^c for a + b + c in {lmax, lmax - 1} to acc[off ..]; xp, yp, zp are scratch
     * arrays of length lmax + 1.
     */
    void accumulate(double x, double y, double z, double w, double[] acc, int off,
                    double[] xp, double[] yp, double[] zp) {
        final int d = lmax;
        xp[0] = w;
        yp[0] = 1;
        zp[0] = 1;
        for (int i = 1; i <= d; i++) {
            xp[i] = xp[i - 1] * x;
            yp[i] = yp[i - 1] * y;
            zp[i] = zp[i - 1] * z;
        }
        int k = off;
        for (int a = 0; a <= d; a++) {
            final double xa = xp[a];
            for (int b = 0; a + b < d; b++) {
                final double xy = xa * yp[b];
                final int c = d - a - b;
                acc[k] += xy * zp[c];
                acc[k + 1] += xy * zp[c - 1];
                k += 2;
            }
            acc[k++] += xa * yp[d - a];
        }
    }

    /**
     * Sets out[off + k] to the sum over neighbours j in [from, to) of w_j x_j^a y_j^b z_j^c for the
     * monomials in the order of {@link #accumulate}. Works column-wise over the neighbours (short
     * element-wise loops and 4-way split dot products) so that the CPU can overlap the work of
     * different neighbours. zc (lmax + 1 rows) and t, tx are scratch of length &gt;= to - from.
     */
    void sumBatch(double[] x, double[] y, double[] z, double[] w, int from, int to,
                  double[] out, int off, double[][] zc, double[] t, double[] tx) {
        final int d = lmax;
        final int n = to - from;
        double[] z0 = zc[0];
        for (int j = 0; j < n; j++) {
            z0[j] = 1;
            tx[j] = w[from + j];
        }
        for (int c = 1; c <= d; c++) {
            double[] cur = zc[c];
            double[] prev = zc[c - 1];
            for (int j = 0; j < n; j++) {
                cur[j] = prev[j] * z[from + j];
            }
        }
        int k = off;
        for (int a = 0; a <= d; a++) {
            System.arraycopy(tx, 0, t, 0, n);
            for (int b = 0; a + b < d; b++) {
                // both degrees share t = w x^a y^b; t advances to the next power of y in the same pass
                int c = d - a - b;
                fusedDots(t, zc[c], zc[c - 1], y, from, n, out, k);
                k += 2;
            }
            out[k++] = dot(t, zc[0], n);
            if (a < d) {
                for (int j = 0; j < n; j++) {
                    tx[j] *= x[from + j];
                }
            }
        }
    }

    /**
     * out[k] = sum t z1, out[k+1] = sum t z2 (four interleaved partial sums each, fixed order), and
     * t *= y[from ..] afterwards, in one pass over the neighbours.
     */
    private static void fusedDots(double[] t, double[] z1, double[] z2, double[] y, int from, int n,
                                  double[] out, int k) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double t0 = t[j];
            double t1 = t[j + 1];
            double t2 = t[j + 2];
            double t3 = t[j + 3];
            a0 += t0 * z1[j];
            a1 += t1 * z1[j + 1];
            a2 += t2 * z1[j + 2];
            a3 += t3 * z1[j + 3];
            b0 += t0 * z2[j];
            b1 += t1 * z2[j + 1];
            b2 += t2 * z2[j + 2];
            b3 += t3 * z2[j + 3];
            t[j] = t0 * y[from + j];
            t[j + 1] = t1 * y[from + j + 1];
            t[j + 2] = t2 * y[from + j + 2];
            t[j + 3] = t3 * y[from + j + 3];
        }
        for (; j < n; j++) {
            double t0 = t[j];
            a0 += t0 * z1[j];
            b0 += t0 * z2[j];
            t[j] = t0 * y[from + j];
        }
        out[k] = (a0 + a1) + (a2 + a3);
        out[k + 1] = (b0 + b1) + (b2 + b3);
    }

    /** Dot product with four interleaved partial sums (fixed order: deterministic). */
    private static double dot(double[] p, double[] q, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += p[j] * q[j];
            s1 += p[j + 1] * q[j + 1];
            s2 += p[j + 2] * q[j + 2];
            s3 += p[j + 3] * q[j + 3];
        }
        for (; j < n; j++) {
            s0 += p[j] * q[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Converts monomial sums mono[off ..] into harmonic sums out[outOff + h]. */
    void toHarmonics(double[] mono, int off, double[] out, int outOff) {
        for (int h = 0; h < count; h++) {
            final int[] ix = mapIndex[h];
            final double[] cf = mapCoef[h];
            double s = 0;
            for (int k = 0; k < ix.length; k++) {
                s += cf[k] * mono[off + ix[k]];
            }
            out[outOff + h] = s;
        }
    }

    // ---- exact polynomial algebra on coefficient cubes p[a][b][c] of x^a y^b z^c ----

    private static double[][][] ones(int dim) {
        double[][][] p = new double[dim][dim][dim];
        p[0][0][0] = 1;
        return p;
    }

    /** R_lm (cos part, or sin part if {@code sin}) as a polynomial in x, y, z. */
    private static double[][][] harmonicPolynomial(RealHarmonics rh, int l, int m, boolean sin, int dim) {
        // Legendre part: the normalised recurrence of RealHarmonics, as a polynomial in z
        double[] legendre = rh.legendrePolynomial(l, m);
        // (x + i y)^m
        double[][][] re = ones(dim);
        double[][][] im = new double[dim][dim][dim];
        for (int k = 0; k < m; k++) {
            double[][][] nre = new double[dim][dim][dim];
            double[][][] nim = new double[dim][dim][dim];
            for (int a = 0; a < dim; a++) {
                for (int b = 0; a + b < dim; b++) {
                    for (int c = 0; a + b + c < dim; c++) {
                        double r = re[a][b][c];
                        double i = im[a][b][c];
                        if (a + 1 < dim) {
                            nre[a + 1][b][c] += r;
                            nim[a + 1][b][c] += i;
                        }
                        if (b + 1 < dim) {
                            nre[a][b + 1][c] -= i;
                            nim[a][b + 1][c] += r;
                        }
                    }
                }
            }
            re = nre;
            im = nim;
        }
        double[][][] base = sin ? im : re;
        double[][][] out = new double[dim][dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; a + b < dim; b++) {
                if (base[a][b][0] == 0) {
                    continue;
                }
                for (int c = 0; c < legendre.length && a + b + c < dim; c++) {
                    out[a][b][c] += base[a][b][0] * legendre[c];
                }
            }
        }
        return out;
    }

    /** Lifts every term of p to total degree {@code degree} by powers of x^2 + y^2 + z^2. */
    private static double[][][] homogenize(double[][][] p, int degree, int dim) {
        double[][][] out = new double[dim][dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; a + b < dim; b++) {
                for (int c = 0; a + b + c < dim; c++) {
                    double v = p[a][b][c];
                    if (v == 0) {
                        continue;
                    }
                    int gap = degree - (a + b + c);
                    if (gap < 0 || gap % 2 != 0) {
                        throw new IllegalStateException("harmonic term of wrong parity");
                    }
                    double[][][] t = new double[dim][dim][dim];
                    t[a][b][c] = v;
                    for (int k = 0; k < gap / 2; k++) {
                        t = timesRho(t, dim);
                    }
                    for (int i = 0; i < dim; i++) {
                        for (int j = 0; i + j < dim; j++) {
                            for (int q = 0; i + j + q < dim; q++) {
                                out[i][j][q] += t[i][j][q];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double[][][] timesRho(double[][][] p, int dim) {
        double[][][] out = new double[dim][dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; a + b < dim; b++) {
                for (int c = 0; a + b + c < dim; c++) {
                    double v = p[a][b][c];
                    if (v == 0) {
                        continue;
                    }
                    out[a + 2][b][c] += v;
                    out[a][b + 2][c] += v;
                    out[a][b][c + 2] += v;
                }
            }
        }
        return out;
    }
}
