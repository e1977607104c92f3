package org.d3m.core.analysis;

/**
 * Transfer function and correlation coefficient of a predicted against a true field from binned
 * power spectra on the same k bins: {@code T(k) = sqrt(P_pred / P_true)},
 * {@code r(k) = P_cross / sqrt(P_pred P_true)}, stochasticity {@code 1 - r^2} (all dimensionless).
 * Bins where P_pred or P_true is not positive (e.g. bins without modes) give NaN.
 *
 * @param k             bin wavenumbers [h/Mpc] as given (e.g. the mean |k| of the modes)
 * @param t             T(k)
 * @param r             r(k)
 * @param stochasticity 1 - r(k)^2
 */
public record TransferStats(double[] k, double[] t, double[] r, double[] stochasticity) {

    /**
     * @param k      bin wavenumbers [h/Mpc]
     * @param pPred  P_pred(k) [(Mpc/h)^3]
     * @param pTrue  P_true(k) [(Mpc/h)^3]
     * @param pCross cross power of pred and true [(Mpc/h)^3]
     */
    public static TransferStats of(double[] k, double[] pPred, double[] pTrue, double[] pCross) {
        int n = k.length;
        if (pPred.length != n || pTrue.length != n || pCross.length != n) {
            throw new IllegalArgumentException("transfer statistics need spectra of equal length, got "
                    + n + ", " + pPred.length + ", " + pTrue.length + ", " + pCross.length);
        }
        double[] t = new double[n];
        double[] r = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            if (pPred[i] > 0 && pTrue[i] > 0) {
                t[i] = Math.sqrt(pPred[i] / pTrue[i]);
                r[i] = pCross[i] / Math.sqrt(pPred[i] * pTrue[i]);
                s[i] = 1 - r[i] * r[i];
            } else {
                t[i] = Double.NaN;
                r[i] = Double.NaN;
                s[i] = Double.NaN;
            }
        }
        return new TransferStats(k.clone(), t, r, s);
    }

    /**
     * The value of a per-bin array in the bin containing k, where bin i covers [i dk, (i+1) dk)
     * [h/Mpc]. A relative slack of 1e-9 bins absorbs rounding in k / dk (0.5 / 0.02 reads bin 25).
     */
    public static double valueAt(double[] arr, double k, double dk) {
        if (!(dk > 0) || !(k >= 0) || Double.isInfinite(k) || Double.isInfinite(dk)) {
            throw new IllegalArgumentException("need k >= 0 and dk > 0 h/Mpc, got k=" + k + " dk=" + dk);
        }
        int i = (int) Math.floor(k / dk + 1e-9);
        if (i >= arr.length) {
            throw new IllegalArgumentException("k = " + k + " h/Mpc is beyond the last bin (" + arr.length
                    + " bins of " + dk + " h/Mpc)");
        }
        return arr[i];
    }
}
