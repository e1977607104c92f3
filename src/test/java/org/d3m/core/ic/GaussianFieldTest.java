package org.d3m.core.ic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.junit.jupiter.api.Test;

class GaussianFieldTest {

    private static final DoubleUnaryOperator POWER = k -> 2000 * Math.pow(k / 0.1, -1.5) / (1 + Math.pow(k / 0.3, 2));

    @Test
    void whiteNoiseHasUnitVarianceAndIsThreadInvariant() {
        Box box = new Box(100, 32);
        float[] a = WhiteNoise.generate(box, 42, 1);
        float[] b = WhiteNoise.generate(box, 42, 3);
        assertArrayEquals(a, b);
        double s = 0;
        double s2 = 0;
        for (float v : a) {
            s += v;
            s2 += v * v;
        }
        assertEquals(0, s / a.length, 5.0 / Math.sqrt(a.length));
        assertEquals(1, s2 / a.length, 0.02);
        assertTrue(WhiteNoise.generate(box, 43, 1)[0] != a[0], "another seed gives another field");
    }

    /** Measured P(k) averaged over seeds matches the input within its cosmic variance. */
    @Test
    void measuredPowerMatchesInputWithinCosmicVariance() {
        Box box = new Box(200, 32);
        Fft fft = new Fft(box.n(), 2);
        int bins = 8;
        double dk = 0.06;
        double[] sumRatio = new double[bins];
        long[] modes = new long[bins];
        int seeds = 6;
        for (int seed = 0; seed < seeds; seed++) {
            float[] f = GaussianField.linearDensitySpectrum(box, POWER, seed, 2);
            int n = box.n();
            for (int ix = 0; ix < n; ix++) {
                for (int iy = 0; iy < n; iy++) {
                    for (int kz = 1; kz < n / 2; kz++) {   // kz in (0, n/2): each stands for 2 modes; skip 0 and Nyquist
                        double k = Math.sqrt(box.k(ix) * box.k(ix) + box.k(iy) * box.k(iy) + box.k(kz) * box.k(kz));
                        int b = (int) (k / dk);
                        if (b >= bins || ix == n / 2 || iy == n / 2) {
                            continue;
                        }
                        int p = fft.index(ix, iy, kz);
                        double pk = (f[p] * (double) f[p] + f[p + 1] * (double) f[p + 1]) * box.volume() / Math.pow(n, 6);
                        sumRatio[b] += pk / POWER.applyAsDouble(k);
                        modes[b]++;
                    }
                }
            }
        }
        for (int b = 1; b < bins; b++) {
            double mean = sumRatio[b] / modes[b];
            double sigma = 1 / Math.sqrt(modes[b]);   // |delta_k|^2 is exponential: relative scatter 1 per mode
            assertEquals(1, mean, 4 * sigma, "bin " + b + " with " + modes[b] + " modes");
        }
    }

    @Test
    void kZeroAndNyquistModesAreZero() {
        Box box = new Box(64, 16);
        Fft fft = new Fft(16, 1);
        float[] f = GaussianField.linearDensitySpectrum(box, POWER, 1, 1);
        assertEquals(0, f[fft.index(0, 0, 0)], 0.0);
        assertEquals(0, f[fft.index(8, 3, 2)], 0.0);
        assertEquals(0, f[fft.index(1, 2, 8) + 1], 0.0);
        assertTrue(f[fft.index(1, 2, 3)] != 0);
    }

    @Test
    void everyModeGetsTheAmplitudeOfItsOwnKAndPIsNotAskedBeyondTheNonNyquistModes() {
        Box box = new Box(64, 16);
        Fft fft = new Fft(16, 1);
        double[] largest = {0};
        java.util.function.DoubleUnaryOperator power = k -> {
            synchronized (largest) {
                largest[0] = Math.max(largest[0], k);
            }
            return 1e3 * k / (1 + Math.pow(k / 0.2, 3));
        };
        float[] ones = new float[fft.complexLength()];
        java.util.Arrays.fill(ones, 1f);
        GaussianField.applyPower(box, fft, ones, power, 2);
        double asked = largest[0];
        double norm = Math.pow(16, 3) / box.volume();
        for (int ix = 0; ix < 16; ix++) {
            for (int iy = 0; iy < 16; iy++) {
                for (int kz = 0; kz <= 8; kz++) {
                    double k = Math.sqrt(Math.pow(box.k(ix), 2) + Math.pow(box.k(iy), 2) + Math.pow(box.k(kz), 2));
                    boolean zero = k == 0 || ix == 8 || iy == 8 || kz == 8;
                    double expected = zero ? 0 : Math.sqrt(power.applyAsDouble(k) * norm);
                    int p = fft.index(ix, iy, kz);
                    assertEquals(expected, ones[p], 1e-6 * expected, ix + "," + iy + "," + kz);
                    assertEquals(ones[p], ones[p + 1], 0.0);
                }
            }
        }
        assertEquals(Math.sqrt(3) * 7 * box.kFundamental(), asked, 1e-12, "the corner below Nyquist");
    }
}
