package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

class PowerSpectrumTest {

    /** L = 100 Mpc/h: |k| / dk = pi sqrt(i^2 + j^2 + l^2) for dk = 0.02, never on a bin edge. */
    private static final Box BOX = new Box(100, 16);

    private static ScalarField wave(Box box, double amp, int mx, int my, int mz, double phase) {
        int n = box.n();
        float[] f = new float[box.cells()];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    f[box.index(ix, iy, iz)] = (float) (amp * Math.cos(2 * Math.PI * (mx * ix + my * iy + mz * iz) / n + phase));
                }
            }
        }
        return new ScalarField(box, f);
    }

    private static ScalarField random(Box box, long seed, double mean) {
        Random r = new Random(seed);
        float[] f = new float[box.cells()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (mean + r.nextGaussian());
        }
        return new ScalarField(box, f);
    }

    /** Mode count per bin from the FULL n^3 grid (no half-complex bookkeeping): an independent count. */
    private static long[] bruteForceModes(Box box, double dk, int bins, double kMax) {
        long[] m = new long[bins];
        int n = box.n();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    int a = box.signedFrequency(i), b = box.signedFrequency(j), c = box.signedFrequency(l);
                    long i2 = (long) a * a + (long) b * b + (long) c * c;
                    double k = box.kFundamental() * Math.sqrt(i2);
                    if (i2 > 0 && k <= kMax) {
                        m[Math.min((int) (k / dk), bins - 1)]++;
                    }
                }
            }
        }
        return m;
    }

    @Test
    void cosineWaveHasExactPowerInItsBinForGeneralAndKz0Modes() {
        PowerSpectrum ps = new PowerSpectrum(BOX, 0.02, 2);
        double amp = 1.7;
        for (int[] m : new int[][] {{2, -3, 5}, {3, 1, 0}, {0, 0, 8}, {1, 1, 8}}) {
            Spectrum s = ps.auto(wave(BOX, amp, m[0], m[1], m[2], 0.3));
            double k0 = BOX.kFundamental() * Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2]);
            int bin = s.binOf(k0);
            // +k0 and -k0 each carry P = V A^2 / 4; the bin's p is the mean over its modes. A pure
            // Nyquist wave (0, 0, n/2) is its own conjugate: one mode, F = n^3 A cos(phase).
            boolean selfConjugate = m[0] == 0 && m[1] == 0 && m[2] == BOX.n() / 2;
            double total = selfConjugate ? BOX.volume() * amp * amp * Math.pow(Math.cos(0.3), 2)
                    : 2 * BOX.volume() * amp * amp / 4;
            double expected = total / s.modes()[bin];
            assertEquals(expected, s.p()[bin], 1e-5 * expected, "wave " + java.util.Arrays.toString(m));
            for (int i = 0; i < s.size(); i++) {
                if (i != bin) {
                    assertTrue(Math.abs(s.p()[i]) < 1e-8 * expected, "leak into bin " + i);
                }
            }
        }
    }

    @Test
    void sumOfWavesInDifferentBinsSeparates() {
        PowerSpectrum ps = new PowerSpectrum(BOX, PowerSpectrum.DEFAULT_DK, 1);
        ScalarField a = wave(BOX, 2.0, 1, 0, 0, 0);
        ScalarField b = wave(BOX, 0.5, 2, 2, 3, 1.0);
        float[] sum = new float[BOX.cells()];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = a.data()[i] + b.data()[i];
        }
        Spectrum s = ps.auto(new ScalarField(BOX, sum));
        int ba = s.binOf(BOX.kFundamental());
        int bb = s.binOf(BOX.kFundamental() * Math.sqrt(17));
        assertTrue(ba != bb);
        assertEquals(2 * BOX.volume() * 4.0 / 4 / s.modes()[ba], s.p()[ba], 1e-5 * s.p()[ba]);
        assertEquals(2 * BOX.volume() * 0.25 / 4 / s.modes()[bb], s.p()[bb], 1e-5 * s.p()[bb]);
    }

    @Test
    void modeCountsAndMeanKMatchTheFullGrid() {
        PowerSpectrum ps = new PowerSpectrum(BOX, 0.02, 3);
        Spectrum s = ps.auto(random(BOX, 5, 0));
        assertEquals((int) Math.ceil(BOX.kNyquist() / 0.02), s.size());
        long[] expected = bruteForceModes(BOX, 0.02, s.size(), s.size() * 0.02);
        assertArrayEquals(expected, s.modes());
        // Bins below the fundamental are empty: centre k, zero power, no NaN.
        assertEquals(0, s.modes()[0]);
        assertEquals(0.01, s.k()[0], 1e-15);
        assertEquals(0.0, s.p()[0]);
        // Mean |k| of bin 3: only the six (+-1, 0, 0) modes live in [0.06, 0.08).
        assertEquals(6, s.modes()[3]);
        assertEquals(BOX.kFundamental(), s.k()[3], 1e-15);
        for (int i : s.nonEmptyBins()) {
            assertTrue(s.k()[i] >= i * 0.02 && s.k()[i] < (i + 1) * 0.02, "mean k inside bin " + i);
        }
    }

    @Test
    void nyquistOnABinEdgeIsKeptInTheLastBin() {
        Box box = new Box(20 * Math.PI, 16); // k_f = 0.1, k_Ny = 0.8 = 8 dk exactly
        PowerSpectrum ps = new PowerSpectrum(box, 0.1, 1);
        assertEquals(8, ps.bins());
        Spectrum s = ps.auto(random(box, 9, 0));
        long inside = 0; // modes with 0 < i^2 + j^2 + l^2 <= 64, counted exactly in integers
        for (int i = -8; i < 8; i++) {
            for (int j = -8; j < 8; j++) {
                for (int l = -8; l < 8; l++) {
                    int i2 = i * i + j * j + l * l;
                    inside += (i2 > 0 && i2 <= 64) ? 1 : 0;
                }
            }
        }
        assertEquals(inside, s.totalModes());
        assertEquals(7, s.binOf(box.kNyquist()));
    }

    @Test
    void parsevalAndAllModesWhenOneBinHoldsEverything() {
        ScalarField f = random(BOX, 11, 0.3);
        double dk = 2 * BOX.kNyquist(); // > sqrt(3) k_Ny: the corners are inside too
        Spectrum s = new PowerSpectrum(BOX, dk, 2).auto(f);
        assertEquals(1, s.size());
        assertEquals((long) BOX.cells() - 1, s.modes()[0]);
        double mean = f.mean();
        double var = f.rms() * f.rms() - mean * mean;
        assertEquals(var, s.p()[0] * s.modes()[0] / BOX.volume(), 1e-5 * var);
    }

    @Test
    void crossWithItselfIsAutoAndShiftGivesCosinePhase() {
        PowerSpectrum ps = new PowerSpectrum(BOX, 0.02, 2);
        ScalarField f = random(BOX, 3, 0);
        assertEquals(ps.auto(f), ps.cross(f, f));

        int[] m = {2, -3, 5};
        int[] shift = {1, 2, 3};
        double amp = 1.2;
        ScalarField w = wave(BOX, amp, m[0], m[1], m[2], 0.4);
        ScalarField shifted = roll(w, shift);
        Spectrum c = ps.cross(w, shifted);
        double phi = 2 * Math.PI * (m[0] * shift[0] + m[1] * shift[1] + m[2] * shift[2]) / BOX.n();
        int bin = c.binOf(BOX.kFundamental() * Math.sqrt(38));
        double full = 2 * BOX.volume() * amp * amp / 4 / c.modes()[bin];
        assertEquals(full * Math.cos(phi), c.p()[bin], 1e-5 * full);
        assertTrue(Math.abs(Math.cos(phi)) < 0.99, "the shift must change the phase");
    }

    private static ScalarField roll(ScalarField f, int[] s) {
        Box box = f.box();
        int n = box.n();
        float[] out = new float[box.cells()];
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    out[box.index((ix + s[0]) % n, (iy + s[1]) % n, (iz + s[2]) % n)] = f.data()[box.index(ix, iy, iz)];
                }
            }
        }
        return new ScalarField(box, out);
    }

    @Test
    void vectorSpectraAreSumsOfComponentSpectra() {
        PowerSpectrum ps = new PowerSpectrum(BOX, 0.02, 2);
        VectorField a = new VectorField(BOX, new float[][] {
                random(BOX, 1, 0).data(), random(BOX, 2, 0).data(), random(BOX, 3, 0).data()});
        VectorField b = new VectorField(BOX, new float[][] {
                random(BOX, 4, 0).data(), a.c()[1], random(BOX, 6, 0).data()});
        Spectrum va = ps.auto(a);
        Spectrum vc = ps.cross(a, b);
        double[] autoSum = new double[va.size()];
        double[] crossSum = new double[va.size()];
        for (int c = 0; c < 3; c++) {
            Spectrum sa = ps.auto(new ScalarField(BOX, a.c()[c]));
            Spectrum sc = ps.cross(new ScalarField(BOX, a.c()[c]), new ScalarField(BOX, b.c()[c]));
            assertArrayEquals(sa.modes(), va.modes());
            assertArrayEquals(sa.k(), va.k());
            for (int i = 0; i < va.size(); i++) {
                autoSum[i] += sa.p()[i];
                crossSum[i] += sc.p()[i];
            }
        }
        for (int i = 0; i < va.size(); i++) {
            assertEquals(autoSum[i], va.p()[i], 1e-12 * Math.abs(autoSum[i]), "auto bin " + i);
            assertEquals(crossSum[i], vc.p()[i], 1e-9 * autoSum[i], "cross bin " + i);
        }
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        Box box = new Box(128, 32);
        ScalarField f = random(box, 21, 0);
        ScalarField g = random(box, 22, 0);
        VectorField v = new VectorField(box, new float[][] {f.data(), g.data(), random(box, 23, 0).data()});
        Spectrum a1 = new PowerSpectrum(box, 0.02, 1).auto(f);
        Spectrum c1 = new PowerSpectrum(box, 0.02, 1).cross(f, g);
        Spectrum v1 = new PowerSpectrum(box, 0.02, 1).auto(v);
        for (int t : new int[] {2, 3, 7}) {
            PowerSpectrum ps = new PowerSpectrum(box, 0.02, t);
            assertEquals(a1, ps.auto(f), "auto, threads " + t);
            assertEquals(c1, ps.cross(f, g), "cross, threads " + t);
            assertEquals(v1, ps.auto(v), "vector, threads " + t);
        }
    }

    @Test
    void fromSpectrumMatchesFieldPath() {
        PowerSpectrum ps = new PowerSpectrum(BOX, 0.02, 1);
        ScalarField f = random(BOX, 8, 0);
        assertEquals(ps.auto(f), ps.autoFromSpectrum(new Fft(BOX.n(), 1).forward(f.data())));
    }

    @Test
    void binOfAndValidation() {
        Spectrum s = new PowerSpectrum(BOX, 0.02, 1).auto(random(BOX, 1, 0));
        assertEquals(0, s.binOf(0));
        assertEquals(3, s.binOf(0.06));
        assertEquals(2, s.binOf(0.0599999));
        assertEquals(s.size() - 1, s.binOf(BOX.kNyquist()));
        assertEquals(s.p()[5], s.at(0.105));
        assertThrows(IllegalArgumentException.class, () -> s.binOf(-0.01));
        assertThrows(IllegalArgumentException.class, () -> s.binOf(s.size() * 0.02 + 0.001));
        assertThrows(IllegalArgumentException.class, () -> s.binOf(Double.NaN));

        PowerSpectrum ps = new PowerSpectrum(BOX, 0.02, 1);
        assertThrows(IllegalArgumentException.class, () -> new PowerSpectrum(BOX, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ps.auto(ScalarField.zeros(new Box(100, 8))));
        assertThrows(IllegalArgumentException.class, () -> ps.auto(ScalarField.zeros(new Box(101, 16))));
        assertThrows(IllegalArgumentException.class, () -> ps.autoFromSpectrum(new float[10]));
    }
}
