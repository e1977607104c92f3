package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

class ParticlesTest {

    @Test
    void latticePlusDisplacementWrappedIntoBox() {
        Box box = new Box(8, 4); // cell 2 Mpc/h
        VectorField psi = VectorField.zeros(box);
        int i = box.index(1, 2, 3);
        psi.c()[0][i] = -3f;   // q_x = 2 -> -1 -> 7
        psi.c()[1][i] = 0.5f;  // q_y = 4 -> 4.5
        psi.c()[2][i] = 7f;    // q_z = 6 -> 13 -> 5
        double[][] x = Particles.positions(psi);
        assertEquals(7, x[0][i], 0);
        assertEquals(4.5, x[1][i], 0);
        assertEquals(5, x[2][i], 0);
        int j = box.index(3, 0, 1); // undisplaced: the lattice point
        assertEquals(6, x[0][j], 0);
        assertEquals(0, x[1][j], 0);
        assertEquals(2, x[2][j], 0);
        assertEquals(box.cells(), x[0].length);
    }

    @Test
    void wrapNeverReturnsTheBoxSize() {
        assertEquals(0, Particles.wrap(-1e-18, 8), 0);
        assertEquals(0, Particles.wrap(8, 8), 0);
        assertEquals(7.5, Particles.wrap(-0.5, 8), 0);
    }
}
