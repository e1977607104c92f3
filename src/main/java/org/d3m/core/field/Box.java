package org.d3m.core.field;

/**
 * A periodic cubic box of side {@code size} [Mpc/h] sampled by an {@code n}^3 grid.
 *
 * <p>Real-space arrays are flat {@code float[n*n*n]} in C order over (x, y, z): index
 * {@code (ix*n + iy)*n + iz}, z fastest (the same order as a {@code .npy} array of shape (n, n, n)).
 * Grid point {@code (ix, iy, iz)} sits at {@code q = (ix, iy, iz) * cell()} [Mpc/h].
 */
public record Box(double size, int n) {

    public Box {
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("box_size must be > 0 Mpc/h, got " + size);
        }
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("grid must be even and >= 2, got " + n);
        }
        if ((long) n * n * n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("grid " + n + "^3 is too large for one Java array");
        }
    }

    /** Grid spacing [Mpc/h]. */
    public double cell() {
        return size / n;
    }

    /** Volume [(Mpc/h)^3]. */
    public double volume() {
        return size * size * size;
    }

    /** Number of grid points n^3. */
    public int cells() {
        return n * n * n;
    }

    /** Fundamental wavenumber 2 pi / L [h/Mpc]. */
    public double kFundamental() {
        return 2 * Math.PI / size;
    }

    /** Nyquist wavenumber pi n / L [h/Mpc]. */
    public double kNyquist() {
        return Math.PI * n / size;
    }

    /** Flat index of grid point (ix, iy, iz), each in [0, n). */
    public int index(int ix, int iy, int iz) {
        return (ix * n + iy) * n + iz;
    }

    /** Signed FFT frequency index of array index {@code i}: i for i &lt;= n/2, else i - n. */
    public int signedFrequency(int i) {
        return i <= n / 2 ? i : i - n;
    }

    /** Wavenumber [h/Mpc] of array index {@code i} along any axis. */
    public double k(int i) {
        return signedFrequency(i) * kFundamental();
    }

    /** The same box sampled by a grid {@code factor} times finer per side. */
    public Box refined(int factor) {
        return new Box(size, n * factor);
    }

    /** Wraps a periodic coordinate [Mpc/h] into [-L/2, L/2). */
    public double wrapCentered(double d) {
        double w = d - size * Math.floor(d / size + 0.5);
        return w >= size / 2 ? w - size : w;
    }
}
