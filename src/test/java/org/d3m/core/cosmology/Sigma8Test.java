package org.d3m.core.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Sigma8Test {

    /** A spectrum given by a lambda, for analytic checks. */
    private static LinearPower spectrum(java.util.function.DoubleUnaryOperator p) {
        return new LinearPower() {
            @Override
            public double at(double k) {
                return p.applyAsDouble(k);
            }

            @Override
            public String describe() {
                return "test";
            }
        };
    }

    @Test
    void powerLawMinusTwoHasTheClosedForm() {
        // P = k^-2: sigma^2(R) = (1/(2 pi^2 R)) int_0^inf W(x)^2 dx = (1/(2 pi^2 R)) 3 pi/5
        LinearPower p = spectrum(k -> 1 / (k * k));
        for (double r : new double[] {4, 8, 20}) {
            double exact = Math.sqrt(3 * Math.PI / 5 / (2 * Math.PI * Math.PI * r));
            assertEquals(exact, Sigma8.sigmaR(p, r), 1e-4 * exact, "R=" + r);
        }
    }

    @Test
    void largeScaleSpectrumGivesItsTotalVariance() {
        // Delta^2(k) = k^3 P / (2 pi^2) a unit-area Gaussian in ln k around k = 1e-3 h/Mpc: W ~ 1, sigma -> 1
        double s = 0.4;
        LinearPower p = spectrum(k -> {
            double x = Math.log(k / 1e-3);
            return 2 * Math.PI * Math.PI / (k * k * k) * Math.exp(-x * x / (2 * s * s)) / (Math.sqrt(2 * Math.PI) * s);
        });
        assertEquals(1.0, Sigma8.of(p), 1e-5);
    }

    @Test
    void rescaledToSigma8GivesTheRequestedValue() {
        LinearPower eh = new EisensteinHu(Cosmology.planck15());
        double own = eh.sigma8();
        LinearPower r = eh.rescaledToSigma8(0.8159);
        assertEquals(0.8159, r.sigma8(), 1e-10);
        assertEquals(eh.at(0.1) * Math.pow(0.8159 / own, 2), r.at(0.1), 1e-12 * eh.at(0.1));
        assertTrue(r.describe().startsWith("Eisenstein-Hu 1998") && r.describe().contains("sigma8=0.8159"), r.describe());
        assertThrows(IllegalArgumentException.class, () -> eh.rescaledToSigma8(0));
        assertThrows(IllegalArgumentException.class, () -> eh.rescaledToSigma8(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Sigma8.sigmaR(eh, -1));
    }
}
