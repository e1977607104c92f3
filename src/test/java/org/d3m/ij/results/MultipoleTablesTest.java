package org.d3m.ij.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.d3m.core.analysis.Multipoles;
import org.junit.jupiter.api.Test;

/** The 3PCF plot shows zeta_l / zeta_0 for l >= 1, each l in its own colour. */
class MultipoleTablesTest {

    private static Multipoles sample(int lmax) {
        double[][][] z = new double[lmax + 1][2][2];
        for (int l = 0; l <= lmax; l++) {
            for (int b1 = 0; b1 < 2; b1++) {
                for (int b2 = 0; b2 < 2; b2++) {
                    z[l][b1][b2] = l == 0 ? 1000 * (b1 + 1) : (l % 2 == 0 ? 1 : -1) * l * (b1 + 1);
                }
            }
        }
        z[0][1][1] = 0; // an empty bin
        return new Multipoles(lmax, new double[] {0, 5, 10}, z);
    }

    @Test
    void plotsRatiosToZetaZero() {
        Map<String, double[]> s = MultipoleTables.ratios(sample(8));
        assertEquals(List.of("l=1", "l=2", "l=3", "l=4", "l=5", "l=6", "l=7", "l=8"), List.copyOf(s.keySet()));
        assertEquals(-3 / 1000.0, s.get("l=3")[0], 1e-15);
        assertEquals(8 / 1000.0, s.get("l=8")[0], 1e-15);
        assertTrue(Double.isNaN(s.get("l=2")[1]), "zeta_0 = 0 gives a gap, not infinity");
        MultipoleTables.plot(sample(8), "t"); // renders headless
    }

    @Test
    void lmaxZeroPlotsZetaZero() {
        Map<String, double[]> s = MultipoleTables.ratios(sample(0));
        assertEquals(List.of("l=0"), List.copyOf(s.keySet()));
        assertEquals(1000, s.get("l=0")[0]);
    }

    @Test
    void tenMultipolesHaveTenColours() {
        Set<java.awt.Color> seen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            seen.add(Plots.color(i));
        }
        assertEquals(10, seen.size());
        assertNotEquals(Plots.color(0), Plots.color(8), "l = 1 and l = 9 (series 0 and 8) differ");
    }
}
