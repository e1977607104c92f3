package org.d3m.core.field;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Real-to-complex 3D FFT of an n^3 field (n even) in a fixed layout, on one of two engines:
 * for n a power of two (at least 4) the vectorised {@link LaneFft}/{@link RealLaneFft} of the PM
 * force, a plane or a column of lines at a time (3-4x faster than JTransforms on 2 cores, and the
 * initial conditions then warm up the JIT for the force); for other even n, JTransforms 1D
 * transforms line by line ({@link #jtransforms} forces this engine). Either way every value is
 * computed by one fixed sequence of operations whichever thread computes it, so results are
 * bit-identical whatever the thread count; the two engines agree to float rounding.
 *
 * <p><b>Layout.</b> The half-complex spectrum is a {@code float[n*n*(n/2+1)*2]}, interleaved
 * (re, im), index {@link #index(int, int, int)} = {@code ((ix*n + iy)*(n/2+1) + kz)*2}, with
 * kx, ky in FFT order (see {@link Box#signedFrequency}) and kz = 0..n/2.
 *
 * <p><b>Normalisation.</b> {@link #forward} is the plain sum
 * {@code F(k) = sum_x f(x) exp(-i k.x)}; {@link #inverse} divides by n^3, so
 * {@code inverse(forward(f)) == f}. The continuous-convention Fourier amplitude of a field in a box
 * of volume V is {@code f_k = (V / n^3) F(k)}, and its power is {@code P(k) = |F(k)|^2 V / n^6}.
 */
public final class Fft {

    private static final int BLOCK = 16;

    private final int n;
    private final int nzc;
    private final int threads;
    private final ThreadLocal<Work> work;
    private final Lanes lanes;

    /** @param n grid points per side (even); @param threads worker threads (&lt; 1: all cores) */
    public Fft(int n, int threads) {
        this(n, threads, LaneFft3d.supports(n));
    }

    private Fft(int n, int threads, boolean useLanes) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("FFT size must be even, got " + n);
        }
        this.n = n;
        this.nzc = n / 2 + 1;
        this.threads = Parallel.threads(threads);
        this.work = useLanes ? null : ThreadLocal.withInitial(() -> new Work(n));
        this.lanes = useLanes ? new Lanes(n) : null;
    }

    /** The same transform on JTransforms 1D lines whatever n (for comparisons and benchmarks). */
    public static Fft jtransforms(int n, int threads) {
        return new Fft(n, threads, false);
    }

    /** Whether this instance runs on the lane engine (n a power of two, unless made by {@link #jtransforms}). */
    public boolean usesLanes() {
        return lanes != null;
    }

    public int n() {
        return n;
    }

    public int threads() {
        return threads;
    }

    /** Length of a half-complex spectrum array in floats. */
    public int complexLength() {
        return n * n * nzc * 2;
    }

    /** Index of the real part of mode (ix, iy, kz) in a half-complex array. */
    public int index(int ix, int iy, int kz) {
        return ((ix * n + iy) * nzc + kz) * 2;
    }

    /** Allocates a spectrum and transforms {@code real} (unchanged) into it. */
    public float[] forward(float[] real) {
        float[] out = new float[complexLength()];
        forward(real, out);
        return out;
    }

    /** Transforms {@code real} (n^3, unchanged) into {@code out} (half-complex). */
    public void forward(float[] real, float[] out) {
        checkLengths(real, out);
        if (lanes != null) {
            Parallel.forEachDynamic(n, threads, p -> lanes.forwardPlane(real, p, out));
            Parallel.forEachDynamic(n, threads, ky -> lanes.column(ky, out, true));
            return;
        }
        Parallel.forEach(n * n, threads, line -> {
            Work w = work.get();
            float[] b = w.line;
            System.arraycopy(real, line * n, b, 0, n);
            w.fft.realForward(b);
            int base = line * nzc * 2;
            out[base] = b[0];
            out[base + 1] = 0;
            System.arraycopy(b, 2, out, base + 2, n - 2);
            out[base + n] = b[1];
            out[base + n + 1] = 0;
        });
        passY(out, true);
        passX(out, true);
    }

    /** Allocates a real field and inverse-transforms a copy of {@code spectrum} (unchanged) into it. */
    public float[] inverse(float[] spectrum) {
        float[] real = new float[n * n * n];
        inverseInPlace(spectrum.clone(), real);
        return real;
    }

    /**
     * Inverse transform (with the 1/n^3 factor). {@code spectrum} is used as scratch and destroyed;
     * {@code real} receives the result. Imaginary parts that a non-Hermitian kz = 0 or n/2 plane
     * would leave are dropped (the real part of the result is kept).
     */
    public void inverseInPlace(float[] spectrum, float[] real) {
        checkLengths(real, spectrum);
        if (lanes != null) {
            Parallel.forEachDynamic(n, threads, ky -> lanes.column(ky, spectrum, false));
            Parallel.forEachDynamic(n, threads, p -> lanes.inversePlane(spectrum, p, real));
            return;
        }
        passX(spectrum, false);
        passY(spectrum, false);
        Parallel.forEach(n * n, threads, line -> {
            Work w = work.get();
            float[] b = w.line;
            int base = line * nzc * 2;
            b[0] = spectrum[base];
            b[1] = spectrum[base + n];
            System.arraycopy(spectrum, base + 2, b, 2, n - 2);
            w.fft.realInverse(b, true);
            System.arraycopy(b, 0, real, line * n, n);
        });
    }

    private void passY(float[] c, boolean forward) {
        Parallel.forEach(n, threads, ix -> {
            Work w = work.get();
            int plane = ix * n * nzc * 2;
            for (int kz0 = 0; kz0 < nzc; kz0 += BLOCK) {
                int nb = Math.min(BLOCK, nzc - kz0);
                for (int iy = 0; iy < n; iy++) {
                    int p = plane + (iy * nzc + kz0) * 2;
                    for (int j = 0; j < nb; j++) {
                        w.block[j][2 * iy] = c[p + 2 * j];
                        w.block[j][2 * iy + 1] = c[p + 2 * j + 1];
                    }
                }
                for (int j = 0; j < nb; j++) {
                    transform(w, w.block[j], forward);
                }
                for (int iy = 0; iy < n; iy++) {
                    int p = plane + (iy * nzc + kz0) * 2;
                    for (int j = 0; j < nb; j++) {
                        c[p + 2 * j] = w.block[j][2 * iy];
                        c[p + 2 * j + 1] = w.block[j][2 * iy + 1];
                    }
                }
            }
        });
    }

    private void passX(float[] c, boolean forward) {
        Parallel.forEach(n, threads, iy -> {
            Work w = work.get();
            for (int kz0 = 0; kz0 < nzc; kz0 += BLOCK) {
                int nb = Math.min(BLOCK, nzc - kz0);
                for (int ix = 0; ix < n; ix++) {
                    int p = ((ix * n + iy) * nzc + kz0) * 2;
                    for (int j = 0; j < nb; j++) {
                        w.block[j][2 * ix] = c[p + 2 * j];
                        w.block[j][2 * ix + 1] = c[p + 2 * j + 1];
                    }
                }
                for (int j = 0; j < nb; j++) {
                    transform(w, w.block[j], forward);
                }
                for (int ix = 0; ix < n; ix++) {
                    int p = ((ix * n + iy) * nzc + kz0) * 2;
                    for (int j = 0; j < nb; j++) {
                        c[p + 2 * j] = w.block[j][2 * ix];
                        c[p + 2 * j + 1] = w.block[j][2 * ix + 1];
                    }
                }
            }
        });
    }

    private static void transform(Work w, float[] b, boolean forward) {
        if (forward) {
            w.fft.complexForward(b);
        } else {
            w.fft.complexInverse(b, true);
        }
    }

    private void checkLengths(float[] real, float[] spectrum) {
        if (real.length != n * n * n || spectrum.length != complexLength()) {
            throw new IllegalArgumentException("FFT arrays do not match size " + n);
        }
    }

    /** Per-thread scratch: the 1D plan and buffers. */
    private static final class Work {
        final FloatFFT_1D fft;
        final float[] line;
        final float[] complex;
        final float[][] block;

        Work(int n) {
            fft = new FloatFFT_1D(n);
            line = new float[n];
            complex = new float[2 * n];
            block = new float[BLOCK][2 * n];
        }
    }

    /**
     * The lane engine in this class's layout. Per x-plane: the plane's z-lines become rows (lanes y)
     * for the real z transform, are stored interleaved, and are read back as y-rows (lanes kz) for
     * the y transform; per y-column: x-rows (lanes kz) for the x transform. Scratch per thread: two
     * n x n float planes. The inverse multiplies by 1/n^3 once, at the end (exact: a power of two).
     */
    private static final class Lanes {
        private final int n;
        private final int h;
        private final int nzc;
        private final RealLaneFft zFft;
        private final LaneFft fft;
        private final ThreadLocal<LaneFft3d.Rows> rows;

        Lanes(int n) {
            this.n = n;
            this.h = n / 2;
            this.nzc = h + 1;
            this.zFft = new RealLaneFft(n);
            this.fft = new LaneFft(n);
            this.rows = ThreadLocal.withInitial(() -> new LaneFft3d.Rows(n));
        }

        void forwardPlane(float[] real, int p, float[] out) {
            LaneFft3d.Rows s = rows.get();
            int in = p * n * n;
            for (int z = 0; z < n; z++) {
                float[] row = s.zRow(z);
                for (int y = 0; y < n; y++) {
                    row[y] = real[in + y * n + z];
                }
            }
            zFft.forward(s.re, s.im, s.nyq, s.t1, s.t2, 0, n);
            int base = p * n * nzc * 2;
            for (int k = 0; k < h; k++) {
                float[] re = s.re[k];
                float[] im = s.im[k];
                for (int y = 0; y < n; y++) {
                    int o = base + (y * nzc + k) * 2;
                    out[o] = re[y];
                    out[o + 1] = im[y];
                }
            }
            for (int y = 0; y < n; y++) {
                int o = base + (y * nzc + h) * 2;
                out[o] = s.nyq[y];
                out[o + 1] = 0;
            }
            load(s, out, base, nzc * 2);
            fft.forward(s.re, s.im, 0, nzc);
            store(s, out, base, nzc * 2);
        }

        void inversePlane(float[] spectrum, int p, float[] real) {
            LaneFft3d.Rows s = rows.get();
            int base = p * n * nzc * 2;
            load(s, spectrum, base, nzc * 2);
            fft.inverse(s.re, s.im, 0, nzc);
            store(s, spectrum, base, nzc * 2);
            for (int k = 0; k < h; k++) {
                float[] re = s.re[k];
                float[] im = s.im[k];
                for (int y = 0; y < n; y++) {
                    int o = base + (y * nzc + k) * 2;
                    re[y] = spectrum[o];
                    im[y] = spectrum[o + 1];
                }
            }
            for (int y = 0; y < n; y++) {
                s.nyq[y] = spectrum[base + (y * nzc + h) * 2];
            }
            zFft.inverse(s.re, s.im, s.nyq, s.t1, s.t2, 0, n);
            float scale = (float) (1.0 / ((double) n * n * n));
            int o = p * n * n;
            for (int z = 0; z < n; z++) {
                float[] row = s.zRow(z);
                for (int y = 0; y < n; y++) {
                    real[o + y * n + z] = row[y] * scale;
                }
            }
        }

        /** FFT along x (forward, or inverse without 1/n) of column ky. */
        void column(int ky, float[] c, boolean forward) {
            LaneFft3d.Rows s = rows.get();
            int first = ky * nzc * 2;
            int stride = n * nzc * 2;
            load(s, c, first, stride);
            if (forward) {
                fft.forward(s.re, s.im, 0, nzc);
            } else {
                fft.inverse(s.re, s.im, 0, nzc);
            }
            store(s, c, first, stride);
        }

        /** Rows r = 0..n-1 (lanes kz) from the interleaved modes at {@code first + r * stride}. */
        private void load(LaneFft3d.Rows s, float[] c, int first, int stride) {
            for (int r = 0; r < n; r++) {
                float[] re = s.re[r];
                float[] im = s.im[r];
                int o = first + r * stride;
                for (int k = 0; k < nzc; k++) {
                    re[k] = c[o + 2 * k];
                    im[k] = c[o + 2 * k + 1];
                }
            }
        }

        private void store(LaneFft3d.Rows s, float[] c, int first, int stride) {
            for (int r = 0; r < n; r++) {
                float[] re = s.re[r];
                float[] im = s.im[r];
                int o = first + r * stride;
                for (int k = 0; k < nzc; k++) {
                    c[o + 2 * k] = re[k];
                    c[o + 2 * k + 1] = im[k];
                }
            }
        }
    }
}
