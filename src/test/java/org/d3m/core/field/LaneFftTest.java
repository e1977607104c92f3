package org.d3m.core.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lane FFTs (complex, real, 3D) against direct sums and against {@link Fft}. */
class LaneFftTest {

    @Test
    void complexTransformMatchesTheDirectSumAndInvertsToMTimesTheInput() {
        for (int m : new int[] {1, 2, 4, 8, 16, 32, 64, 128}) {
            int lanes = 5;
            Random r = new Random(m);
            float[][] re = new float[m][lanes];
            float[][] im = new float[m][lanes];
            double[][] xr = new double[lanes][m];
            double[][] xi = new double[lanes][m];
            for (int j = 0; j < m; j++) {
                for (int b = 0; b < lanes; b++) {
                    re[j][b] = (float) r.nextGaussian();
                    im[j][b] = (float) r.nextGaussian();
                    xr[b][j] = re[j][b];
                    xi[b][j] = im[j][b];
                }
            }
            LaneFft f = new LaneFft(m);
            f.forward(re, im, 0, lanes);
            for (int b = 0; b < lanes; b++) {
                for (int k = 0; k < m; k++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < m; j++) {
                        double a = -2 * Math.PI * ((long) j * k % m) / m;
                        sr += xr[b][j] * Math.cos(a) - xi[b][j] * Math.sin(a);
                        si += xr[b][j] * Math.sin(a) + xi[b][j] * Math.cos(a);
                    }
                    assertEquals(sr, re[k][b], 1e-5 * Math.sqrt(m) * 4, "m=" + m + " k=" + k);
                    assertEquals(si, im[k][b], 1e-5 * Math.sqrt(m) * 4, "m=" + m + " k=" + k);
                }
            }
            f.inverse(re, im, 0, lanes);
            for (int j = 0; j < m; j++) {
                for (int b = 0; b < lanes; b++) {
                    assertEquals(xr[b][j], re[j][b] / m, 1e-5);
                    assertEquals(xi[b][j], im[j][b] / m, 1e-5);
                }
            }
        }
    }

    @Test
    void aLaneDoesNotDependOnTheOtherLanesOrOnTheLaneRange() {
        int m = 64;
        Random r = new Random(3);
        float[][] re = new float[m][40];
        float[][] im = new float[m][40];
        for (int j = 0; j < m; j++) {
            for (int b = 0; b < 40; b++) {
                re[j][b] = (float) r.nextGaussian();
                im[j][b] = (float) r.nextGaussian();
            }
        }
        float[][] re1 = new float[m][1];
        float[][] im1 = new float[m][1];
        for (int j = 0; j < m; j++) {
            re1[j][0] = re[j][17];
            im1[j][0] = im[j][17];
        }
        LaneFft f = new LaneFft(m);
        f.forward(re, im, 0, 40);
        f.forward(re1, im1, 0, 1);
        for (int j = 0; j < m; j++) {
            assertEquals(Float.floatToIntBits(re[j][17]), Float.floatToIntBits(re1[j][0]));
            assertEquals(Float.floatToIntBits(im[j][17]), Float.floatToIntBits(im1[j][0]));
        }
    }

    @Test
    void realTransformMatchesTheDirectSum() {
        for (int n : new int[] {2, 4, 8, 32, 64}) {
            int h = n / 2;
            int lanes = 3;
            Random r = new Random(n);
            double[][] x = new double[lanes][n];
            float[][] re = new float[h][lanes];
            float[][] im = new float[h][lanes];
            for (int b = 0; b < lanes; b++) {
                for (int j = 0; j < n; j++) {
                    x[b][j] = (float) r.nextGaussian();
                }
                for (int j = 0; j < h; j++) {
                    re[j][b] = (float) x[b][2 * j];
                    im[j][b] = (float) x[b][2 * j + 1];
                }
            }
            float[] nyq = new float[lanes];
            RealLaneFft f = new RealLaneFft(n);
            f.forward(re, im, nyq, new float[lanes], new float[lanes], 0, lanes);
            for (int b = 0; b < lanes; b++) {
                for (int k = 0; k <= h; k++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < n; j++) {
                        double a = -2 * Math.PI * ((long) j * k % n) / n;
                        sr += x[b][j] * Math.cos(a);
                        si += x[b][j] * Math.sin(a);
                    }
                    float gr = k == h ? nyq[b] : re[k][b];
                    float gi = k == h ? 0 : im[k][b];
                    assertEquals(sr, gr, 1e-4 * n, "n=" + n + " k=" + k);
                    assertEquals(si, gi, 1e-4 * n, "n=" + n + " k=" + k);
                }
            }
            f.inverse(re, im, nyq, new float[lanes], new float[lanes], 0, lanes);
            for (int b = 0; b < lanes; b++) {
                for (int j = 0; j < h; j++) {
                    assertEquals(x[b][2 * j], re[j][b] / n, 1e-5);
                    assertEquals(x[b][2 * j + 1], im[j][b] / n, 1e-5);
                }
            }
        }
    }

    @Test
    void threeDimensionalTransformEqualsFftUpToLayoutAndRoundTrips() {
        int n = 16;
        Random r = new Random(5);
        float[] xyz = new float[n * n * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) r.nextGaussian();
        }
        float[] xzy = new float[xyz.length];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                for (int z = 0; z < n; z++) {
                    xzy[(x * n + z) * n + y] = xyz[(x * n + y) * n + z];
                }
            }
        }
        Fft ref = new Fft(n, 1);
        float[] expected = ref.forward(xyz);
        LaneFft3d lanes = new LaneFft3d(n, 2);
        float[] spectrum = new float[lanes.spectrumLength()];
        lanes.forward(xzy, spectrum);
        for (int kx = 0; kx < n; kx++) {
            for (int ky = 0; ky < n; ky++) {
                for (int kz = 0; kz <= n / 2; kz++) {
                    int e = ref.index(kx, ky, kz);
                    int g = lanes.index(kx, ky, kz);
                    assertEquals(expected[e], spectrum[g], 2e-4, "re " + kx + "," + ky + "," + kz);
                    assertEquals(expected[e + 1], spectrum[g + lanes.imaginaryOffset()], 2e-4, "im " + kx + "," + ky + "," + kz);
                }
            }
        }
        float[] one = new float[spectrum.length];
        new LaneFft3d(n, 1).forward(xzy, one);
        assertArrayEquals(one, spectrum, "bit-identical for 1 and 2 threads");
        float[] back = new float[xzy.length];
        lanes.inverse(spectrum, back);
        for (int i = 0; i < back.length; i++) {
            assertEquals(xzy[i], back[i], 1e-5);
        }
    }

    @Test
    void sizesThatAreNotPowersOfTwoAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LaneFft(12));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft3d(24, 1));
        assertEquals(false, LaneFft3d.supports(2));
    }
}
