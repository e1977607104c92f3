package org.d3m.core.analysis;

import java.util.Arrays;

/**
 * A binned power spectrum on linear bins of width {@code dk} [h/Mpc]: bin {@code i} covers
 * {@code [i dk, (i+1) dk)} (the last bin also holds its right edge, see {@link #binOf}).
 *
 * @param k     mean |k| [h/Mpc] of the modes in each bin (mode-count weighted); for an empty bin
 *              the bin centre {@code (i + 0.5) dk}
 * @param p     mean power [(Mpc/h)^3] of the modes in each bin; 0 for an empty bin
 * @param modes number of Fourier modes in each bin, counting both members of a conjugate pair
 *              (the half-complex multiplicity); 0 marks an empty bin
 * @param dk    bin width [h/Mpc]
 */
public record Spectrum(double[] k, double[] p, long[] modes, double dk) {

    public Spectrum {
        if (k.length != p.length || k.length != modes.length) {
            throw new IllegalArgumentException("spectrum columns differ in length: k " + k.length
                    + ", p " + p.length + ", modes " + modes.length);
        }
        if (!(dk > 0) || Double.isInfinite(dk)) {
            throw new IllegalArgumentException("bin width dk must be > 0 h/Mpc, got " + dk);
        }
    }

    /** Number of bins. */
    public int size() {
        return k.length;
    }

    /**
     * Index of the bin that contains {@code kHMpc} [h/Mpc]: {@code floor(k / dk)}. The last bin is
     * closed on the right (up to a relative rounding of 1e-9), so its upper edge
     * {@code size() * dk} maps to {@code size() - 1}; this is where the Nyquist mode lands.
     *
     * @throws IllegalArgumentException if k is negative, NaN or beyond the last bin edge
     */
    public int binOf(double kHMpc) {
        double top = size() * dk;
        if (!(kHMpc >= 0) || kHMpc > top * (1 + 1e-9)) {
            throw new IllegalArgumentException("k = " + kHMpc + " h/Mpc is outside the spectrum's bins [0, " + top + "]");
        }
        return Math.min((int) Math.floor(kHMpc / dk), size() - 1);
    }

    /** Power [(Mpc/h)^3] in the bin that contains {@code kHMpc} [h/Mpc]. */
    public double at(double kHMpc) {
        return p[binOf(kHMpc)];
    }

    /** Lower edge of bin {@code i} [h/Mpc]. */
    public double kLow(int i) {
        return i * dk;
    }

    /** True when bin {@code i} holds no mode (its k is the bin centre and its p is 0). */
    public boolean isEmpty(int i) {
        return modes[i] == 0;
    }

    /** Indices of the bins that hold at least one mode, ascending. */
    public int[] nonEmptyBins() {
        return java.util.stream.IntStream.range(0, size()).filter(i -> modes[i] > 0).toArray();
    }

    /** Total number of modes over all bins. */
    public long totalModes() {
        long s = 0;
        for (long m : modes) {
            s += m;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrum s && dk == s.dk && Arrays.equals(k, s.k) && Arrays.equals(p, s.p)
                && Arrays.equals(modes, s.modes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(k) + Arrays.hashCode(p)) + Arrays.hashCode(modes) + Double.hashCode(dk);
    }

    @Override
    public String toString() {
        return "Spectrum[" + size() + " bins of dk = " + dk + " h/Mpc]";
    }
}
