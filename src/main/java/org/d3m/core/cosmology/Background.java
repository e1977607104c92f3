package org.d3m.core.cosmology;

/**
 * Expansion history of a flat LCDM universe without radiation:
 * E(a) = H(a)/H0 = sqrt(Omega_m a^-3 + 1 - Omega_m).
 */
public final class Background {

    private final double omegaM;

    /**
     * @param omegaM matter density today, in (0, 1]
     */
    public Background(double omegaM) {
        if (!(omegaM > 0 && omegaM <= 1)) {
            throw new IllegalArgumentException("omega_m must be in (0, 1], got " + omegaM);
        }
        this.omegaM = omegaM;
    }

    /** Omega_m today. */
    public double omegaM0() {
        return omegaM;
    }

    /** E(a) = H(a)/H0 = sqrt(Om a^-3 + 1 - Om) (dimensionless). */
    public double e(double a) {
        checkA(a);
        return Math.sqrt(omegaM / (a * a * a) + (1 - omegaM));
    }

    /** d ln E / d ln a = -1.5 Om(a). */
    public double dlnEdlna(double a) {
        return -1.5 * omegaM(a);
    }

    /** Omega_m(a) = Om a^-3 / E(a)^2. */
    public double omegaM(double a) {
        checkA(a);
        // Om / (Om + (1-Om) a^3): avoids the a^-3 overflow at tiny a.
        return omegaM / (omegaM + (1 - omegaM) * a * a * a);
    }

    private static void checkA(double a) {
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("scale factor a must be > 0, got " + a);
        }
    }
}
