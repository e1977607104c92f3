package org.d3m.core.field;

/**
 * Real-to-complex 3D FFT of an n^3 field (n a power of two, at least 4) on {@link LaneFft}s, cut into
 * steps that callers can fuse with their own work on a plane or a column while it is in cache
 * (the PM force paints a plane and transforms it at once). A full transform is: per x-plane, a
 * real FFT along z and an FFT along y ({@link #forwardPlane}); per y-row, an FFT along x
 * ({@link #forwardColumn}). The inverse runs the same steps backwards.
 *
 * <p><b>Layouts</b> (not those of {@link Fft}). A real field is {@code [x][z][y]}: value (x, y, z) at
 * {@code (x n + z) n + y}, so that a plane's z-rows are contiguous runs over y, the lanes of the z
 * transform. The spectrum has {@code n^2 (n + 2)} floats; mode (kx, ky, kz), kz = 0..n/2, has its
 * real part at {@link #index} and its imaginary part n/2 + 1 floats further (each (kx, ky) row holds
 * its real parts, then its imaginary parts). Normalisation as in {@link Fft}: forward is the plain
 * sum, {@link #inverse} divides by n^3; the steps themselves do not divide.
 *
 * <p>Every value is computed by the same operations whichever thread computes it, so results are
 * bit-identical for any thread count. Scratch: per thread, {@link Rows} of 2 n^2 floats.
 */
public final class LaneFft3d {

    private final int n;
    private final int h;
    private final int nzc;
    private final int threads;
    private final RealLaneFft zFft;
    private final LaneFft fft;
    private final ThreadLocal<Rows> rows;

    /** Whether this transform handles side n (a power of two, at least 4). */
    public static boolean supports(int n) {
        return n >= 4 && Integer.bitCount(n) == 1;
    }

    /** @param threads worker threads for {@link #forward} and {@link #inverse} (&lt; 1: all cores) */
    public LaneFft3d(int n, int threads) {
        if (!supports(n)) {
            throw new IllegalArgumentException("lane FFT size must be a power of two >= 4, got " + n);
        }
        this.n = n;
        this.h = n / 2;
        this.nzc = h + 1;
        this.threads = Parallel.threads(threads);
        this.zFft = new RealLaneFft(n);
        this.fft = new LaneFft(n);
        this.rows = ThreadLocal.withInitial(() -> new Rows(n));
    }

    public int n() {
        return n;
    }

    /** Floats in a spectrum: n^2 (n + 2). */
    public int spectrumLength() {
        return n * planeStride();
    }

    /** Floats per x-plane of the spectrum: n (n + 2). */
    public int planeStride() {
        return n * 2 * nzc;
    }

    /** Index of the real part of mode (kx, ky, kz) (indices in FFT order, kz &lt;= n/2); the imaginary part is at + n/2 + 1. */
    public int index(int kx, int ky, int kz) {
        return (kx * n + ky) * 2 * nzc + kz;
    }

    /** Offset from a real part to its imaginary part. */
    public int imaginaryOffset() {
        return nzc;
    }

    /** This thread's scratch rows. */
    public Rows rows() {
        return rows.get();
    }

    /**
     * Per-thread scratch: n rows of n floats for real and imaginary parts, and a few single rows.
     * For a plane step, z-row z of the real plane is {@link #zRow}; for column steps the rows hold
     * x (or y) and the lanes kz.
     */
    public static final class Rows {
        final float[][] re;
        final float[][] im;
        final float[] nyq;
        final float[] t1;
        final float[] t2;

        Rows(int n) {
            re = new float[n][n];
            im = new float[n][n];
            nyq = new float[n];
            t1 = new float[n];
            t2 = new float[n];
        }

        /** Row z (lanes y) of a real plane: where {@link #forwardPlane} reads and {@link #inversePlane} leaves it. */
        public float[] zRow(int z) {
            return (z & 1) == 0 ? re[z >> 1] : im[z >> 1];
        }

        /** Row r of real parts (lanes kz) in a column step. */
        public float[] re(int r) {
            return re[r];
        }

        /** Row r of imaginary parts (lanes kz) in a column step. */
        public float[] im(int r) {
            return im[r];
        }
    }

    /** Filter applied between the forward and inverse x transforms of a column: row kx, column ky, lanes kz. */
    @FunctionalInterface
    public interface ColumnFilter {
        void apply(int kx, int ky, float[] re, float[] im, int lanes);
    }

    /**
     * Transforms plane p, whose z-rows the caller has put in {@code s.zRow(z)}, along z (real) and y,
     * into {@code spectrum}. The rows are scratch afterwards.
     */
    public void forwardPlane(Rows s, int p, float[] spectrum) {
        zFft.forward(s.re, s.im, s.nyq, s.t1, s.t2, 0, n);
        int base = p * planeStride();
        for (int y = 0; y < n; y++) {
            int o = base + y * 2 * nzc;
            for (int k = 0; k < h; k++) {
                spectrum[o + k] = s.re[k][y];
                spectrum[o + nzc + k] = s.im[k][y];
            }
            spectrum[o + h] = s.nyq[y];
            spectrum[o + nzc + h] = 0;
        }
        load(s, spectrum, base, 2 * nzc);
        fft.forward(s.re, s.im, 0, nzc);
        store(s, spectrum, base, 2 * nzc);
    }

