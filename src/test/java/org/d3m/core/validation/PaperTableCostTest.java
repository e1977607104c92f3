package org.d3m.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.d3m.core.analysis.ThreePointEstimator;
import org.junit.jupiter.api.Test;

class PaperTableCostTest {

    @Test
    void reproducesTheMeasuredFullRunWithThePairCount() {
        // the full run of 2026-12-01 (docs/validation.md): 500 runs at 0.73 s, 50 with the 3PCF at 38.2 s: 2278 s measured
        double s = PaperTableCost.seconds(32, 128, 10, 2, 5, 100, 10, ThreePointEstimator.PARTICLES, 4);
        assertEquals(2278, s, 0.05 * 2278);
    }

    @Test
    void theDefaultsWithTheMeshEstimatorTakeAboutTenMinutes() {
        double s = PaperTableCost.seconds(32, 128, 10, 2, 5, 100, 10, ThreePointEstimator.MESH, 4);
        assertEquals(10 + 500 * 0.73 + 50 * 4 * 1.0, s, 1e-9);
        assertEquals("about 10 min", PaperTableCost.describe(s));
    }

    @Test
    void scalesWithWhatTheUserAsksFor() {
        double base = PaperTableCost.seconds(32, 128, 10, 2, 1, 4, 0, ThreePointEstimator.MESH, 4);
        assertEquals(10 + 4 * 0.73, base, 1e-9);
        assertTrue(PaperTableCost.seconds(32, 128, 10, 2, 1, 8, 0, ThreePointEstimator.MESH, 4) > base, "more seeds");
        assertTrue(PaperTableCost.seconds(32, 128, 20, 2, 1, 4, 0, ThreePointEstimator.MESH, 4) > base, "more steps");
        assertTrue(PaperTableCost.seconds(32, 128, 10, 2, 1, 4, 0, ThreePointEstimator.MESH, 1) < base, "fewer symmetries");
        assertEquals(10 + 8 * (base - 10), PaperTableCost.seconds(64, 128, 10, 2, 1, 4, 0, ThreePointEstimator.MESH, 4), 1e-9,
                "8 times the particles");
        assertEquals(base + 2 * 4 * 1.0, PaperTableCost.seconds(32, 128, 10, 2, 1, 4, 2, ThreePointEstimator.MESH, 4), 1e-9,
                "four mesh 3PCF fields per 3PCF run");
        assertEquals(base + 4 * 4 * 1.0, PaperTableCost.seconds(32, 128, 10, 2, 1, 4, 99, ThreePointEstimator.MESH, 4), 1e-9,
                "the 3PCF on at most every seed");
    }

    @Test
    void describesInUnitsAPersonReads() {
        assertEquals("about 40 s", PaperTableCost.describe(40));
        assertEquals("about 3 min", PaperTableCost.describe(180));
        assertEquals("about 2.5 h", PaperTableCost.describe(9000));
    }
}
