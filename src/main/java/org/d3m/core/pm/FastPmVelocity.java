package org.d3m.core.pm;

import org.d3m.core.field.VectorField;

/**
 * The peculiar velocity the C FastPM writes ({@code 1/Velocity}, km/s) from our momentum.
 *
 * <p>Our momentum is {@code p = a^3 E(a) dx/da} with x in Mpc/h and H0 = 1. The peculiar velocity
 * is {@code v = a dx/dt = a^2 H(a) dx/da = H0 p / a}; with {@code H0 = 100 h km/s/Mpc = 100 km/s
 * per Mpc/h}, {@code v [km/s] = 100 p / a}. FastPM's header {@code RSDFactor = 1 / (a H(a))} [in
 * (Mpc/h) / (km/s)] turns it into a redshift-space shift: {@code s = x + v_los RSDFactor}.
 */
public final class FastPmVelocity {

    /** H0 in km/s per Mpc/h. */
    public static final double H0_KM_S = 100;

    private FastPmVelocity() {
    }

    /** Peculiar velocity [km/s] from momentum p = a^3 E dx/da [Mpc/h] at scale factor a. */
    public static VectorField of(VectorField momentum, double a) {
        float[][] v = new float[3][];
        for (int d = 0; d < 3; d++) {
            float[] p = momentum.c()[d];
            v[d] = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                v[d][i] = (float) (H0_KM_S * p[i] / a);
            }
        }
        return new VectorField(momentum.box(), v);
    }
}
