package org.d3m.core.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CosmologyTest {

    @Test
    void planck15HasThePapersNumbers() {
        Cosmology c = Cosmology.planck15();
        assertEquals(2.142e-9, c.aS());
        assertEquals(0.9667, c.nS());
        assertEquals(0.6774, c.h());
        assertEquals(0.3089, c.omegaM());
        assertEquals(0.0486, c.omegaB());
    }

    @Test
    void withersChangeOnlyTheirParameter() {
        Cosmology c = Cosmology.planck15().withAs(1.8 * 2.142e-9).withOmegaM(0.5);
        assertEquals(1.8 * 2.142e-9, c.aS());
        assertEquals(0.5, c.omegaM());
        assertEquals(0.0486, c.omegaB());
        assertEquals(0.6774, c.h());
        assertEquals(0.9667, c.nS());
    }

    private static void assertRejected(String key, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(key + " "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void badParametersAreRejectedNamingTheKey() {
        assertRejected("a_s", () -> new Cosmology(0, 0.96, 0.7, 0.3, 0.05));
        assertRejected("a_s", () -> new Cosmology(Double.NaN, 0.96, 0.7, 0.3, 0.05));
        assertRejected("n_s", () -> new Cosmology(2e-9, Double.POSITIVE_INFINITY, 0.7, 0.3, 0.05));
        assertRejected("h", () -> new Cosmology(2e-9, 0.96, -0.7, 0.3, 0.05));
        assertRejected("omega_m", () -> new Cosmology(2e-9, 0.96, 0.7, 0, 0.0));
        assertRejected("omega_m", () -> new Cosmology(2e-9, 0.96, 0.7, 1.2, 0.05));
        assertRejected("omega_b", () -> new Cosmology(2e-9, 0.96, 0.7, 0.3, 0.3));
        assertRejected("omega_b", () -> new Cosmology(2e-9, 0.96, 0.7, 0.3, -0.01));
        assertRejected("omega_b", () -> Cosmology.planck15().withOmegaM(0.04)); // Omega_b = 0.0486 > Omega_m
    }
}
