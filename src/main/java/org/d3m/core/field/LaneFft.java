package org.d3m.core.field;

/**
 * A complex FFT of power-of-two length m applied to many lines at once ("lanes"). The data sit in
 * rows: {@code re[j][b], im[j][b]} is element j of line b, and every row is its own array. Each
 * butterfly is a short loop over the lanes with one twiddle factor, which C2 compiles to SIMD
 * instructions, so a block of lines costs little more than one line of a scalar FFT.
 *
 * <p>Both directions are radix-2 decimations in time: the rows are first put in bit-reversed order
 * by permuting the row references (no data moves), then log2 m stages of butterflies
 * {@code (a, b) -> (a + w b, a - w b)} run with spans 1, 2, 4, ...; three stages at a time work on
 * groups of eight rows, which stay in the L1 cache. Output is in natural order in the permuted
 * row arrays, so callers must read the rows from {@code re, im} after the call. {@link #inverse}
 * does not divide by m: {@code inverse(forward(x)) = m x}.
 *
 * <p><b>Vectorisation.</b> C2 (Java 17) vectorises a lane loop only in this shape: the twiddle
 * multiplication on loaded values first, then the sum and difference, and the loop compiled out of
 * line (inlined into a loop nest it stayed scalar). The grouped butterflies are therefore
 * generated as runs of plain loops in methods too large to inline; measured in docs/performance.md.
 *
 * <p>The arithmetic of a lane depends neither on the other lanes nor on how lines are grouped, so
 * results are bit-identical whatever the block size and thread count. Instances are immutable and
 * may be shared between threads.
 */
public final class LaneFft {

    private final int m;
    private final int log2;
    /** Conjugates of the twiddles, per stage span S = 2^l, as (re, im) pairs for p &lt; S: forward exp(+i pi p / S). */
    private final float[][] forwardTw;
    private final float[][] inverseTw;
    /** Stages per group, smallest spans first (groups of 3 stages, then 2). */
    private final int[] plan;
    private final int[] reverse;

    public LaneFft(int m) {
        if (m < 1 || Integer.bitCount(m) != 1) {
            throw new IllegalArgumentException("lane FFT length must be a power of two, got " + m);
        }
        this.m = m;
        this.log2 = Integer.numberOfTrailingZeros(m);
        this.forwardTw = new float[log2][];
        this.inverseTw = new float[log2][];
        for (int l = 0; l < log2; l++) {
            int span = 1 << l;
            float[] f = new float[2 * span];
            float[] b = new float[2 * span];
            for (int p = 0; p < span; p++) {
                double a = Math.PI * p / span;
                f[2 * p] = (float) Math.cos(a);
                f[2 * p + 1] = (float) Math.sin(a);
                b[2 * p] = f[2 * p];
                b[2 * p + 1] = -f[2 * p + 1];
            }
            forwardTw[l] = f;
            inverseTw[l] = b;
        }
        this.plan = new int[(log2 + 2) / 3];
        int left = log2;
        for (int i = plan.length - 1; i >= 0; i--) {
            int c = left <= 3 ? left : left == 4 ? 2 : 3;
            plan[i] = c;
            left -= c;
        }
        this.reverse = new int[m];
        for (int k = 0; k < m; k++) {
            reverse[k] = log2 == 0 ? 0 : Integer.reverse(k) >>> (32 - log2);
        }
    }

    public int length() {
        return m;
    }

    /** In-place forward transform (exp(-i ...)) of lanes [from, to), natural order in and out. */
    public void forward(float[][] re, float[][] im, int from, int to) {
        transform(re, im, from, to, forwardTw);
    }

    /** In-place inverse transform (exp(+i ...), no 1/m) of lanes [from, to), natural order in and out. */
    public void inverse(float[][] re, float[][] im, int from, int to) {
        transform(re, im, from, to, inverseTw);
    }

    private void transform(float[][] re, float[][] im, int from, int to, float[][] tw) {
        if (re.length < m || im.length < m) {
            throw new IllegalArgumentException("need " + m + " rows");
        }
        permute(re);
        permute(im);
        int l = 0;
        for (int c : plan) {
            int s = 1 << l;
            for (int g = 0; g < m; g += s << c) {
                for (int j = 0; j < s; j++) {
                    switch (c) {
                        case 3 -> stages8(re, im, g + j, j, s, tw[l], tw[l + 1], tw[l + 2], from, to);
                        case 2 -> stages4(re, im, g + j, j, s, tw[l], tw[l + 1], from, to);
                        default -> stages2(re, im, g + j, j, s, tw[l], from, to);
                    }
                }
            }
            l += c;
        }
    }

    /** Bit-reversal permutation of the row references. */
    private void permute(float[][] rows) {
        for (int k = 0; k < m; k++) {
            int r = reverse[k];
            if (r > k) {
                float[] t = rows[k];
                rows[k] = rows[r];
                rows[r] = t;
            }
        }
    }

