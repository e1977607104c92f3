package org.d3m.core.field;

/**
 * A real FFT of even length n = 2h applied to many lines at once, on a {@link LaneFft} of length h
 * (the usual packing of even and odd samples into one complex line, then one pass of twiddles).
 *
 * <p>Rows hold lanes as in {@link LaneFft}. {@link #forward}: rows j &lt; h hold samples 2j
 * ({@code re[j]}) and 2j + 1 ({@code im[j]}); on return, rows k &lt; h hold X(k) and {@code nyq}
 * the real X(h); X(0) is real ({@code im[0]} is 0). {@link #inverse} is the reverse, without the
 * 1/n: {@code inverse(forward(x)) = n x}; the imaginary parts of X(0) and X(h) are ignored. Like
 * the complex transform, rows are permuted by reference, so read them from the arrays after a call.
 *
 * <p>The two scratch rows {@code t1, t2} must have the lanes' length. Loops whose multiplications
 * take loaded values (C2 vectorises those) are why the twiddle pass is split in two.
 */
public final class RealLaneFft {

    private final int n;
    private final int h;
    private final LaneFft complex;
    /** exp(-2 pi i k / n) for k &lt;= h/2. */
    private final float[] wr;
    private final float[] wi;

    public RealLaneFft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("real lane FFT length must be a power of two >= 2, got " + n);
        }
        this.n = n;
        this.h = n / 2;
        this.complex = new LaneFft(h);
        this.wr = new float[h / 2 + 1];
        this.wi = new float[h / 2 + 1];
        for (int k = 0; k <= h / 2; k++) {
            double a = -2 * Math.PI * k / n;
            wr[k] = (float) Math.cos(a);
            wi[k] = (float) Math.sin(a);
        }
    }

    public int length() {
        return n;
    }

    /** Forward transform of lanes [from, to); see the class comment for the layout. */
    public void forward(float[][] re, float[][] im, float[] nyq, float[] t1, float[] t2, int from, int to) {
        complex.forward(re, im, from, to);
        float[] r0 = re[0];
        float[] i0 = im[0];
        for (int b = from; b < to; b++) {
            float zr = r0[b];
            float zi = i0[b];
            r0[b] = zr + zi;
            nyq[b] = zr - zi;
            i0[b] = 0;
        }
        for (int k = 1; k < h - k; k++) {
            split(re[k], im[k], re[h - k], im[h - k], t1, t2, from, to);
            forwardPair(re[k], im[k], re[h - k], im[h - k], t1, t2, wr[k], wi[k], from, to);
        }
        if (h >= 2) {
            float[] ih = im[h / 2];
            for (int b = from; b < to; b++) {
                ih[b] = -ih[b];
            }
        }
    }

    /** Inverse transform (times n) of lanes [from, to); see the class comment for the layout. */
    public void inverse(float[][] re, float[][] im, float[] nyq, float[] t1, float[] t2, int from, int to) {
        float[] r0 = re[0];
        float[] i0 = im[0];
        for (int b = from; b < to; b++) {
            float x0 = r0[b];
            float xh = nyq[b];
            r0[b] = x0 + xh;
            i0[b] = x0 - xh;
        }
        for (int k = 1; k < h - k; k++) {
            difference(re[k], im[k], re[h - k], im[h - k], t1, t2, from, to);
            inversePair(re[k], im[k], re[h - k], im[h - k], t1, t2, wr[k], wi[k], from, to);
        }
        if (h >= 2) {
            float[] rh = re[h / 2];
            float[] ih = im[h / 2];
            for (int b = from; b < to; b++) {
                rh[b] = 2 * rh[b];
                ih[b] = -2 * ih[b];
            }
        }
        complex.inverse(re, im, from, to);
    }

    /** The odd samples' transform O = (Z(k) - conj Z(h-k)) / 2i = (t1, t2). */
    private static void split(float[] ar, float[] ai, float[] br, float[] bi, float[] t1, float[] t2, int from, int to) {
        for (int b = from; b < to; b++) {
            t1[b] = 0.5f * ai[b] + 0.5f * bi[b];
            t2[b] = 0.5f * br[b] - 0.5f * ar[b];
        }
    }

    /** X(k) = E + W^k O, X(h-k) = conj(E - W^k O), E = (Z(k) + conj Z(h-k)) / 2, O = (t1, t2). */
    private static void forwardPair(float[] ar, float[] ai, float[] br, float[] bi, float[] t1, float[] t2,
                                    float wr, float wi, int from, int to) {
        for (int b = from; b < to; b++) {
            float tr = wr * t1[b] - wi * t2[b];
            float ti = wr * t2[b] + wi * t1[b];
            float er = 0.5f * ar[b] + 0.5f * br[b];
            float ei = 0.5f * ai[b] - 0.5f * bi[b];
            ar[b] = er + tr;
            ai[b] = ei + ti;
            br[b] = er - tr;
            bi[b] = ti - ei;
        }
    }

    /** t = X(k) - conj X(h-k). */
    private static void difference(float[] ar, float[] ai, float[] br, float[] bi, float[] t1, float[] t2, int from, int to) {
        for (int b = from; b < to; b++) {
            t1[b] = ar[b] - br[b];
            t2[b] = ai[b] + bi[b];
        }
    }

    /** Z(k) = E + i O, Z(h-k) = conj E + i conj O, E = X(k) + conj X(h-k), O = t conj(W^k). */
    private static void inversePair(float[] ar, float[] ai, float[] br, float[] bi, float[] t1, float[] t2,
                                    float wr, float wi, int from, int to) {
        for (int b = from; b < to; b++) {
            float or = t1[b] * wr + t2[b] * wi;
            float oi = t2[b] * wr - t1[b] * wi;
            float er = ar[b] + br[b];
            float ei = ai[b] - bi[b];
            ar[b] = er - oi;
            ai[b] = ei + or;
            br[b] = er + oi;
            bi[b] = or - ei;
        }
    }
}
