package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.junit.jupiter.api.Test;

class PointwiseErrorTest {

    private static void set(VectorField f, int i, double x, double y, double z) {
        f.c()[0][i] = (float) x;
        f.c()[1][i] = (float) y;
        f.c()[2][i] = (float) z;
    }

    /** Eight particles with hand-computed errors, one boundary crossing and one zero displacement. */
    @Test
    void exactNumbersWithWrapAndZeroTruth() {
        Box box = new Box(10, 2);
        VectorField t = VectorField.zeros(box);
        VectorField p = VectorField.zeros(box);
        set(t, 0, 3, 4, 0);     set(p, 0, 3, 4, 0);       // e = 0
        set(t, 1, 1, 0, 0);     set(p, 1, 1.5, 0, 0);     // |d| = 0.5, e = 0.5
        set(t, 2, 0, 2, 0);     set(p, 2, 0, 2, 1);       // |d| = 1, e = 0.5
        set(t, 3, 0, 0, 0);     set(p, 3, 0, 0, 1);       // |Psi_true| = 0: skipped, |d| = 1
        set(t, 4, 4.75, 0, 0);  set(p, 4, -4.75, 0, 0);   // raw -9.5 wraps to 0.5: e = 0.5/4.75
        set(t, 5, 2, 0, 0);     set(p, 5, 2, 0, 0.5);     // |d| = 0.5, e = 0.25
        set(t, 6, 2, 0, 0);     set(p, 6, 2, 0, 0);
        set(t, 7, 0, 0, 2);     set(p, 7, 0, 0, 2);
        PointwiseError e = PointwiseError.of(p, t, 2);
        double e4 = 0.5 / 4.75;
        assertEquals(7, e.count());
        assertEquals(1, e.skipped());
        assertEquals((0.5 + 0.5 + e4 + 0.25) / 7, e.mean(), 1e-15);
        assertEquals(e4, e.median(), 1e-15); // sorted: 0 0 0 e4 0.25 0.5 0.5
        assertEquals(0.5, e.max(), 1e-15);
        assertEquals((0.5 + 1 + 1 + 0.5 + 0.5) / (5 + 1 + 2 + 4.75 + 2 + 2 + 2), e.ratio(), 1e-15);
    }

    @Test
    void evenCountMedianAndIdenticalFields() {
        Box box = new Box(10, 2);
        VectorField t = VectorField.zeros(box);
        VectorField p = VectorField.zeros(box);
        for (int i = 0; i < 8; i++) {
            set(t, i, 1, 0, 0);
            set(p, i, 1 + 0.125 * i, 0, 0); // e = i/8
        }
        PointwiseError e = PointwiseError.of(p, t, 1);
        assertEquals(0.5 * (3 + 4) / 8, e.median(), 0);
        assertEquals(3.5 / 8, e.mean(), 1e-15);
        assertEquals(7.0 / 8, e.max(), 0);
        PointwiseError same = PointwiseError.of(t, t, 1);
        assertEquals(0, same.mean());
        assertEquals(0, same.max());
        assertEquals(0, same.ratio());
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        Box box = new Box(100, 16);
        VectorField t = VectorField.zeros(box);
        VectorField p = VectorField.zeros(box);
        Random r = new Random(2);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < box.cells(); i++) {
                t.c()[a][i] = (float) (10 * r.nextGaussian());
                p.c()[a][i] = (float) (t.c()[a][i] + r.nextGaussian());
            }
        }
        PointwiseError one = PointwiseError.of(p, t, 1);
        PointwiseError three = PointwiseError.of(p, t, 3);
        assertEquals(one, three);
    }

    @Test
    void rejectsMismatchAndAllZeroTruth() {
        VectorField a = VectorField.zeros(new Box(10, 2));
        assertThrows(IllegalArgumentException.class, () -> PointwiseError.of(a, VectorField.zeros(new Box(10, 4)), 1));
        assertThrows(IllegalArgumentException.class, () -> PointwiseError.of(a, a, 1));
    }
}
