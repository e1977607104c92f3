package org.d3m.core.cosmology;

/**
 * The parameters of a flat LCDM cosmology (no radiation, massless neutrinos folded into matter).
 *
 * @param aS     primordial scalar amplitude A_s at the pivot k_p = 0.05 /Mpc, in [1e-12, 1e-7]
 * @param nS     scalar spectral index n_s, in [0.5, 1.5]
 * @param h      H0 / (100 km/s/Mpc), in [0.2, 1.5]
 * @param omegaM total matter density today Omega_m, in [0.01, 1]; Omega_Lambda = 1 - Omega_m
 * @param omegaB baryon density today Omega_b, in [0, Omega_m)
 */
public record Cosmology(double aS, double nS, double h, double omegaM, double omegaB) {

    /**
     * Validates the parameters against the documented {@link PhysicalRanges}; the message names
     * the offending key (a_s, n_s, h, omega_m, omega_b).
     */
    public Cosmology {
        PhysicalRanges.require("a_s", aS, PhysicalRanges.A_S);
        PhysicalRanges.require("n_s", nS, PhysicalRanges.N_S);
        PhysicalRanges.require("h", h, PhysicalRanges.H);
        PhysicalRanges.require("omega_m", omegaM, PhysicalRanges.OMEGA_M);
        if (!(omegaB >= 0 && omegaB < omegaM)) {
            throw new IllegalArgumentException(
                    "omega_b must be in [0, omega_m) = [0, " + omegaM + "), got " + omegaB);
        }
    }

    /** The paper's "Planck 2015" set: A_s = 2.142e-9, n_s = 0.9667, h = 0.6774, Omega_m = 0.3089, Omega_b = 0.0486. */
    public static Cosmology planck15() {
        return new Cosmology(2.142e-9, 0.9667, 0.6774, 0.3089, 0.0486);
    }

    /** The same cosmology with another primordial amplitude A_s. */
    public Cosmology withAs(double aS) {
        return new Cosmology(aS, nS, h, omegaM, omegaB);
    }

    /** The same cosmology with another Omega_m (Omega_b and h fixed, CDM varied; flat, so Omega_Lambda = 1 - Omega_m). */
    public Cosmology withOmegaM(double om) {
        return new Cosmology(aS, nS, h, om, omegaB);
    }

    /** One line, e.g. {@code A_s=2.142e-09, n_s=0.9667, h=0.6774, Omega_m=0.3089, Omega_b=0.0486}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "A_s=%.4g, n_s=%.6g, h=%.6g, Omega_m=%.6g, Omega_b=%.6g",
                aS, nS, h, omegaM, omegaB);
    }
}
