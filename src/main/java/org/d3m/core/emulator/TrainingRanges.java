package org.d3m.core.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter ranges a conditioned model was trained on, as its weights file records them
 * ({@code cond.*} entries of {@link ModelMeta#info}): Omega_m, the redshift z, the primordial amplitude
 * A_s and sigma8 (of the z = 0 spectrum) of the training samples, and the field amplitude s of
 * {@link ResidualFrame} (which combines A_s, Omega_m and z into the rms linear density on the grid).
 * Where the training set's own ranges are recorded too ({@code dataset.omega_m_range}, ... from
 * make-dataset), Omega_m, z and A_s span them: the samples are Halton points inside those ranges and
 * never quite reach their ends (the first redshift drawn is 7.7e-5, not 0). The emulator refuses a
 * field outside these ranges, or with an amplitude more than {@link #AMPLITUDE_MARGIN} beyond the
 * samples' (seeds of one cosmology differ by about 2% in s), unless told to extrapolate.
 *
 * @param omegaM    {min, max}
 * @param redshift  {min, max}
 * @param aS        {min, max}
 * @param sigma8    {min, max}
 * @param amplitude {min, max} of s
 */
public record TrainingRanges(double[] omegaM, double[] redshift, double[] aS, double[] sigma8, double[] amplitude) {

    static final String PREFIX = "cond.";
    /** Relative margin on the samples' amplitude range. */
    public static final double AMPLITUDE_MARGIN = 0.05;

    /** The ranges of a dataset's training samples (reads each sample once, for its amplitude). */
    public static TrainingRanges of(Dataset data, List<Dataset.Entry> train) {
        double[] om = empty();
        double[] z = empty();
        double[] as = empty();
        double[] s8 = empty();
        double[] amp = empty();
        for (Dataset.Entry e : train) {
            Sample s = data.read(e);
            widen(om, s.param(Sample.OMEGA_M, Double.NaN));
            widen(z, s.param(Sample.REDSHIFT, Double.NaN));
            widen(as, s.param(Sample.A_S, Double.NaN));
            widen(s8, s.param(Sample.SIGMA8, Double.NaN));
            widen(amp, ResidualFrame.of(s, 1).amplitude());
        }
        return new TrainingRanges(om, z, as, s8, amp);
    }

    /** The ranges recorded in a model's metadata, or null when it records none. */
    public static TrainingRanges of(ModelMeta meta) {
        Map<String, String> i = meta.info();
        if (!i.containsKey(PREFIX + "omega_m")) {
            return null;
        }
        return new TrainingRanges(span(parse(i, "omega_m"), i.get("dataset.omega_m_range")),
                span(parse(i, "redshift"), i.get("dataset.redshift_range")), span(parse(i, "a_s"), i.get("dataset.a_s_range")),
                parse(i, "sigma8"), parse(i, "amplitude"));
    }

    /** {@code meta} with these ranges recorded. */
    public ModelMeta record(ModelMeta meta) {
        return meta.with(PREFIX + "omega_m", format(omegaM)).with(PREFIX + "redshift", format(redshift))
                .with(PREFIX + "a_s", format(aS)).with(PREFIX + "sigma8", format(sigma8))
                .with(PREFIX + "amplitude", format(amplitude));
    }

    /**
     * Why a field of this Omega_m, redshift and amplitude s lies outside the ranges, or null when it lies
     * inside (each bound with a relative tolerance of 1e-6).
     */
    public String outside(double om, double z, double s) {
        if (!inside(omegaM, om)) {
            return String.format(Locale.ROOT, "omega_m %s is outside the model's trained range [%s, %s]", g(om), g(omegaM[0]), g(omegaM[1]));
        }
        if (!inside(redshift, z)) {
            return String.format(Locale.ROOT, "redshift %s is outside the model's trained range [%s, %s]", g(z), g(redshift[0]), g(redshift[1]));
        }
        if (!inside(new double[] {amplitude[0] * (1 - AMPLITUDE_MARGIN), amplitude[1] * (1 + AMPLITUDE_MARGIN)}, s)) {
            return String.format(Locale.ROOT, "the field's amplitude (rms linear density %s, %s of Planck 2015 today's) is"
                    + " outside the model's trained range [%s, %s] (sigma8 of the training spectra: %s to %s)",
                    g(s * ResidualFrame.REF_DENSITY), g(s), g(amplitude[0]), g(amplitude[1]), g(sigma8[0]), g(sigma8[1]));
        }
        return null;
    }

    /** One line for dialogs and docs. */
    public String describe() {
        return String.format(Locale.ROOT, "Omega_m %s-%s, z %s-%s, A_s %s-%s (sigma8 %s-%s)", g(omegaM[0]), g(omegaM[1]),
                g(redshift[0]), g(redshift[1]), g(aS[0]), g(aS[1]), g(sigma8[0]), g(sigma8[1]));
    }

    /** {@code r} widened to the training set's configured range {@code lo,hi}, when one is recorded. */
    private static double[] span(double[] r, String configured) {
        if (configured == null || configured.isBlank()) {
            return r;
        }
        try {
            double[] c = CosmologyRanges.parse("range", configured, Double.NaN);
            return new double[] {Math.min(r[0], c[0]), Math.max(r[1], c[1])};
        } catch (IllegalArgumentException e) {
            return r;
        }
    }

    private static boolean inside(double[] r, double v) {
        double tol = 1e-6 * Math.max(Math.abs(r[0]), Math.abs(r[1]));
        return v >= r[0] - tol && v <= r[1] + tol;
    }

    private static double[] empty() {
        return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    private static void widen(double[] r, double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("a conditioned network needs samples that record omega_m, redshift, a_s and"
                    + " sigma8: make the dataset again with this version's make-dataset");
        }
        r[0] = Math.min(r[0], v);
        r[1] = Math.max(r[1], v);
    }

    private static double[] parse(Map<String, String> info, String key) {
        String v = info.get(PREFIX + key);
        double[] r = v == null ? null : CosmologyRanges.parse(PREFIX + key, v, Double.NaN);
        if (r == null || Double.isNaN(r[0])) {
            throw new IllegalArgumentException("model metadata lacks " + PREFIX + key);
        }
        return r;
    }

    private static String format(double[] r) {
        return CosmologyRanges.format(r);
    }

    /** v to 4 significant digits, without trailing zeros (0.6, 0.3089, 1.8e-09). */
    private static String g(double v) {
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6 || v == 0 ? b.toPlainString() : b.toString();
    }
}
