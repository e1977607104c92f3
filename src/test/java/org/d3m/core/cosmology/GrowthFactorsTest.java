package org.d3m.core.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrowthFactorsTest {

    /** SPEC.md check values at a = 1 (D1 normalised to a at early times), to 1e-3 relative. */
    @Test
    void specCheckValuesAtAEqualsOne() {
        double[][] rows = {
            {0.3089, 0.7843, 0.5213, -0.43218, 1.0573},
            {0.1, 0.5909, 0.2731, -0.43545, 0.5627},
            {0.5, 0.8725, 0.6827, -0.43069, 1.3762}
        };
        for (double[] r : rows) {
            checkValues(r[0], r[1], r[2], r[3], r[4]);
        }
    }

    private static void checkValues(double om, double d1, double f1, double d2OverD1sq, double f2) {
        GrowthFactors g = GrowthFactors.of(om);
        assertEquals(d1, g.d1EarlyNorm(1), 1e-3 * d1);
        assertEquals(f1, g.f1(1), 1e-3 * f1);
        assertEquals(d2OverD1sq, g.d2(1) / (g.d1(1) * g.d1(1)), 1e-3 * Math.abs(d2OverD1sq));
        assertEquals(f2, g.f2(1), 1e-3 * f2);
        assertEquals(1.0, g.d1(1), 1e-14);
        assertTrue(g.d2(0.5) < 0, "D2 is negative");
    }

    @Test
    void einsteinDeSitterIsExact() {
        GrowthFactors g = GrowthFactors.of(1.0);
        for (double a : new double[] {1e-3, 0.01, 0.1, 0.37, 1}) {
            assertEquals(a, g.d1(a), 1e-9 * a);
            assertEquals(a, g.d1EarlyNorm(a), 1e-9 * a);
            assertEquals(-3.0 / 7.0 * a * a, g.d2(a), 1e-9 * a * a);
            assertEquals(1.0, g.f1(a), 1e-9);
            assertEquals(2.0, g.f2(a), 1e-9);
            assertEquals(1.0, g.dd1da(a), 1e-9);
        }
    }

    /**
     * Independent check: in flat LCDM without radiation the growing mode is
     * D1(a) = 5/2 Om E(a) int_0^a da' / (a' E(a'))^3 (normalised to a early).
     */
    @Test
    void d1MatchesTheHeathIntegral() {
        double om = 0.3089;
        GrowthFactors g = GrowthFactors.of(om);
        Background b = new Background(om);
        for (double a : new double[] {0.05, 0.3, 1.0}) {
            // integrand 1/(a E)^3 = a^(3/2) / (Om + (1-Om) a^3)^(3/2); substitute a = u^2 for smoothness
            int n = 20000;
            double u1 = Math.sqrt(a);
            double du = u1 / n;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double u = i * du;
                double ap = u * u;
                double f = 2 * u * Math.pow(ap, 1.5) / Math.pow(om + (1 - om) * ap * ap * ap, 1.5);
                sum += f * ((i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2));
            }
            double integral = sum * du / 3;
            double heath = 2.5 * om * b.e(a) * integral;
            assertEquals(heath, g.d1EarlyNorm(a), 1e-8 * heath);
        }
    }

    @Test
    void derivativesMatchNumericalDerivatives() {
        GrowthFactors g = GrowthFactors.of(0.3089);
        for (double a : new double[] {0.1, 0.2154, 0.5, 0.9}) {
            double eps = 1e-5 * a;
            double dd1 = (g.d1(a + eps) - g.d1(a - eps)) / (2 * eps);
            assertEquals(dd1, g.dd1da(a), 1e-7 * Math.abs(dd1));
            double dgf = (g.gf(a + eps) - g.gf(a - eps)) / (2 * eps);
            assertEquals(dgf, g.gfPrime(a), 1e-6 * Math.abs(dgf), "g_f = dG_f/da at a=" + a);
            double f1 = a * (Math.log(g.d1(a + eps)) - Math.log(g.d1(a - eps))) / (2 * eps);
            assertEquals(f1, g.f1(a), 1e-7);
            double f2 = a * (Math.log(-g.d2(a + eps)) - Math.log(-g.d2(a - eps))) / (2 * eps);
            assertEquals(f2, g.f2(a), 1e-7);
            Background b = new Background(0.3089);
            assertEquals(a * a * a * b.e(a) * g.dd1da(a), g.gf(a), 1e-14);
        }
    }

    @Test
    void d2IsCloseToTheBouchetApproximation() {
        GrowthFactors g = GrowthFactors.of(0.3089);
        Background b = new Background(0.3089);
        for (double a : new double[] {0.1, 0.5, 1}) {
            double approx = -3.0 / 7.0 * Math.pow(b.omegaM(a), -1.0 / 143) * g.d1(a) * g.d1(a);
            assertEquals(approx, g.d2(a), 2e-3 * Math.abs(approx));
        }
    }

    @Test
    void cachedAndRangeChecked() {
        assertSame(GrowthFactors.of(0.3089), GrowthFactors.of(0.3089));
        GrowthFactors g = GrowthFactors.of(0.3089);
        assertTrue(g.aMin() <= 1e-3 && g.aMax() >= 1);
        assertThrows(IllegalArgumentException.class, () -> g.d1(0));
        assertThrows(IllegalArgumentException.class, () -> g.d1(5));
        assertThrows(IllegalArgumentException.class, () -> g.f2(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> GrowthFactors.of(0));
        // interpolation between nodes is smooth: D1 at 1e-3 is 1e-3 times the early normalisation
        assertEquals(1e-3, g.d1EarlyNorm(1e-3), 1e-9);
    }
}
