package org.d3m.core.field;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Real-to-complex 3D FFT of an n^3 field (n even), built from JTransforms 1D transforms so that
 * its layout and threading are ours: every line is transformed whole by one thread, so results
 * are bit-identical whatever the thread count.
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

    /** @param n grid points per side (even); @param threads worker threads (&lt; 1: all cores) */
    public Fft(int n, int threads) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("FFT size must be even, got " + n);
        }
        this.n = n;
        this.nzc = n / 2 + 1;
        this.threads = Parallel.threads(threads);
        this.work = ThreadLocal.withInitial(() -> new Work(n));
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
}
