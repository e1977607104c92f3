package org.d3m.core.ic;

import java.util.SplittableRandom;
import org.d3m.core.field.Box;
import org.d3m.core.field.Parallel;

/**
 * Unit-variance Gaussian white noise on a {@link Box} grid, fixed by a seed whatever the thread
 * count: every x-plane has its own random stream, seeded by (seed, plane index) through a
 * SplitMix64 mix, and is filled in a fixed order.
 */
public final class WhiteNoise {

    private WhiteNoise() {
    }

    /** Real-space white noise (mean 0, variance 1 per cell, dimensionless), C order. */
    public static float[] generate(Box box, long seed, int threads) {
        int n = box.n();
        float[] w = new float[box.cells()];
        Parallel.forEach(n, threads, ix -> {
            SplittableRandom r = new SplittableRandom(mix(seed, ix));
            int base = ix * n * n;
            for (int i = 0; i < n * n; i++) {
                w[base + i] = (float) r.nextGaussian();
            }
        });
        return w;
    }

    /** Seed of the stream for one plane: SplitMix64 of the seed combined with the plane index. */
    static long mix(long seed, long plane) {
        long z = seed * 0x9E3779B97F4A7C15L + plane * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
