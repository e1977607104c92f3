package org.d3m.core.cosmology;

import java.util.Locale;

/**
 * Linear P(k) at z = 0 from the primordial amplitude A_s and the Eisenstein &amp; Hu (1998, ApJ 496,
 * 605) transfer function WITH baryon acoustic oscillations, implemented from the paper's eqs. 2-24
 * (beta_c from eq. 12 with Omega_c/Omega_0, as in Eisenstein's own tf_fit.c), T_cmb = 2.7255 K.
 *
 * <p>Normalisation (SPEC.md): k^3 P(k) / (2 pi^2) = (4/25) A_s (k/k_p)^(n_s-1) T(k)^2 (c k / H0)^4
 * (D1(1)/Om)^2, with k_p = 0.05/h h/Mpc, c/H0 = 2997.92458 Mpc/h and D1 normalised to a in matter
 * domination ({@link GrowthFactors#d1EarlyNorm}(1)). Inside the fit k is in 1/Mpc (k[h/Mpc] * h).
 */
public final class EisensteinHu implements LinearPower {

    /** CMB temperature [K]. */
    public static final double T_CMB = 2.7255;
    /** Hubble distance c/H0 [Mpc/h]. */
    public static final double C_OVER_H0 = 2997.92458;
    /** Pivot scale of A_s [1/Mpc]. */
    public static final double K_PIVOT_MPC = 0.05;

    private final Cosmology c;
    private final double h;
    private final double fb;
    private final double fc;
    private final double kEq;       // 1/Mpc
    private final double s;         // sound horizon at drag [Mpc]
    private final double kSilk;     // 1/Mpc
    private final double alphaC;
    private final double betaC;
    private final double alphaB;
    private final double betaB;
    private final double betaNode;
    private final double amplitude; // 2 pi^2 (4/25) A_s (D1/Om)^2 (c/H0)^4

    /** Eisenstein-Hu spectrum of this cosmology, normalised by its A_s. */
    public EisensteinHu(Cosmology c) {
        this.c = c;
        this.h = c.h();
        double omhh = c.omegaM() * h * h;
        double obhh = c.omegaB() * h * h;
        double theta = T_CMB / 2.7;
        double theta4 = Math.pow(theta, 4);
        fb = c.omegaB() / c.omegaM();
        fc = 1 - fb;

        double zEq = 2.50e4 * omhh / theta4;                                // eq. 2 (really 1 + z_eq)
        kEq = 7.46e-2 * omhh / (theta * theta);                               // eq. 3
        double b1 = 0.313 * Math.pow(omhh, -0.419) * (1 + 0.607 * Math.pow(omhh, 0.674));
        double b2 = 0.238 * Math.pow(omhh, 0.223);
        double zD = 1291 * Math.pow(omhh, 0.251) / (1 + 0.659 * Math.pow(omhh, 0.828))
                * (1 + b1 * Math.pow(obhh, b2));                                // eq. 4
        double rD = 31.5 * obhh / theta4 * (1000 / (1 + zD));                 // eq. 5
        double rEq = 31.5 * obhh / theta4 * (1000 / zEq);
        if (obhh > 0) {
            s = 2.0 / (3.0 * kEq) * Math.sqrt(6.0 / rEq)
                    * Math.log((Math.sqrt(1 + rD) + Math.sqrt(rD + rEq)) / (1 + Math.sqrt(rEq)));  // eq. 6
        } else {
            s = 2.0 / (3.0 * kEq) * Math.sqrt(6.0) * (Math.sqrt(1 + zEq / (1 + zD)) - 1); // R -> 0 limit
        }
        kSilk = 1.6 * Math.pow(obhh, 0.52) * Math.pow(omhh, 0.73)
                * (1 + Math.pow(10.4 * omhh, -0.95));                           // eq. 7

        double a1 = Math.pow(46.9 * omhh, 0.670) * (1 + Math.pow(32.1 * omhh, -0.532));
        double a2 = Math.pow(12.0 * omhh, 0.424) * (1 + Math.pow(45.0 * omhh, -0.582));
        alphaC = Math.pow(a1, -fb) * Math.pow(a2, -fb * fb * fb);             // eq. 11
        double bb1 = 0.944 / (1 + Math.pow(458 * omhh, -0.708));
        double bb2 = Math.pow(0.395 * omhh, -0.0266);
        betaC = 1.0 / (1 + bb1 * (Math.pow(fc, bb2) - 1));                     // eq. 12

        double y = zEq / (1 + zD);
        double sq = Math.sqrt(1 + y);
        double g = y * (-6 * sq + (2 + 3 * y) * Math.log((sq + 1) / (sq - 1))); // eq. 15
        alphaB = 2.07 * kEq * s * Math.pow(1 + rD, -0.75) * g;                  // eq. 14
        betaB = 0.5 + fb + (3 - 2 * fb) * Math.sqrt(Math.pow(17.2 * omhh, 2) + 1); // eq. 24
        betaNode = 8.41 * Math.pow(omhh, 0.435);                               // eq. 23

        double growth = GrowthFactors.of(c.omegaM()).d1EarlyNorm(1.0) / c.omegaM();
        double c4 = Math.pow(C_OVER_H0, 4);
        amplitude = 2 * Math.PI * Math.PI * 4.0 / 25.0 * c.aS() * growth * growth * c4;
    }

