package org.d3m.core.ic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.VectorField;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.junit.jupiter.api.Test;

/** The linear density behind a ZA field, and 2LPT computed from ZA alone (what the emulator does). */
class LptFromZaTest {

    @Test
    void densityFromZaInvertsZa() {
        Box box = new Box(64, 16);
        Lpt lpt = new Lpt(box, 2, LptKernel.FASTPM);
        SimulationSetup s = new SimulationSetup(box, Cosmology.planck15(), null, Double.NaN, 7, 2);
        Realization r = new Realization(s);
        float[] back = lpt.deltaKFromPsi1(r.psi1());
        // the round trip ZA -> delta -> ZA is exact up to float rounding
        VectorField again = lpt.psi1(back);
        assertTrue(relativeRms(again, r.psi1()) < 1e-6, "ZA from the recovered density");
        // and the density itself, except on the modes FastPM's derivative cannot see (all K_a = 0)
        float[] d = new Fft(16, 2).inverse(back);
        float[] want = r.linearDensity().data();
        double err = 0;
        double norm = 0;
        for (int i = 0; i < d.length; i++) {
            err += (d[i] - want[i]) * (d[i] - want[i]);
            norm += want[i] * want[i];
        }
        assertTrue(Math.sqrt(err / norm) < 0.02, "the density, but for its 7 corner modes: " + Math.sqrt(err / norm));
    }

    @Test
    void secondOrderFromZaEqualsTwoLptFromTheLinearField() {
        Box box = new Box(128, 32);
        for (double[] omz : new double[][] {{0.3089, 0}, {0.15, 1.0}, {0.5, 0.4}}) {
            Cosmology c = Cosmology.planck15().withOmegaM(omz[0]);
            double a = 1 / (1 + omz[1]);
            Realization r = new Realization(new SimulationSetup(box, c, null, Double.NaN, 11, 2));
            VectorField za = r.lpt(1, a);
            VectorField want = r.lpt(2, a);
            GrowthFactors g = GrowthFactors.of(omz[0]);
            double ratio = LptKernel.FASTPM.secondOrderGrowth(g, a) / (g.d1(a) * g.d1(a));
            VectorField got = new Lpt(box, 2, LptKernel.FASTPM).secondOrderFromZa(za, ratio);
            double diff = relativeRms(sub(got, za), sub(want, za));
            assertTrue(diff < 1e-4, "second-order term from ZA vs from delta at " + omz[0] + ", z=" + omz[1] + ": " + diff);
            assertTrue(relativeRms(got, want) < 1e-6);
        }
    }

    @Test
    void secondOrderFromAPlaneWaveIsZero() {
        // a single plane wave has no second-order source: 2LPT = ZA
        Box box = new Box(32, 16);
        float[][] c = new float[3][box.cells()];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                for (int k = 0; k < 16; k++) {
                    c[0][box.index(i, j, k)] = (float) (0.5 * Math.sin(2 * Math.PI * i / 16));
                }
            }
        }
        VectorField za = new VectorField(box, c);
        VectorField got = new Lpt(box, 1, LptKernel.FASTPM).secondOrderFromZa(za, -0.4);
        assertTrue(relativeRms(got, za) < 1e-6);
        assertEquals(0, got.c()[1][5], 1e-7);
    }

    static VectorField sub(VectorField a, VectorField b) {
        float[][] c = new float[3][a.box().cells()];
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < c[d].length; i++) {
                c[d][i] = a.c()[d][i] - b.c()[d][i];
            }
        }
        return new VectorField(a.box(), c);
    }

    static double relativeRms(VectorField a, VectorField b) {
        double e = 0;
        double n = 0;
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < a.c()[d].length; i++) {
                double x = a.c()[d][i] - b.c()[d][i];
                e += x * x;
                n += (double) b.c()[d][i] * b.c()[d][i];
            }
        }
        return Math.sqrt(e / n);
    }
}
