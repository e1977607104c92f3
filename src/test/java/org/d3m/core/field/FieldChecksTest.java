package org.d3m.core.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Finite values and displacements inside the box. */
class FieldChecksTest {

    private static final Box BOX = new Box(64, 4);

    @Test
    void nonFiniteValuesAreNamedByComponentAndIndex() {
        VectorField v = VectorField.zeros(BOX);
        v.y()[17] = Float.NaN;
        assertEquals("a.npy has a non-finite value (component 1, index 17)",
                assertThrows(IllegalArgumentException.class, () -> FieldChecks.requireFinite(v, "a.npy")).getMessage());
        ScalarField f = ScalarField.zeros(BOX);
        f.data()[3] = Float.NEGATIVE_INFINITY;
        assertEquals("d.npy has a non-finite value (index 3)",
                assertThrows(IllegalArgumentException.class, () -> FieldChecks.requireFinite(f, "d.npy")).getMessage());
    }

    @Test
    void displacementsLargerThanTheBoxAreRefused() {
        VectorField v = VectorField.zeros(BOX);
        v.x()[5] = 40;
        v.y()[5] = 40;
        v.z()[5] = 30; // |Psi| = sqrt(4100) ~ 64.03 > 64 although every component is below L
        assertEquals("p.npy has a displacement |Psi| = 64.03 Mpc/h (index 5) larger than the box (64 Mpc/h): wrong units or box_size?",
                assertThrows(IllegalArgumentException.class, () -> FieldChecks.requireDisplacement(v, "p.npy")).getMessage());
        v.z()[5] = 20;
        assertSame(v, FieldChecks.requireDisplacement(v, "p.npy"));
        v.z()[6] = Float.POSITIVE_INFINITY;
        assertEquals("p.npy has a non-finite value (component 2, index 6)",
                assertThrows(IllegalArgumentException.class, () -> FieldChecks.requireDisplacement(v, "p.npy")).getMessage());
    }
}
