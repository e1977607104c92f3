package org.d3m.core.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void eIsOneTodayAndFollowsTheFlatLcdmFormula() {
        Background b = new Background(0.3089);
        assertEquals(1.0, b.e(1.0), 1e-15);
        double a = 0.25;
        assertEquals(Math.sqrt(0.3089 / (a * a * a) + 0.6911), b.e(a), 1e-13);
        assertEquals(Math.pow(0.5, -1.5), new Background(1.0).e(0.5), 1e-13);
    }

    @Test
    void omegaMOfAIsOmA3OverE2() {
        Background b = new Background(0.3089);
        for (double a : new double[] {1e-3, 0.1, 0.5, 1}) {
            assertEquals(0.3089 / (a * a * a) / (b.e(a) * b.e(a)), b.omegaM(a), 1e-13);
        }
        assertEquals(0.3089, b.omegaM(1), 1e-15);
    }

    @Test
    void dlnEdlnaMatchesTheNumericalDerivative() {
        Background b = new Background(0.3089);
        for (double a : new double[] {0.01, 0.3, 1}) {
            double eps = 1e-5;
            double num = (Math.log(b.e(a * Math.exp(eps))) - Math.log(b.e(a * Math.exp(-eps)))) / (2 * eps);
            assertEquals(num, b.dlnEdlna(a), 1e-9);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new Background(0));
        assertThrows(IllegalArgumentException.class, () -> new Background(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Background(0.3).e(0));
    }
}
