package org.d3m.core.analysis;

import java.util.Arrays;

import org.d3m.core.field.Box;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.VectorField;

/**
 * Point-wise displacement error of a predicted against a true displacement field (both [Mpc/h] on
 * the same Lagrangian grid): per particle {@code e = |Psi_pred - Psi_true| / |Psi_true|}.
 *
 * <p>The difference is minimum-imaged into [-L/2, L/2) per component, so a particle whose two
 * displacements were wrapped on opposite sides of the box does not count as an L-sized error.
 * Particles with |Psi_true| == 0 have no relative error; they are skipped in mean, median and max
 * and counted in {@code skipped}.
 *
 * @param mean    mean of e over particles with |Psi_true| &gt; 0 (dimensionless)
 * @param median  median of e (mean of the two middle values for an even count)
 * @param max     maximum of e
 * @param ratio   mean |Psi_pred - Psi_true| / mean |Psi_true| over all particles
 * @param count   particles with |Psi_true| &gt; 0
 * @param skipped particles with |Psi_true| == 0
 */
public record PointwiseError(double mean, double median, double max, double ratio, int count, int skipped) {

    /** Particles per partial sum: fixed, so sums do not depend on the thread count. */
    private static final int CHUNK = 4096;

    /**
     * Computes the error statistics.
     *
     * @throws IllegalArgumentException if the boxes differ or every true displacement is zero
     */
    public static PointwiseError of(VectorField pred, VectorField truth, int threads) {
        Box box = truth.box();
        if (!pred.box().equals(box)) {
            throw new IllegalArgumentException("point-wise error needs fields on the same box, got "
                    + pred.box() + " and " + box);
        }
        int n = box.cells();
        double[] e = new double[n];
        double[] diffNorm = new double[n];
        double[] trueNorm = new double[n];
        float[][] p = pred.c();
        float[][] t = truth.c();
        Parallel.forEach(n, threads, i -> {
            double d2 = 0;
            double t2 = 0;
            for (int a = 0; a < 3; a++) {
                double d = box.wrapCentered((double) p[a][i] - t[a][i]);
                d2 += d * d;
                t2 += (double) t[a][i] * t[a][i];
            }
            double dn = Math.sqrt(d2);
            double tn = Math.sqrt(t2);
            diffNorm[i] = dn;
            trueNorm[i] = tn;
            e[i] = tn > 0 ? dn / tn : Double.NaN; // NaN marks "skipped"; never reported
        });
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] sumE = new double[chunks];
        double[] sumD = new double[chunks];
        double[] sumT = new double[chunks];
        int[] cnt = new int[chunks];
        double[] mx = new double[chunks];
        Parallel.forEach(chunks, threads, c -> {
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                sumD[c] += diffNorm[i];
                sumT[c] += trueNorm[i];
                if (trueNorm[i] > 0) {
                    sumE[c] += e[i];
                    cnt[c]++;
                    mx[c] = Math.max(mx[c], e[i]);
                }
            }
        });
        double se = 0;
        double sd = 0;
        double st = 0;
        double max = 0;
        int count = 0;
        for (int c = 0; c < chunks; c++) {
            se += sumE[c];
            sd += sumD[c];
            st += sumT[c];
            max = Math.max(max, mx[c]);
            count += cnt[c];
        }
        if (count == 0) {
            throw new IllegalArgumentException("point-wise error undefined: the true displacement is zero everywhere");
        }
        double[] valid = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (trueNorm[i] > 0) {
                valid[k++] = e[i];
            }
        }
        Arrays.sort(valid);
        double median = count % 2 == 1 ? valid[count / 2] : 0.5 * (valid[count / 2 - 1] + valid[count / 2]);
        return new PointwiseError(se / count, median, max, sd / st, count, n - count);
    }
}
