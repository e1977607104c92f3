package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.junit.jupiter.api.Test;

/** The conditioned emulator's units: amplitude, inputs, targets and their inverse. */
class ResidualFrameTest {

    static final Box PAPER = new Box(128, 32);

    static Realization paper(Cosmology c, long seed) {
        return new Realization(new SimulationSetup(PAPER, c, null, Double.NaN, seed, 2));
    }

    @Test
    void amplitudeIsOneForThePaperFieldAndScalesWithGrowth() {
        Realization r = paper(Cosmology.planck15(), 3);
        ResidualFrame today = ResidualFrame.of(r.lpt(1, 1), 0.3089, 0, 2);
        assertEquals(1, today.amplitude(), 0.05, "REF_DENSITY is the paper field's rms linear density");
        ResidualFrame z1 = ResidualFrame.of(r.lpt(1, 0.5), 0.3089, 1, 2);
        double growth = org.d3m.core.cosmology.GrowthFactors.of(0.3089).d1(0.5);
        assertEquals(growth, z1.amplitude() / today.amplitude(), 1e-5, "s follows D1(a)");
        assertEquals(ResidualFrame.REF_DISPLACEMENT * today.amplitude(), today.unit(), 1e-12);
        // the amplitude is a small-scale measure: seeds differ by a few per cent (ZA's rms by ~15%)
        for (long seed = 4; seed < 7; seed++) {
            assertEquals(today.amplitude(), ResidualFrame.of(paper(Cosmology.planck15(), seed).lpt(1, 1), 0.3089, 0, 2)
                    .amplitude(), 0.05 * today.amplitude());
        }
        assertArrayEquals(new float[] {(float) (0.0089 / 0.15), (float) Math.log(z1.amplitude()), 0.4f},
                z1.conditions(), 1e-6f);
    }

    @Test
    void targetAndDisplacementAreInverse() {
        Realization r = paper(Cosmology.planck15().withOmegaM(0.2), 8);
        double a = 1 / 1.5;
        VectorField za = r.lpt(1, a);
        ResidualFrame f = ResidualFrame.of(za, 0.2, 0.5, 2);
        VectorField truth = r.lpt(2, a);
        // the truth is 2LPT: the target is (nearly) zero, and a zero output gives back 2LPT
        for (float[] c : f.target(truth)) {
            for (float v : c) {
                assertEquals(0, v, 2e-3);
            }
        }
        VectorField back = f.displacement(new float[3][PAPER.cells()]);
        assertArrayEquals(f.lpt2().c()[1], back.c()[1], 0f);
        // an arbitrary field survives target -> displacement
        VectorField other = paper(Cosmology.planck15(), 9).lpt(2, 1);
        VectorField again = f.displacement(f.target(other));
        for (int d = 0; d < 3; d++) {
            assertArrayEquals(other.c()[d], again.c()[d], 2e-5f);
        }
    }

    @Test
    void inputsAreOfOrderOneFromLinearToNonLinearFields() {
        for (double[] c : new double[][] {{0.1, 0.2}, {0.3089, 1.0}, {0.5, 1.8}}) {
            Cosmology cos = Cosmology.planck15().withOmegaM(c[0]).withAs(c[1] * 2.142e-9);
            VectorField za = paper(cos, 5).lpt(1, 1);
            float[][] x = ResidualFrame.of(za, c[0], 0, 2).input();
            double first = rms(x, 0);
            double second = rms(x, 3);
            assertTrue(first > 0.4 && first < 2.5, "ZA / u at " + c[0] + ", " + c[1] + ": " + first);
            assertTrue(second > 0.02 && second < 2.5, "(2LPT - ZA) / (u s) at " + c[0] + ", " + c[1] + ": " + second);
        }
    }

    static double rms(float[][] x, int from) {
        double s = 0;
        long n = 0;
        for (int d = from; d < from + 3; d++) {
            for (float v : x[d]) {
                s += v * v;
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    @Test
    void sampleFrameUsesTheStoredTwoLptAndParams() {
        Realization r = paper(Cosmology.planck15().withOmegaM(0.4), 12);
        java.util.Map<String, Double> p = java.util.Map.of(Sample.OMEGA_M, 0.4, Sample.REDSHIFT, 0.0);
        Sample s = new Sample(r.lpt(1, 1), r.lpt(2, 1), r.lpt(2, 1), p);
        ResidualFrame f = ResidualFrame.of(s, 2);
        ResidualFrame g = ResidualFrame.of(r.lpt(1, 1), 0.4, 0, 2);
        assertEquals(g.amplitude(), f.amplitude(), 1e-12);
        assertArrayEquals(g.conditions(), f.conditions(), 0f);
        for (int d = 0; d < 3; d++) {
            assertArrayEquals(g.lpt2().c()[d], f.lpt2().c()[d], 1e-4f);
        }
    }
}
