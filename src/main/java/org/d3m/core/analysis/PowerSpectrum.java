package org.d3m.core.analysis;

import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.MemoryCheck;

/**
 * Binned auto and cross power spectra of fields on a periodic {@link Box}, as the D3M paper
 * measures them.
 *
 * <p><b>Normalisation.</b> With {@link Fft}'s plain-sum transform F(k), one mode carries
 * {@code P(k) = |F(k)|^2 V / n^6} [(Mpc/h)^3] (cross: {@code Re[F_a(k) F_b(k)*] V / n^6}), so for
 * a field of variance s^2, {@code sum over k != 0 of P(k) / V = s^2} (Parseval).
 *
 * <p><b>Bins.</b> Linear bins of width dk [h/Mpc]; bin i covers {@code [i dk, (i+1) dk)}. There
 * are {@code ceil(k_Ny / dk)} bins, k_Ny = pi n / L, so the last bin is the one that contains the
 * Nyquist frequency and every bin is a complete shell. A mode enters when
 * {@code 0 < |k| <= max(k_Ny, last edge)} (the k = 0 mode is dropped; modes beyond the last edge,
 * in the corners of the cube up to sqrt(3) k_Ny, are dropped, the usual convention). The Nyquist
 * mode itself is always included, in the last bin, even when k_Ny falls on a bin edge.
 *
 * <p><b>Per bin:</b> k = the mean |k| of its modes, p = the mean power of its modes, modes = the
 * mode count. Half-complex multiplicity: the kz = 0 and kz = n/2 planes hold both members of each
 * conjugate pair and count once; every other stored mode stands for itself and its conjugate and
 * counts twice, so all n^3 - 1 non-zero modes are counted. Empty bins are kept (so that bin i
 * always covers [i dk, (i+1) dk)), with k = the bin centre, p = 0 and modes = 0.
 *
 * <p><b>Threads.</b> Each x-plane of the spectrum is summed in double into its own partial sums,
 * which are added in plane order: results are bit-identical for any thread count.
 */
public final class PowerSpectrum {

    /** Default bin width [h/Mpc], the paper's. */
    public static final double DEFAULT_DK = 0.02;

    /** Planes whose partial sums are held at once (bounds memory; does not change results). */
    private static final int BATCH = 32;

    private final Box box;
    private final double dk;
    private final int threads;
    private final Fft fft;
    private final int bins;
    private final double kMaxIncluded;

    /**
     * @param box     the box all fields must live on
     * @param dkHMpc  bin width [h/Mpc], &gt; 0 (use {@link #DEFAULT_DK} for the paper's 0.02)
     * @param threads worker threads (&lt; 1: all cores); results do not depend on it
     */
    public PowerSpectrum(Box box, double dkHMpc, int threads) {
        if (!(dkHMpc > 0) || Double.isInfinite(dkHMpc)) {
            throw new IllegalArgumentException("bin width dk must be > 0 h/Mpc, got " + dkHMpc);
        }
        this.box = box;
        this.dk = dkHMpc;
        this.threads = Parallel.threads(threads);
        double ratio = box.kNyquist() / dkHMpc;
        if (ratio > 1e7) {
            throw new IllegalArgumentException("bin width dk = " + dkHMpc + " h/Mpc is too small for k_Ny = "
                    + box.kNyquist() + " h/Mpc (more than 1e7 bins)");
        }
        // A tolerance so that k_Ny = an exact multiple of dk does not add an extra, almost empty bin.
        this.bins = Math.max(1, (int) Math.ceil(ratio - 1e-9));
        this.kMaxIncluded = Math.max(bins * dkHMpc, box.kNyquist()) * (1 + 1e-12);
        this.fft = new Fft(box.n(), this.threads);
    }

    /** The box [Mpc/h] the fields must live on. */
    public Box box() {
        return box;
    }

    /** Bin width [h/Mpc]. */
    public double dk() {
        return dk;
    }

    /** Number of bins, ceil(k_Ny / dk). */
    public int bins() {
        return bins;
    }

    /** Auto power spectrum [(Mpc/h)^3] of a scalar field (for example the density contrast). */
    public Spectrum auto(ScalarField f) {
        check(f.box(), "field");
        MemoryCheck.require(complexBytes(1), "power spectrum FFT");
        return autoFromSpectrum(fft.forward(f.data()));
    }

    /** Cross power spectrum Re&lt;a_k b_k*&gt; [(Mpc/h)^3] of two scalar fields on the same box. */
    public Spectrum cross(ScalarField a, ScalarField b) {
        check(a.box(), "first field");
        check(b.box(), "second field");
        MemoryCheck.require(complexBytes(2), "cross power spectrum FFTs");
        return crossFromSpectra(fft.forward(a.data()), fft.forward(b.data()));
    }

    /**
     * Auto power of a vector field: the sum of its three component spectra, each component taken as
     * a scalar field on the grid. For a displacement [Mpc/h] the unit is (Mpc/h)^5.
     */
    public Spectrum auto(VectorField v) {
        check(v.box(), "vector field");
        MemoryCheck.require(complexBytes(1), "power spectrum FFT");
        Sums s = new Sums(bins);
        for (int c = 0; c < 3; c++) {
            float[] f = fft.forward(v.c()[c]);
            accumulate(f, f, s, c == 0);
        }
        return s.spectrum();
    }

