package org.d3m.core.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] f = new float[n * n * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        return f;
    }

    @Test
    void roundTripRecoversTheField() {
        for (int n : new int[] {6, 8, 16}) {
            float[] f = random(n, 1);
            Fft fft = new Fft(n, 2);
            float[] back = fft.inverse(fft.forward(f));
            for (int i = 0; i < f.length; i++) {
                assertEquals(f[i], back[i], 1e-5, "n=" + n);
            }
        }
    }

    @Test
    void cosineWaveLandsOnItsModeWithPlainSumNormalisation() {
        int n = 16;
        Box box = new Box(100, n);
        float[] f = new float[box.cells()];
        int mx = 2, my = -3, mz = 5;
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    f[box.index(ix, iy, iz)] = (float) Math.cos(2 * Math.PI * (mx * ix + my * iy + mz * iz) / n);
                }
            }
        }
        Fft fft = new Fft(n, 1);
        float[] c = fft.forward(f);
        int half = n * n * n / 2;
        int p = fft.index(mx, n + my, mz);
        assertEquals(half, c[p], 1e-2);
        assertEquals(0, c[p + 1], 1e-2);
        double total = 0;
        for (float v : c) {
            total += Math.abs(v);
        }
        assertEquals(half, total, 1.0, "all power in one half-complex mode");
    }

    @Test
    void sineHasNegativeImaginaryPartForExpMinusIkxConvention() {
        int n = 8;
        Box box = new Box(1, n);
        float[] f = new float[box.cells()];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    f[box.index(ix, iy, iz)] = (float) Math.sin(2 * Math.PI * ix / n);
                }
            }
        }
        Fft fft = new Fft(n, 1);
        float[] c = fft.forward(f);
        assertEquals(-n * n * n / 2.0, c[fft.index(1, 0, 0) + 1], 1e-3);
    }

    @Test
    void resultIsIdenticalForAnyThreadCount() {
        for (int n : new int[] {32, 12}) {
            float[] f = random(n, 7);
            float[] one = new Fft(n, 1).forward(f);
            float[] three = new Fft(n, 3).forward(f);
            assertArrayEquals(one, three, "n=" + n);
            assertArrayEquals(new Fft(n, 1).inverse(one), new Fft(n, 2).inverse(one), "n=" + n);
        }
    }

    @Test
    void powersOfTwoRunOnTheLaneEngineAndAgreeWithJTransforms() {
        assertTrue(new Fft(64, 1).usesLanes() && new Fft(4, 1).usesLanes());
        assertFalse(new Fft(12, 1).usesLanes() || new Fft(2, 1).usesLanes() || Fft.jtransforms(64, 1).usesLanes());
        for (int n : new int[] {4, 8, 32}) {
            float[] f = random(n, 11);
            Fft lanes = new Fft(n, 2);
            Fft lines = Fft.jtransforms(n, 2);
            float[] a = lanes.forward(f);
            float[] b = lines.forward(f);
            double scale = Math.sqrt(n * n * n);
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-5 * scale, "forward, n=" + n + ", float " + i);
            }
            // a spectrum that is not Hermitian on the kz = 0 and n/2 planes: both drop what a real field cannot hold
            float[] g = random(n, 12);
            float[] spectrum = new float[lanes.complexLength()];
            for (int i = 0; i < spectrum.length; i++) {
                spectrum[i] = g[i % g.length];
            }
            float[] x = lanes.inverse(spectrum);
            float[] y = lines.inverse(spectrum);
            for (int i = 0; i < x.length; i++) {
                assertEquals(y[i], x[i], 1e-5, "inverse, n=" + n + ", cell " + i);
            }
        }
    }
}
