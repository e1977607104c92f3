package org.d3m.core.field;

/**
 * A complex FFT of power-of-two length m applied to many lines at once ("lanes"). The data sit in
 * rows: {@code re[j][b], im[j][b]} is element j of line b, and every row is its own array. Each
 * butterfly is a short loop over the lanes with one twiddle factor, which C2 compiles to SIMD
 * instructions, so a block of lines costs little more than one line of a scalar FFT.
 *
 * <p>Both directions are radix-2 decimations in time: the rows are first put in bit-reversed order
 * by permuting the row references (no data moves), then log2 m stages of butterflies
 * {@code (a, b) -> (a + w b, a - w b)} run with spans 1, 2, 4, ... Output is in natural order in
 * the permuted row arrays, so callers must read the rows from {@code re, im} after the call.
 * {@link #inverse} does not divide by m: {@code inverse(forward(x)) = m x}.
 *
 * <p><b>Vectorisation</b> (Java 17, C2), measured: the butterfly loop is vectorised in this shape,
 * the twiddle multiplication on loaded values first, then the sum and difference; written the other
 * way round (decimation in frequency, multiplying the difference) it stayed scalar, 3-5 times
 * slower. A radix-4 loop body was too large for C2 to unroll, hence radix 2. Grouping three stages
 * in generated out-of-line methods (for the L1 cache) was as fast once compiled but cost C2 about
 * 2 s of compilation (on-stack replacements of large methods) at the start of every run.
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
        permute(re);
        permute(im);
        for (int l = 0; l < log2; l++) {
            int s = 1 << l;
            float[] t = tw[l];
            for (int g = 0; g < m; g += 2 * s) {
                for (int j = 0; j < s; j++) {
                    dit(re[g + j], im[g + j], re[g + j + s], im[g + j + s], t[2 * j], t[2 * j + 1], from, to);
                }
            }
        }
    }

    /** (a, b) -&gt; (a + conj(t) b, a - conj(t) b) on lanes [from, to); the tables hold conjugated twiddles. */
    private static void dit(float[] ar, float[] ai, float[] br, float[] bi, float wr, float wi, int from, int to) {
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
}