    /** Cross power of two vector fields: the sum of the three component cross spectra. */
    public Spectrum cross(VectorField a, VectorField b) {
        check(a.box(), "first vector field");
        check(b.box(), "second vector field");
        MemoryCheck.require(complexBytes(2), "cross power spectrum FFTs");
        Sums s = new Sums(bins);
        for (int c = 0; c < 3; c++) {
            accumulate(fft.forward(a.c()[c]), fft.forward(b.c()[c]), s, c == 0);
        }
        return s.spectrum();
    }

    /** Auto power from a half-complex spectrum F(k) in {@link Fft}'s layout and normalisation. */
    public Spectrum autoFromSpectrum(float[] halfComplex) {
        checkSpectrum(halfComplex, "spectrum");
        Sums s = new Sums(bins);
        accumulate(halfComplex, halfComplex, s, true);
        return s.spectrum();
    }

    /** Cross power from two half-complex spectra in {@link Fft}'s layout and normalisation. */
    public Spectrum crossFromSpectra(float[] halfComplexA, float[] halfComplexB) {
        checkSpectrum(halfComplexA, "first spectrum");
        checkSpectrum(halfComplexB, "second spectrum");
        Sums s = new Sums(bins);
        accumulate(halfComplexA, halfComplexB, s, true);
        return s.spectrum();
    }

    private void accumulate(float[] a, float[] b, Sums total, boolean countModes) {
        int n = box.n();
        for (int start = 0; start < n; start += BATCH) {
            int count = Math.min(BATCH, n - start);
            int first = start;
            Sums[] parts = new Sums[count];
            Parallel.forEach(count, threads, j -> parts[j] = plane(a, b, first + j, countModes));
            for (Sums part : parts) {
                total.add(part);
            }
        }
    }

    /** Partial sums of one x-plane of the half-complex spectrum, in a fixed order. */
    private Sums plane(float[] a, float[] b, int ix, boolean countModes) {
        int n = box.n();
        int nzc = n / 2 + 1;
        double kf = box.kFundamental();
        Sums s = new Sums(bins);
        long sx = box.signedFrequency(ix);
        for (int iy = 0; iy < n; iy++) {
            long sy = box.signedFrequency(iy);
            long sxy = sx * sx + sy * sy;
            int row = fft.index(ix, iy, 0);
            for (int kz = 0; kz < nzc; kz++) {
                long i2 = sxy + (long) kz * kz;
                if (i2 == 0) {
                    continue;
                }
                // |k| from the integer sum of squares, so a mode and its conjugate get the same bin.
                double kmag = kf * Math.sqrt((double) i2);
                if (kmag > kMaxIncluded) {
                    continue;
                }
                int bin = Math.min((int) (kmag / dk), bins - 1);
                int w = (kz == 0 || kz == n / 2) ? 1 : 2;
                int p = row + 2 * kz;
                double power = (double) a[p] * b[p] + (double) a[p + 1] * b[p + 1];
                s.power[bin] += w * power;
                if (countModes) {
                    s.kSum[bin] += w * kmag;
                    s.modes[bin] += w;
                }
            }
        }
        return s;
    }

    private long complexBytes(int arrays) {
        return MemoryCheck.floatArrays(arrays, fft.complexLength());
    }

    private void check(Box b, String what) {
        if (!b.equals(box)) {
            throw new IllegalArgumentException("the " + what + " lives on " + describe(b)
                    + " but this power spectrum is set up for " + describe(box));
        }
    }

    private void checkSpectrum(float[] c, String what) {
        if (c.length != fft.complexLength()) {
            throw new IllegalArgumentException("the " + what + " has " + c.length
                    + " floats, a half-complex spectrum of " + describe(box) + " needs " + fft.complexLength());
        }
    }

    private static String describe(Box b) {
        return "a " + b.n() + "^3 grid in a " + b.size() + " Mpc/h box";
    }

    /** Per-bin sums: power x multiplicity, |k| x multiplicity, multiplicity. */
    private final class Sums {
        final double[] power;
        final double[] kSum;
        final long[] modes;

        Sums(int bins) {
            power = new double[bins];
            kSum = new double[bins];
            modes = new long[bins];
        }

        void add(Sums o) {
            for (int i = 0; i < power.length; i++) {
                power[i] += o.power[i];
                kSum[i] += o.kSum[i];
                modes[i] += o.modes[i];
            }
        }

        Spectrum spectrum() {
            double n3 = (double) box.n() * box.n() * box.n();
            double norm = box.volume() / (n3 * n3);
            double[] k = new double[bins];
            double[] p = new double[bins];
            for (int i = 0; i < bins; i++) {
                if (modes[i] == 0) {
                    k[i] = (i + 0.5) * dk;
                    p[i] = 0;
                } else {
                    k[i] = kSum[i] / modes[i];
                    p[i] = power[i] * norm / modes[i];
                }
            }
            return new Spectrum(k, p, modes.clone(), dk);
        }
    }
}
