package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransferStatsTest {

    private static final double[] K = {0.01, 0.03, 0.05, 0.07, 0.09, 0.11, 0.13};
    private static final double[] P = {0, 0, 2.5e4, 1.7e4, 9.1e3, 6.3e3, 3.3e3};

    @Test
    void fieldAgainstItselfIsExactlyOne() {
        TransferStats s = TransferStats.of(K, P, P, P);
        for (int i = 2; i < K.length; i++) {
            assertEquals(1.0, s.t()[i], 0);
            assertEquals(1.0, s.r()[i], 0);
            assertEquals(0.0, s.stochasticity()[i], 0);
        }
        assertTrue(Double.isNaN(s.t()[0]) && Double.isNaN(s.r()[1]) && Double.isNaN(s.stochasticity()[0]),
                "empty bins give NaN");
    }

    @Test
    void scaledFieldHasTransferScaleAndFullCorrelation() {
        double a = 1.37;
        double[] pred = new double[P.length];
        double[] cross = new double[P.length];
        for (int i = 0; i < P.length; i++) {
            pred[i] = a * a * P[i];
            cross[i] = a * P[i];
        }
        TransferStats s = TransferStats.of(K, pred, P, cross);
        for (int i = 2; i < K.length; i++) {
            assertEquals(a, s.t()[i], 1e-14);
            assertEquals(1, s.r()[i], 1e-14);
            assertEquals(0, s.stochasticity()[i], 1e-13);
        }
    }

    @Test
    void partialCorrelation() {
        // pred = true + independent noise of equal power: P_pred = 2P, P_cross = P, r = 1/sqrt 2
        double[] pred = new double[P.length];
        for (int i = 0; i < P.length; i++) {
            pred[i] = 2 * P[i];
        }
        TransferStats s = TransferStats.of(K, pred, P, P);
        assertEquals(Math.sqrt(2), s.t()[4], 1e-14);
        assertEquals(1 / Math.sqrt(2), s.r()[4], 1e-14);
        assertEquals(0.5, s.stochasticity()[4], 1e-14);
    }

    @Test
    void valueAtReadsTheContainingBin() {
        double[] arr = new double[30];
        for (int i = 0; i < arr.length; i++) {
            arr[i] = i;
        }
        assertEquals(5, TransferStats.valueAt(arr, 0.11, 0.02));
        assertEquals(25, TransferStats.valueAt(arr, 0.50, 0.02));
        assertEquals(5, TransferStats.valueAt(arr, 0.10, 0.02));
        assertEquals(0, TransferStats.valueAt(arr, 0.0, 0.02));
        assertEquals(29, TransferStats.valueAt(arr, 0.5999, 0.02));
        assertThrows(IllegalArgumentException.class, () -> TransferStats.valueAt(arr, 0.6, 0.02));
        assertThrows(IllegalArgumentException.class, () -> TransferStats.valueAt(arr, -0.1, 0.02));
        assertThrows(IllegalArgumentException.class, () -> TransferStats.valueAt(arr, 0.1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TransferStats.of(K, P, new double[2], P));
    }
}
