package org.d3m.core.cosmology;

/**
 * Top-hat variance of a linear spectrum:
 * sigma^2(R) = int dln k  k^3 P(k) / (2 pi^2)  W(kR)^2,  W(x) = 3 (sin x - x cos x) / x^3,
 * integrated by composite Simpson in ln k over [p.kMin(), p.kMax()] (1e-5..1e3 h/Mpc for analytic
 * spectra, the table's range for tables) with 2^15 intervals (step &lt; 7e-4 in ln k), which resolves
 * the window's oscillations wherever the integrand matters.
 */
public final class Sigma8 {

    private static final int INTERVALS = 1 << 15;

    private Sigma8() {
    }

    /** sigma8 = sigmaR(p, 8 Mpc/h). */
    public static double of(LinearPower p) {
        return sigmaR(p, 8.0);
    }

    /** rms linear density contrast in a top-hat sphere of radius rMpcH [Mpc/h] (&gt; 0). */
    public static double sigmaR(LinearPower p, double rMpcH) {
        if (!(rMpcH > 0) || Double.isInfinite(rMpcH)) {
            throw new IllegalArgumentException("top-hat radius must be > 0 Mpc/h, got " + rMpcH);
        }
        double lo = Math.log(p.kMin());
        double hi = Math.log(p.kMax());
        double step = (hi - lo) / INTERVALS;
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            // exact end points: a table's at() rejects k a rounding error outside its range
            double k = i == 0 ? p.kMin() : i == INTERVALS ? p.kMax() : Math.exp(lo + i * step);
            double w = window(k * rMpcH);
            double f = k * k * k * p.at(k) * w * w;
            double weight = (i == 0 || i == INTERVALS) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * f;
        }
        double var = sum * step / 3 / (2 * Math.PI * Math.PI);
        return Math.sqrt(var);
    }

    /** Fourier transform of the normalised top-hat, 3 (sin x - x cos x) / x^3 (series for small x). */
    static double window(double x) {
        if (x < 1e-2) {
            double x2 = x * x;
            return 1 - x2 / 10 + x2 * x2 / 280;
        }
        return 3 * (Math.sin(x) - x * Math.cos(x)) / (x * x * x);
    }
}
