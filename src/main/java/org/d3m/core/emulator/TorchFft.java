package org.d3m.core.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;

/**
 * libtorch's FFT through DJL, measured as an alternative to the Java FFTs for the PM force (not
 * used by it): a real field is copied into native memory, transformed (rfft along z, fft2 along x
 * and y), transformed back and copied out. Benchmark only; see docs/performance.md.
 */
public final class TorchFft {

    private TorchFft() {
    }

    /**
     * Median seconds of an n^3 round trip on {@code threads} libtorch threads: {@code [0]} with the
     * copy in and out of the JVM heap, {@code [1]} the four transforms alone.
     */
    public static double[] roundTripSeconds(float[] field, int n, int threads, int reps) {
        int before = threadsNow();
        DjlRuntime.setThreads(threads);
        try {
            double[] all = new double[reps];
            double[] ffts = new double[reps];
            for (int r = -1; r < reps; r++) {
                try (NDManager m = NDManager.newBaseManager()) {
                    long t0 = System.nanoTime();
                    NDArray x = m.create(field, new Shape(n, n, n));
                    long t1 = System.nanoTime();
                    NDArray back = roundTrip(x, n);
                    long t2 = System.nanoTime();
                    back.toFloatArray();
                    long t3 = System.nanoTime();
                    if (r >= 0) {
                        all[r] = (t3 - t0) * 1e-9;
                        ffts[r] = (t2 - t1) * 1e-9;
                    }
                }
            }
            return new double[] {median(all), median(ffts)};
        } finally {
            DjlRuntime.setThreads(before);
        }
    }

    /** The forward spectrum as interleaved (re, im) floats ({@code real()} views complex as pairs) on {@code threads} libtorch threads. */
    public static float[] forward(float[] field, int n, int threads) {
        int before = threadsNow();
        DjlRuntime.setThreads(threads);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray c = m.create(field, new Shape(n, n, n)).rfft(n, 2).fft2(new long[] {n, n}, new long[] {0, 1});
            return c.real().toFloatArray();
        } finally {
            DjlRuntime.setThreads(before);
        }
    }

    private static NDArray roundTrip(NDArray x, int n) {
        long[] size = {n, n};
        long[] axes = {0, 1};
        NDArray c = x.rfft(n, 2);
        NDArray k = c.fft2(size, axes);
        c.close();
        NDArray b = k.ifft2(size, axes);
        k.close();
        NDArray y = b.irfft(n, 2);
        b.close();
        return y;
    }

    private static int threadsNow() {
        DjlRuntime.engine();
        return JniUtils.getNumThreads();
    }

    private static double median(double[] t) {
        double[] c = t.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
