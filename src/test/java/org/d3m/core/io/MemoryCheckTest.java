package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryCheckTest {

    @Test
    void sizesAndLimits() {
        assertEquals(3L * 512 * 512 * 512 * 4, MemoryCheck.floatArrays(3, 512L * 512 * 512));
        assertThrows(IllegalArgumentException.class, () -> MemoryCheck.floatArrays(Long.MAX_VALUE / 2, 3));
        assertThrows(IllegalArgumentException.class, () -> MemoryCheck.floatArrays(-1, 3));
        MemoryCheck.require(1 << 20, "a small array");
        long max = Runtime.getRuntime().maxMemory();
        org.junit.jupiter.api.Assumptions.assumeTrue(max != Long.MAX_VALUE, "no heap limit: nothing to check");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryCheck.require(max, "a 4096^3 field"));
        assertTrue(e.getMessage().startsWith("a 4096^3 field needs ~"), e.getMessage());
        assertTrue(e.getMessage().contains("JVM max heap is " + (max + (1 << 20) - 1) / (1 << 20) + " MB"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
    }
}
