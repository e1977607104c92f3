package org.d3m.core.cosmology;

import java.util.Locale;

/**
 * A linear matter power spectrum at z = 0: P(k) [(Mpc/h)^3] as a function of k [h/Mpc].
 * To get P at scale factor a, multiply by {@code GrowthFactors.d1(a)^2}.
 */
public interface LinearPower {

    /** P(k) [(Mpc/h)^3] at z = 0 for k [h/Mpc] in [{@link #kMin()}, {@link #kMax()}]. */
    double at(double kHMpc);

    /** One line saying where the spectrum comes from, e.g. "Eisenstein-Hu 1998 (A_s=2.142e-09, ...)". */
    String describe();

    /**
     * Smallest k [h/Mpc] where {@link #at} is defined, and the lower end of the sigma8 integral.
     * Analytic spectra: 1e-5; tables: their first row.
     */
    default double kMin() {
        return 1e-5;
    }

    /** Largest k [h/Mpc] where {@link #at} is defined, the upper end of the sigma8 integral. Analytic: 1e3. */
    default double kMax() {
        return 1e3;
    }

    /** rms of the linear density contrast in top-hat spheres of radius 8 Mpc/h at z = 0. */
    default double sigma8() {
        return Sigma8.of(this);
    }

    /** This spectrum times (s8 / sigma8())^2, so that its sigma8 is s8 (&gt; 0). */
    default LinearPower rescaledToSigma8(double s8) {
        if (!(s8 > 0) || Double.isInfinite(s8)) {
            throw new IllegalArgumentException("sigma8 must be a finite number > 0, got " + s8);
        }
        LinearPower base = this;
        double own = sigma8();
        double factor = (s8 / own) * (s8 / own);
        return new LinearPower() {
            @Override
            public double at(double k) {
                return factor * base.at(k);
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "%s, rescaled to sigma8=%.6g (from %.6g)",
                        base.describe(), s8, own);
            }

            @Override
            public double kMin() {
                return base.kMin();
            }

            @Override
            public double kMax() {
                return base.kMax();
            }
        };
    }
}