    /**
     * Inverse-transforms plane p of {@code spectrum} along y and z (without the 1/n^3, unless the
     * caller folded it in); on return {@code s.zRow(z)} holds the real plane. The plane's part of
     * {@code spectrum} is scratch afterwards (callers may store into it).
     */
    public void inversePlane(Rows s, int p, float[] spectrum) {
        int base = p * planeStride();
        load(s, spectrum, base, 2 * nzc);
        fft.inverse(s.re, s.im, 0, nzc);
        store(s, spectrum, base, 2 * nzc);
        for (int y = 0; y < n; y++) {
            int o = base + y * 2 * nzc;
            for (int k = 0; k < h; k++) {
                s.re[k][y] = spectrum[o + k];
                s.im[k][y] = spectrum[o + nzc + k];
            }
            s.nyq[y] = spectrum[o + h];
        }
        zFft.inverse(s.re, s.im, s.nyq, s.t1, s.t2, 0, n);
    }

    /** Forward FFT along x of the column ky of {@code spectrum}. */
    public void forwardColumn(Rows s, int ky, float[] spectrum) {
        load(s, spectrum, ky * 2 * nzc, planeStride());
        fft.forward(s.re, s.im, 0, nzc);
        store(s, spectrum, ky * 2 * nzc, planeStride());
    }

    /** Inverse FFT along x (no 1/n) of the column ky of {@code spectrum}. */
    public void inverseColumn(Rows s, int ky, float[] spectrum) {
        load(s, spectrum, ky * 2 * nzc, planeStride());
        fft.inverse(s.re, s.im, 0, nzc);
        store(s, spectrum, ky * 2 * nzc, planeStride());
    }

    /** Forward FFT along x of column ky, {@code filter} on every kx row, inverse FFT along x (no 1/n). */
    public void filterColumn(Rows s, int ky, float[] spectrum, ColumnFilter filter) {
        load(s, spectrum, ky * 2 * nzc, planeStride());
        fft.forward(s.re, s.im, 0, nzc);
        for (int kx = 0; kx < n; kx++) {
            filter.apply(kx, ky, s.re[kx], s.im[kx], nzc);
        }
        fft.inverse(s.re, s.im, 0, nzc);
        store(s, spectrum, ky * 2 * nzc, planeStride());
    }

    /** Rows r = 0..n-1 from {@code first + r * stride} (real parts, then imaginary parts, nzc lanes). */
    private void load(Rows s, float[] spectrum, int first, int stride) {
        for (int r = 0; r < n; r++) {
            int o = first + r * stride;
            System.arraycopy(spectrum, o, s.re[r], 0, nzc);
            System.arraycopy(spectrum, o + nzc, s.im[r], 0, nzc);
        }
    }

    private void store(Rows s, float[] spectrum, int first, int stride) {
        for (int r = 0; r < n; r++) {
            int o = first + r * stride;
            System.arraycopy(s.re[r], 0, spectrum, o, nzc);
            System.arraycopy(s.im[r], 0, spectrum, o + nzc, nzc);
        }
    }

    /** Transforms {@code real} ([x][z][y], unchanged) into {@code spectrum}. */
    public void forward(float[] real, float[] spectrum) {
        check(real, spectrum);
        Parallel.forEachDynamic(n, threads, p -> {
            Rows s = rows();
            for (int z = 0; z < n; z++) {
                System.arraycopy(real, (p * n + z) * n, s.zRow(z), 0, n);
            }
            forwardPlane(s, p, spectrum);
        });
        Parallel.forEachDynamic(n, threads, ky -> forwardColumn(rows(), ky, spectrum));
    }

    /** Inverse transform with the 1/n^3; {@code spectrum} is scratch and destroyed, {@code real} ([x][z][y]) receives the field. */
    public void inverse(float[] spectrum, float[] real) {
        check(real, spectrum);
        float scale = (float) (1.0 / ((double) n * n * n));
        Parallel.forEachDynamic(n, threads, ky -> inverseColumn(rows(), ky, spectrum));
        Parallel.forEachDynamic(n, threads, p -> {
            Rows s = rows();
            inversePlane(s, p, spectrum);
            for (int z = 0; z < n; z++) {
                float[] r = s.zRow(z);
                int o = (p * n + z) * n;
                for (int y = 0; y < n; y++) {
                    real[o + y] = r[y] * scale;
                }
            }
        });
    }

    private void check(float[] real, float[] spectrum) {
        if (real.length != n * n * n || spectrum.length != spectrumLength()) {
            throw new IllegalArgumentException("lane FFT arrays do not match size " + n);
        }
    }
}