    /** The cosmology this spectrum was built from. */
    public Cosmology cosmology() {
        return c;
    }

    /** Sound horizon at the drag epoch s [Mpc] (eq. 6). */
    public double soundHorizonMpc() {
        return s;
    }

    /** beta_c (eq. 12). */
    public double betaC() {
        return betaC;
    }

    /** alpha_c (eq. 11). */
    public double alphaC() {
        return alphaC;
    }

    /** P(k) [(Mpc/h)^3] at z = 0, k [h/Mpc] &gt; 0. */
    @Override
    public double at(double kHMpc) {
        if (!(kHMpc > 0) || Double.isInfinite(kHMpc)) {
            throw new IllegalArgumentException("k must be > 0 h/Mpc, got " + kHMpc);
        }
        double t = transfer(kHMpc * h);
        double primordial = Math.pow(kHMpc * h / K_PIVOT_MPC, c.nS() - 1);
        // P = 2 pi^2 / k^3 (4/25) A_s (k/k_p)^(n_s-1) T^2 (c/H0)^4 k^4 (D1/Om)^2
        return amplitude * primordial * t * t * kHMpc;
    }

    /** EH98 transfer function T(k) (eq. 16), k in 1/Mpc; T -&gt; 1 as k -&gt; 0. */
    public double transfer(double kMpc) {
        double q = kMpc / (13.41 * kEq);                                       // eq. 10
        if (fb == 0) {
            return t0(q, 1, 1);
        }
        double ks = kMpc * s;
        double f = 1 / (1 + Math.pow(ks / 5.4, 4));                            // eq. 18
        double tc = f * t0(q, 1, betaC) + (1 - f) * t0(q, alphaC, betaC);      // eq. 17
        double sTilde = s / Math.cbrt(1 + Math.pow(betaNode / ks, 3));         // eq. 22
        double x = kMpc * sTilde;
        double j0 = x < 1e-4 ? 1 - x * x / 6 : Math.sin(x) / x;
        double tb = (t0(q, 1, 1) / (1 + Math.pow(ks / 5.2, 2))
                + alphaB / (1 + Math.pow(betaB / ks, 3)) * Math.exp(-Math.pow(kMpc / kSilk, 1.4))) * j0; // eq. 21
        return fb * tb + fc * tc;                                              // eq. 16
    }

    /** T~0(k, alpha_c, beta_c) of eqs. 19-20. */
    private static double t0(double q, double alpha, double beta) {
        double l = Math.log(Math.E + 1.8 * beta * q);
        double cc = 14.2 / alpha + 386 / (1 + 69.9 * Math.pow(q, 1.08));
        return l / (l + cc * q * q);
    }

    @Override
    public String describe() {
        return "Eisenstein-Hu 1998 (" + c.describe() + String.format(Locale.ROOT, ", T_cmb=%.4f)", T_CMB);
    }
}
