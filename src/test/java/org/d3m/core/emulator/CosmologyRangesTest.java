package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.d3m.core.cosmology.Cosmology;
import org.junit.jupiter.api.Test;

/** The per-sample draws of make-dataset's cosmology ranges. */
class CosmologyRangesTest {

    static final CosmologyRanges WIDE = new CosmologyRanges(new double[] {0.1, 0.5}, new double[] {4e-10, 4e-9},
            new double[] {0, 2});

    @Test
    void haltonPointsFillTheBoxEvenly() {
        assertEquals(0.5, CosmologyRanges.halton(1, 2), 0);
        assertEquals(1.0 / 3, CosmologyRanges.halton(1, 3), 1e-15);
        assertEquals(0.25, CosmologyRanges.halton(2, 2), 0);
        assertEquals(0.2, CosmologyRanges.halton(1, 5), 1e-15);
        int n = 1000;
        int[] octants = new int[8];
        for (int i = 0; i < n; i++) {
            CosmologyRanges.Point p = WIDE.point(i);
            assertTrue(p.omegaM() >= 0.1 && p.omegaM() < 0.5);
            assertTrue(p.aS() >= 4e-10 && p.aS() < 4e-9);
            assertTrue(p.redshift() >= 0 && p.redshift() < 2);
            int o = (p.omegaM() > 0.3 ? 1 : 0) + (p.aS() > Math.sqrt(4e-10 * 4e-9) ? 2 : 0) + (p.redshift() > 1 ? 4 : 0);
            octants[o]++;
        }
        for (int c : octants) {
            // low discrepancy: each octant within a few points of n/8 (random draws would scatter by ~11)
            assertEquals(n / 8.0, c, 4, java.util.Arrays.toString(octants));
        }
    }

    @Test
    void aPointDependsOnlyOnTheSampleNumber() {
        assertEquals(WIDE.point(1234), WIDE.point(1234));
        CosmologyRanges.Point p = WIDE.point(0);
        assertEquals(0.3, p.omegaM(), 1e-12);
        assertEquals(Math.exp(Math.log(4e-10) + Math.log(10) / 3), p.aS(), 1e-20);
        assertEquals(0.4, p.redshift(), 1e-12);
        assertEquals(1 / 1.4, p.a(), 1e-12);
        assertEquals(0.3, p.cosmology(Cosmology.planck15()).omegaM(), 1e-12);
    }

    @Test
    void fixedRangesGiveTheBaseCosmology() {
        CosmologyRanges f = CosmologyRanges.fixed(Cosmology.planck15(), 0.5);
        assertTrue(f.isFixed());
        assertEquals(new CosmologyRanges.Point(0.3089, 2.142e-9, 0.5), f.point(77));
    }

    @Test
    void keysParseAndBadValuesGetOneLine() {
        assertEquals(0.2, CosmologyRanges.parse("omega_m_range", "0.2", 0.3)[1], 0);
        assertEquals(0.3, CosmologyRanges.parse("omega_m_range", "", 0.3)[0], 0);
        assertEquals(0.5, CosmologyRanges.parse("omega_m_range", " 0.1 , 0.5", 0.3)[1], 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CosmologyRanges.parse("a_s_range", "1e-9;2e-9", 0));
        assertTrue(e.getMessage().startsWith("a_s_range must be"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CosmologyRanges(new double[] {0.5, 0.1},
                new double[] {1e-9, 1e-9}, new double[] {0, 0}));
        assertTrue(e.getMessage().startsWith("omega_m_range"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CosmologyRanges(new double[] {0.1, 1.5},
                new double[] {1e-9, 1e-9}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new CosmologyRanges(new double[] {0.1, 0.5},
                new double[] {0, 1e-9}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new CosmologyRanges(new double[] {0.1, 0.5},
                new double[] {1e-9, 1e-9}, new double[] {-1, 0}));
    }
}
