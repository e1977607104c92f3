package org.d3m.core.cosmology;

import java.util.Locale;

/**
 * The documented ranges of the physical keys (docs/cosmology.md, "Accepted ranges"). They are
 * generous, wider than any CLASS or CAMB run meant as a model of our Universe, but they exclude
 * values where the numbers silently stop meaning anything: {@code sigma8=1e10} wrote an all-zero
 * field (displacements of 1e11 Mpc/h keep no float32 digit below the box), {@code a_s=1} or
 * {@code n_s=-50} wrote noise wrapped at half the box. Every check throws an
 * IllegalArgumentException whose one-line message starts with the key.
 */
public final class PhysicalRanges {

    /**
     * A_s at the pivot 0.05/Mpc: [1e-20, 1e-7] (Planck: 2.1e-9). The low end admits the tiny amplitudes
     * that keep a field linear (the linear-regime tests use 2.142e-15) while the displacements stay far
     * above float32's smallest numbers.
     */
    public static final double[] A_S = {1e-20, 1e-7};
    /** n_s: [0.5, 1.5] (Planck: 0.965). */
    public static final double[] N_S = {0.5, 1.5};
    /** h = H0 / (100 km/s/Mpc): [0.2, 1.5] (Planck: 0.674). */
    public static final double[] H = {0.2, 1.5};
    /** Omega_m: [0.01, 1] (flat LCDM, Omega_Lambda = 1 - Omega_m). */
    public static final double[] OMEGA_M = {0.01, 1};
    /** sigma8 when a rescaling is asked for: [0.01, 3] (Planck: 0.81). */
    public static final double[] SIGMA8 = {0.01, 3};
    /** Redshift: [0, 1000] (recombination is at z = 1100). */
    public static final double[] REDSHIFT = {0, 1000};

    private PhysicalRanges() {
    }

    /**
     * Returns {@code value} when it lies in {@code range} (both ends included), else throws
     * "KEY must be in [lo, hi], got VALUE".
     */
    public static double require(String key, double value, double[] range) {
        if (!(value >= range[0] && value <= range[1])) {
            throw new IllegalArgumentException(key + " must be in [" + g(range[0]) + ", " + g(range[1]) + "], got " + g(value));
        }
        return value;
    }

    /** A number as the ranges print it: 2.142e-09, 0.9667, 1000. */
    public static String g(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }
}
