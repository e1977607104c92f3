package org.d3m.core.pm;

import org.d3m.core.cosmology.Background;
import org.d3m.core.cosmology.GrowthFactors;

/**
 * Time-integration factors of the leapfrog, in FastPM's units (x [Mpc/h], p = a^3 E dx/da).
 *
 * <p>FastPM (Feng et al. 2016): {@code drift = [D1(a_f) - D1(a_i)] / (a_c^3 E(a_c) D1'(a_c))}
 * and {@code kick = [G_f(a_f) - G_f(a_i)] / (a_c^2 E(a_c) g_f(a_c))} with
 * {@code G_f = a^3 E D1'} and {@code g_f = dG_f/da}. They make linear growth exact for any step.
 * The plain ("naive") leapfrog factors {@code (a_f - a_i) / (a_c^3 E)} and
 * {@code (a_f - a_i) / (a_c^2 E)} are kept for comparison.
 */
public final class KickDriftFactors {

    private final Background background;
    private final GrowthFactors growth;
    private final boolean fastPm;

    public KickDriftFactors(double omegaM, boolean fastPm) {
        this.background = new Background(omegaM);
        this.growth = GrowthFactors.of(omegaM);
        this.fastPm = fastPm;
    }

    /** Factor multiplying p(a_c) to move x from a_i to a_f. */
    public double drift(double ai, double af, double ac) {
        double e = background.e(ac);
        if (!fastPm) {
            return (af - ai) / (ac * ac * ac * e);
        }
        return (growth.d1(af) - growth.d1(ai)) / (ac * ac * ac * e * growth.dd1da(ac));
    }

    /** Factor multiplying F(a_c) to move p from a_i to a_f. */
    public double kick(double ai, double af, double ac) {
        double e = background.e(ac);
        if (!fastPm) {
            return (af - ai) / (ac * ac * e);
        }
        return (growth.gf(af) - growth.gf(ai)) / (ac * ac * e * growth.gfPrime(ac));
    }
}
