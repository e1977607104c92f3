package org.d3m.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sub-ranges and quiet sub-tasks keep their parent's cancellation. */
class ProgressTest {

    static final class Recording implements Progress {
        final List<Double> fractions = new ArrayList<>();
        boolean stop;

        @Override
        public void report(double fraction, String message) {
            fractions.add(fraction);
        }

        @Override
        public boolean cancelled() {
            return stop;
        }
    }

    @Test
    void quietReportsNothingButFollowsCancellation() {
        Recording parent = new Recording();
        Progress q = parent.quiet();
        q.report(0.5, "inner step");
        assertEquals(List.of(), parent.fractions);
        assertFalse(q.cancelled());
        parent.stop = true;
        assertTrue(q.cancelled());
        assertThrows(Progress.CancelledException.class, q::checkCancelled);
    }

    @Test
    void subMapsItsRangeAndFollowsCancellation() {
        Recording parent = new Recording();
        Progress s = parent.sub(0.5, 1.0);
        s.report(0.5, "half");
        assertEquals(List.of(0.75), parent.fractions);
        parent.stop = true;
        assertTrue(s.quiet().cancelled());
    }
}