    // Generated: each method is a run of lane loops (a + conj(t) b, a - conj(t) b) with no loop around them.

    /** Stages of spans s, 2s, 4s on rows r + q s, q &lt; 8; t_l: conjugate twiddles of span 2^l s. */
    private static void stages8(float[][] re, float[][] im, int r, int j, int s, float[] t0, float[] t1, float[] t2, int from, int to) {
        {
            float wr = t0[2 * (j)];
            float wi = t0[2 * (j) + 1];
            float[] ar = re[r], ai = im[r], br = re[r + 1 * s], bi = im[r + 1 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t0[2 * (j)];
            float wi = t0[2 * (j) + 1];
            float[] ar = re[r + 2 * s], ai = im[r + 2 * s], br = re[r + 3 * s], bi = im[r + 3 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t0[2 * (j)];
            float wi = t0[2 * (j) + 1];
            float[] ar = re[r + 4 * s], ai = im[r + 4 * s], br = re[r + 5 * s], bi = im[r + 5 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t0[2 * (j)];
            float wi = t0[2 * (j) + 1];
            float[] ar = re[r + 6 * s], ai = im[r + 6 * s], br = re[r + 7 * s], bi = im[r + 7 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t1[2 * (j)];
            float wi = t1[2 * (j) + 1];
            float[] ar = re[r], ai = im[r], br = re[r + 2 * s], bi = im[r + 2 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t1[2 * (j + 1 * s)];
            float wi = t1[2 * (j + 1 * s) + 1];
            float[] ar = re[r + 1 * s], ai = im[r + 1 * s], br = re[r + 3 * s], bi = im[r + 3 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t1[2 * (j)];
            float wi = t1[2 * (j) + 1];
            float[] ar = re[r + 4 * s], ai = im[r + 4 * s], br = re[r + 6 * s], bi = im[r + 6 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t1[2 * (j + 1 * s)];
            float wi = t1[2 * (j + 1 * s) + 1];
            float[] ar = re[r + 5 * s], ai = im[r + 5 * s], br = re[r + 7 * s], bi = im[r + 7 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t2[2 * (j)];
            float wi = t2[2 * (j) + 1];
            float[] ar = re[r], ai = im[r], br = re[r + 4 * s], bi = im[r + 4 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t2[2 * (j + 1 * s)];
            float wi = t2[2 * (j + 1 * s) + 1];
            float[] ar = re[r + 1 * s], ai = im[r + 1 * s], br = re[r + 5 * s], bi = im[r + 5 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t2[2 * (j + 2 * s)];
            float wi = t2[2 * (j + 2 * s) + 1];
            float[] ar = re[r + 2 * s], ai = im[r + 2 * s], br = re[r + 6 * s], bi = im[r + 6 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t2[2 * (j + 3 * s)];
            float wi = t2[2 * (j + 3 * s) + 1];
            float[] ar = re[r + 3 * s], ai = im[r + 3 * s], br = re[r + 7 * s], bi = im[r + 7 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
    }

    /** Stages of spans s, 2s on rows r + q s, q &lt; 4; t_l: conjugate twiddles of span 2^l s. */
    private static void stages4(float[][] re, float[][] im, int r, int j, int s, float[] t0, float[] t1, int from, int to) {
        {
            float wr = t0[2 * (j)];
            float wi = t0[2 * (j) + 1];
            float[] ar = re[r], ai = im[r], br = re[r + 1 * s], bi = im[r + 1 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t0[2 * (j)];
            float wi = t0[2 * (j) + 1];
            float[] ar = re[r + 2 * s], ai = im[r + 2 * s], br = re[r + 3 * s], bi = im[r + 3 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t1[2 * (j)];
            float wi = t1[2 * (j) + 1];
            float[] ar = re[r], ai = im[r], br = re[r + 2 * s], bi = im[r + 2 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
        {
            float wr = t1[2 * (j + 1 * s)];
            float wi = t1[2 * (j + 1 * s) + 1];
            float[] ar = re[r + 1 * s], ai = im[r + 1 * s], br = re[r + 3 * s], bi = im[r + 3 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
    }

    /** Stages of spans s on rows r + q s, q &lt; 2; t_l: conjugate twiddles of span 2^l s. */
    private static void stages2(float[][] re, float[][] im, int r, int j, int s, float[] t0, int from, int to) {
        {
            float wr = t0[2 * (j)];
            float wi = t0[2 * (j) + 1];
            float[] ar = re[r], ai = im[r], br = re[r + 1 * s], bi = im[r + 1 * s];
            for (int k = from; k < to; k++) {
                float yr = br[k] * wr + bi[k] * wi;
                float yi = bi[k] * wr - br[k] * wi;
                float xr = ar[k];
                float xi = ai[k];
                ar[k] = xr + yr;
                ai[k] = xi + yi;
                br[k] = xr - yr;
                bi[k] = xi - yi;
            }
        }
    }
}
