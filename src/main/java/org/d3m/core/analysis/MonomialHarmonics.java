package org.d3m.core.analysis;

/**
 * Sums of the real harmonics of {@link RealHarmonics} computed through monomials, the fast path of
 * {@link ThreePoint}: on the unit sphere every harmonic of degree l &lt;= lmax is a homogeneous
 * polynomial of degree D = lmax (l of the same parity as lmax) or D = lmax - 1 (the other parity),
 * because x^2 + y^2 + z^2 = 1 lifts lower degrees. So per pair only the (lmax + 1)^2 monomials
 * x^a y^b z^c with a + b + c in {lmax, lmax - 1} are accumulated (short, independent products
 * in element-wise loops over blocks of neighbours, see {@link #sumLanes}), and the harmonic sums
 * follow per primary and bin by a fixed sparse linear map built here by exact polynomial algebra.
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
     * Index of monomial x^a y^b z^(lmax-a-b) in the order of {@link #sumLanes};
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

    /** Neighbours per lane block of {@link #sumLanes}: long enough for the JIT's vector loops. */
    static final int LANES = 64;

    /** Per-thread scratch of {@link #sumLanes}. */
    final class Scratch {
        /** Per-lane partial sums, one row of {@link #LANES} per monomial. */
        private final double[][] acc = new double[count][LANES];
        /** z^c per lane, c = 0..lmax. */
        private final double[][] zc = new double[lmax + 1][LANES];
        private final double[] t = new double[LANES];
        private final double[] tx = new double[LANES];
        private final double[] xb = new double[LANES];
        private final double[] yb = new double[LANES];
        private final double[] zb = new double[LANES];
    }

    Scratch newScratch() {
        return new Scratch();
    }

    /**
     * Sets out[off + k] to the sum over neighbours j in [from, to) of w_j x_j^a y_j^b z_j^c, for the
     * monomials with a + b + c in {lmax, lmax - 1} in the order x-power major, y-power next, the
     * degree-lmax monomial before the degree-(lmax - 1) one of the same (a, b).
     *
     * <p>Neighbours go in blocks of {@link #LANES}; within a block every step is an element-wise
     * loop over the lanes (which the JIT turns into SIMD code) that adds into per-lane partial
     * sums, so there is no serial reduction in the hot loop. The lanes are summed once at the end,
     * in a fixed order: the result depends only on the neighbour order, not on threads.
     */
    void sumLanes(double[] x, double[] y, double[] z, double[] w, int from, int to,
                  double[] out, int off, Scratch s) {
        final int d = lmax;
        final int used = Math.min(LANES, to - from);
        for (double[] row : s.acc) {
            java.util.Arrays.fill(row, 0, used, 0.0);
        }
        final double[] t = s.t;
        final double[] tx = s.tx;
        final double[] xb = s.xb;
        final double[] yb = s.yb;
        final double[] zb = s.zb;
        final double[][] zc = s.zc;
        final double[][] acc = s.acc;
        for (int j0 = from; j0 < to; j0 += LANES) {
            final int len = Math.min(LANES, to - j0);
            System.arraycopy(x, j0, xb, 0, len);
            System.arraycopy(y, j0, yb, 0, len);
            System.arraycopy(z, j0, zb, 0, len);
            System.arraycopy(w, j0, tx, 0, len);
            java.util.Arrays.fill(zc[0], 0, len, 1.0);
            for (int c = 1; c <= d; c++) {
                times(zc[c], zc[c - 1], zb, len);
            }
            int k = 0;
            for (int a = 0; a <= d; a++) {
                // t = w x^a y^b, advanced along b by the kernels; the first one reads tx = w x^a
                double[] src = tx;
                int b = 0;
                for (; a + b + 1 < d; b += 2) {
                    int c = d - a - b;
                    addQuad(acc[k], acc[k + 1], acc[k + 2], acc[k + 3], src, t,
                            zc[c], zc[c - 1], zc[c - 2], yb, len);
                    src = t;
                    k += 4;
                }
                if (a + b < d) {
                    int c = d - a - b;
                    addPair(acc[k], acc[k + 1], src, t, zc[c], zc[c - 1], yb, len);
                    src = t;
                    k += 2;
                }
                add(acc[k++], src, len);
                if (a < d) {
                    times(tx, tx, xb, len);
                }
            }
        }
        for (int k = 0; k < count; k++) {
            out[off + k] = laneSum(acc[k], used);
        }
    }

    /**
     * Two steps of {@link #addPair} in one pass, lane by lane: with t = src, a1 += t z1,
     * a2 += t z2, t *= y, a3 += t z2, a4 += t z3, t *= y, and the result stored in t (fewer loads
     * and stores per product). src is tx on the first pass of a chain, else t itself.
     */
    private static void addQuad(double[] a1, double[] a2, double[] a3, double[] a4, double[] src,
                                double[] t, double[] z1, double[] z2, double[] z3, double[] y, int len) {
        for (int l = 0; l < len; l++) {
            double tl = src[l];
            double yl = y[l];
            double z2l = z2[l];
            a1[l] += tl * z1[l];
            a2[l] += tl * z2l;
            tl *= yl;
            a3[l] += tl * z2l;
            a4[l] += tl * z3[l];
            t[l] = tl * yl;
        }
    }

    /** Lane by lane, with t = src: a1 += t z1, a2 += t z2, and t * y stored in t. */
    private static void addPair(double[] a1, double[] a2, double[] src, double[] t, double[] z1,
                                double[] z2, double[] y, int len) {
        for (int l = 0; l < len; l++) {
            double tl = src[l];
            a1[l] += tl * z1[l];
            a2[l] += tl * z2[l];
            t[l] = tl * y[l];
        }
    }

    /** Sum of row[0 .. n) with eight interleaved partial sums (fixed order: deterministic). */
    private static double laneSum(double[] row, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int l = 0;
        for (; l + 7 < n; l += 8) {
            s0 += row[l];
            s1 += row[l + 1];
            s2 += row[l + 2];
            s3 += row[l + 3];
            s4 += row[l + 4];
            s5 += row[l + 5];
            s6 += row[l + 6];
            s7 += row[l + 7];
        }
        for (; l < n; l++) {
            s0 += row[l];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static void add(double[] a, double[] t, int len) {
        for (int l = 0; l < len; l++) {
            a[l] += t[l];
        }
    }

    /** out = p * q lane by lane (out may be p). */
    private static void times(double[] out, double[] p, double[] q, int len) {
        for (int l = 0; l < len; l++) {
            out[l] = p[l] * q[l];
        }
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
