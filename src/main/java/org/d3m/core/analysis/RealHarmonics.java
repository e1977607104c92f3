package org.d3m.core.analysis;

/**
 * Real spherical harmonics R_h of a unit vector, scaled so that for every degree l
 * {@code sum_{h of degree l} R_h(a) R_h(b) = P_l(a . b)} (addition theorem with the
 * 4 pi / (2 l + 1) factor absorbed). Per degree l there are 2 l + 1 of them, stored at index
 * {@code l*l} (m = 0), {@code l*l + 2m - 1} (cos part of m) and {@code l*l + 2m} (sin part of m).
 *
 * <p>Evaluation uses only products: (x + i y)^m by complex multiplication, and the polynomial
 * part of the associated Legendre function, d^m P_l / dz^m, by the three-term recurrence in l,
 * with the normalisation sqrt((2 - delta_m0) (l - m)! / (l + m)!) folded into its coefficients.
 * (sin theta)^m e^{i m phi} = (x + i y)^m on the unit sphere, so no trigonometry is needed.
 */
final class RealHarmonics {

    private final int lmax;
    /** Normalised diagonal start value per m: K_mm (2m - 1)!!. */
    private final double[] diag;
    /** Recurrence coefficients per (m, l): R_lm = alpha z R_{l-1,m} - beta R_{l-2,m}. */
    private final double[][] alpha;
    private final double[][] beta;

    RealHarmonics(int lmax) {
        if (lmax < 0 || lmax > 40) {
            throw new IllegalArgumentException("lmax must be in [0, 40], got " + lmax);
        }
        this.lmax = lmax;
        diag = new double[lmax + 1];
        alpha = new double[lmax + 1][lmax + 1];
        beta = new double[lmax + 1][lmax + 1];
        for (int m = 0; m <= lmax; m++) {
            // K_mm^2 (2m-1)!!^2 = (2 - d_m0) (2m-1)!!^2 / (2m)!, built as a running product
            double v = 1;
            for (int k = 1; k <= m; k++) {
                v *= (2.0 * k - 1) / (2.0 * k);
            }
            diag[m] = Math.sqrt((m == 0 ? 1 : 2) * v);
            for (int l = m + 1; l <= lmax; l++) {
                // K_lm / K_{l-1,m} = sqrt((l-m)/(l+m)); K_lm / K_{l-2,m} = sqrt((l-m)(l-m-1)/((l+m)(l+m-1)))
                alpha[m][l] = (2.0 * l - 1) / (l - m) * Math.sqrt((double) (l - m) / (l + m));
                beta[m][l] = l >= m + 2
                        ? (l + m - 1.0) / (l - m) * Math.sqrt((double) (l - m) * (l - m - 1) / ((double) (l + m) * (l + m - 1)))
                        : 0;
            }
        }
    }

    /**
     * Coefficients in z (index = power) of the normalised polynomial part of R_lm, i.e. R_lm
     * divided by the cos/sin part of (x + i y)^m; by the same recurrence as {@link #accumulate}.
     */
    double[] legendrePolynomial(int l, int m) {
        if (m < 0 || m > l || l > lmax) {
            throw new IllegalArgumentException("need 0 <= m <= l <= lmax, got l=" + l + " m=" + m);
        }
        double[] p2 = new double[l + 1];
        double[] p1 = new double[l + 1];
        p1[0] = diag[m];
        for (int k = m + 1; k <= l; k++) {
            double[] p = new double[l + 1];
            for (int c = 0; c < l; c++) {
                p[c + 1] += alpha[m][k] * p1[c];
            }
            for (int c = 0; c <= l; c++) {
                p[c] -= beta[m][k] * p2[c];
            }
            p2 = p1;
            p1 = p;
        }
        return p1;
    }

    /** Number of real harmonics of degree &lt;= lmax, (lmax + 1)^2. */
    int count() {
        return (lmax + 1) * (lmax + 1);
    }

    /**
     * Adds {@code w R_h(x, y, z)} to {@code acc[off + h]} for every h; (x, y, z) must be a unit
     * vector.
     */
    void accumulate(double x, double y, double z, double w, double[] acc, int off) {
        final int lm = lmax;
        double c = w; // w Re (x + i y)^m
        double s = 0; // w Im (x + i y)^m
        for (int m = 0; m <= lm; m++) {
            final double[] a = alpha[m];
            final double[] b = beta[m];
            double p2 = 0;
            double p1 = diag[m];
            if (m == 0) {
                acc[off] += c * p1;
                for (int l = 1; l <= lm; l++) {
                    double p = a[l] * z * p1 - b[l] * p2;
                    acc[off + l * l] += c * p;
                    p2 = p1;
                    p1 = p;
                }
            } else {
                int i = off + m * m + 2 * m - 1;
                acc[i] += c * p1;
                acc[i + 1] += s * p1;
                for (int l = m + 1; l <= lm; l++) {
                    double p = a[l] * z * p1 - b[l] * p2;
                    int k = off + l * l + 2 * m - 1;
                    acc[k] += c * p;
                    acc[k + 1] += s * p;
                    p2 = p1;
                    p1 = p;
                }
            }
            double cn = c * x - s * y;
            s = c * y + s * x;
            c = cn;
        }
    }
}
