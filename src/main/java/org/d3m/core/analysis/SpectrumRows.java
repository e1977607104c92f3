package org.d3m.core.analysis;

import java.util.Arrays;

/**
 * The bins of a {@link Spectrum} that hold modes, as the rows of a table: the one convention of
 * every spectrum the plugin hands out (the commands' CSV files, ResultsTables and plots, and the
 * scripting API's {@code D3m.powerSpectrum}). Empty bins are left out: those below the fundamental
 * mode k_f = 2 pi / L (two of them for a 128 Mpc/h box in bins of 0.02 h/Mpc) and any other bin
 * no mode falls in. Each row's k is the mean |k| of its modes, not the bin centre.
 *
 * @param k     mean |k| [h/Mpc] of the modes of each row's bin (mode-count weighted), ascending
 * @param p     mean power of the modes of each row's bin [(Mpc/h)^3 for a density, (Mpc/h)^5 for a
 *              displacement, the sum over its components]
 * @param modes number of Fourier modes in each row's bin (both members of a conjugate pair), &gt; 0
 * @param dk    width of the bins [h/Mpc]: row i's bin is [j dk, (j+1) dk) for j = floor(k[i] / dk)
 */
public record SpectrumRows(double[] k, double[] p, long[] modes, double dk) {

    public SpectrumRows {
        if (k.length != p.length || k.length != modes.length) {
            throw new IllegalArgumentException("spectrum rows differ in length: k " + k.length + ", p " + p.length
                    + ", modes " + modes.length);
        }
    }

    /** The non-empty bins of {@code s}, in order. */
    public static SpectrumRows of(Spectrum s) {
        int[] bins = s.nonEmptyBins();
        long[] modes = new long[bins.length];
        for (int i = 0; i < bins.length; i++) {
            modes[i] = s.modes()[bins[i]];
        }
        return new SpectrumRows(pick(s.k(), bins), pick(s.p(), bins), modes, s.dk());
    }

    /** Number of rows (non-empty bins). */
    public int size() {
        return k.length;
    }

    /** The mode counts as doubles, for a table column. */
    public double[] modeCounts() {
        return Arrays.stream(modes).asDoubleStream().toArray();
    }

    private static double[] pick(double[] a, int[] bins) {
        double[] out = new double[bins.length];
        for (int i = 0; i < bins.length; i++) {
            out[i] = a[bins[i]];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpectrumRows s && dk == s.dk && Arrays.equals(k, s.k) && Arrays.equals(p, s.p)
                && Arrays.equals(modes, s.modes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(k) + Arrays.hashCode(p)) + Arrays.hashCode(modes) + Double.hashCode(dk);
    }

    @Override
    public String toString() {
        return "SpectrumRows[" + size() + " non-empty bins of dk = " + dk + " h/Mpc"
                + (size() > 0 ? ", k = " + k[0] + " .. " + k[size() - 1] + " h/Mpc" : "") + "]";
    }
}
