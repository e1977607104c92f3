package org.d3m.core.emulator;

import java.util.Locale;
import org.d3m.core.cosmology.Cosmology;

/**
 * The ranges a training set draws each sample's cosmology and output redshift from: Omega_m, the
 * primordial amplitude A_s (dimensionless, pivot 0.05/Mpc) and the redshift z. Other parameters
 * (n_s, h, Omega_b) stay those of the base cosmology. A range whose ends are equal is a fixed value.
 *
 * <p>Sample number i (0-based, seed = base seed + i) takes point i + 1 of the Halton sequence in
 * bases 2, 3 and 5 (a low-discrepancy sequence, so any run of consecutive samples, and each split,
 * covers the box evenly): Omega_m and z uniform, A_s uniform in ln A_s. The point depends only on i,
 * never on the thread count or on which machine makes the sample.
 *
 * @param omegaM   Omega_m range {lo, hi}, 0 &lt; lo &lt;= hi &lt;= 1
 * @param aS       A_s range {lo, hi}, 0 &lt; lo &lt;= hi
 * @param redshift z range {lo, hi}, 0 &lt;= lo &lt;= hi
 */
public record CosmologyRanges(double[] omegaM, double[] aS, double[] redshift) {

    public CosmologyRanges {
        check("omega_m_range", omegaM, 0, 1, false);
        check("a_s_range", aS, 0, Double.POSITIVE_INFINITY, false);
        check("redshift_range", redshift, 0, Double.POSITIVE_INFINITY, true);
        omegaM = omegaM.clone();
        aS = aS.clone();
        redshift = redshift.clone();
    }

    /** One sample's drawn parameters: Omega_m, A_s and the output redshift z. */
    public record Point(double omegaM, double aS, double redshift) {
        /** The base cosmology with this point's Omega_m and A_s. */
        public Cosmology cosmology(Cosmology base) {
            return base.withOmegaM(omegaM).withAs(aS);
        }

        /** Scale factor of the output, 1 / (1 + z). */
        public double a() {
            return 1 / (1 + redshift);
        }
    }

    /** Fixed values: the base cosmology's Omega_m and A_s at one redshift. */
    public static CosmologyRanges fixed(Cosmology c, double z) {
        return new CosmologyRanges(new double[] {c.omegaM(), c.omegaM()}, new double[] {c.aS(), c.aS()},
                new double[] {z, z});
    }

    /** True when every range is a single value. */
    public boolean isFixed() {
        return omegaM[0] == omegaM[1] && aS[0] == aS[1] && redshift[0] == redshift[1];
    }

    /** The parameters of sample number {@code i} (0-based): Halton point i + 1 in bases 2, 3, 5. */
    public Point point(long i) {
        if (i < 0) {
            throw new IllegalArgumentException("sample number must be >= 0, got " + i);
        }
        double u = halton(i + 1, 2);
        double v = halton(i + 1, 3);
        double w = halton(i + 1, 5);
        double om = omegaM[0] + u * (omegaM[1] - omegaM[0]);
        double as = aS[0] == aS[1] ? aS[0] : Math.exp(Math.log(aS[0]) + v * Math.log(aS[1] / aS[0]));
        double z = redshift[0] + w * (redshift[1] - redshift[0]);
        return new Point(om, as, z);
    }

    /** Radical inverse of {@code i} in {@code base}: the i-th Halton coordinate, in [0, 1). */
    static double halton(long i, int base) {
        double f = 1;
        double r = 0;
        long k = i;
        while (k > 0) {
            f /= base;
            r += f * (k % base);
            k /= base;
        }
        return r;
    }

    /**
     * A range key's value: "" (the fixed value {@code fallback}), one number, or "lo,hi" with
     * lo &lt;= hi; a one-line IllegalArgumentException naming {@code key} otherwise.
     */
    public static double[] parse(String key, String text, double fallback) {
        if (text == null || text.isBlank()) {
            return new double[] {fallback, fallback};
        }
        String[] parts = text.split(",");
        try {
            if (parts.length == 1) {
                double v = Double.parseDouble(parts[0].trim());
                return new double[] {v, v};
            }
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(key + " must be empty, a number or 'lo,hi', got '" + text + "'");
    }

    /** "lo,hi" as a range key writes it (for provenance and the dataset's settings). */
    public static String format(double[] r) {
        return String.format(Locale.ROOT, "%s,%s", r[0], r[1]);
    }

    private static void check(String key, double[] r, double min, double max, boolean minInclusive) {
        if (r == null || r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || r[0] > r[1]
                || (minInclusive ? r[0] < min : r[0] <= min) || r[1] > max) {
            String lo = minInclusive ? "[" : "(";
            throw new IllegalArgumentException(key + " must be lo,hi with lo <= hi inside " + lo + min + ", " + max + "], got "
                    + (r == null || r.length != 2 ? "?" : format(r)));
        }
    }
}
