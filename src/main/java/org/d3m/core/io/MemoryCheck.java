package org.d3m.core.io;

/**
 * A cheap guard against OutOfMemoryError deep inside a long computation: callers state how many
 * bytes they are about to allocate and get a clear one-line error instead.
 *
 * <p><b>Rule.</b> {@code free = maxMemory - (totalMemory - freeMemory)} is the heap the JVM can
 * still hand out. A request fails when {@code bytes > 0.9 * free}, keeping 10% headroom for the
 * small allocations around it. Because "used" includes garbage not yet collected, a request that
 * fails this test triggers one {@code System.gc()} and is tested again before it is refused.
 * With no heap limit ({@code maxMemory == Long.MAX_VALUE}) nothing is checked.
 */
public final class MemoryCheck {

    private static final double HEADROOM = 0.9;
    private static final long MB = 1024L * 1024L;

    private MemoryCheck() {
    }

    /**
     * Throws IllegalArgumentException when {@code bytes} cannot be allocated on the heap.
     *
     * @param bytes planned allocation [bytes], &gt;= 0
     * @param what  what needs it, for the message (e.g. "a 512^3 displacement field")
     */
    public static void require(long bytes, String what) {
        if (bytes < 0) {
            throw new IllegalArgumentException(what + " needs a negative number of bytes: " + bytes);
        }
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        if (max == Long.MAX_VALUE || bytes <= HEADROOM * free(rt)) {
            return;
        }
        System.gc();
        long free = free(rt);
        if (bytes <= HEADROOM * free) {
            return;
        }
        if (bytes > HEADROOM * max) {
            throw new IllegalArgumentException(what + " needs ~" + mb(bytes) + " MB but the JVM max heap is "
                    + mb(max) + " MB (use -Xmx or a smaller grid)");
        }
        throw new IllegalArgumentException(what + " needs ~" + mb(bytes) + " MB but only ~" + mb(free)
                + " MB of the JVM max heap of " + mb(max) + " MB is free (close other images, use -Xmx or a smaller grid)");
    }

    /** Bytes of {@code count} float arrays of {@code length} each; IllegalArgumentException on overflow. */
    public static long floatArrays(long count, long length) {
        if (count < 0 || length < 0) {
            throw new IllegalArgumentException("negative array size: " + count + " x " + length);
        }
        try {
            return Math.multiplyExact(Math.multiplyExact(count, length), (long) Float.BYTES);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("array size " + count + " x " + length + " floats overflows a long");
        }
    }

    private static long free(Runtime rt) {
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    private static long mb(long bytes) {
        return (bytes + MB - 1) / MB;
    }
}
