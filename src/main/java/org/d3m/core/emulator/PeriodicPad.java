package org.d3m.core.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * Periodic (circular) padding of the three spatial axes of an (N, C, D, H, W) array, built by
 * concatenating slices so that autograd flows through it ({@code NDArray.pad} only pads with
 * constants). The result lives in the manager of {@code x}.
 */
public final class PeriodicPad {

    private PeriodicPad() {
    }

    /**
     * Pads every spatial axis periodically: {@code lo} voxels copied from the high end before index 0
     * and {@code hi} voxels copied from the low end after index n-1.
     *
     * @param x  5D array (N, C, D, H, W)
     * @param lo voxels prepended per axis, 0 &lt;= lo &lt;= n
     * @param hi voxels appended per axis, 0 &lt;= hi &lt;= n
     */
    public static NDArray pad(NDArray x, int lo, int hi) {
        if (x.getShape().dimension() != 5) {
            throw new IllegalArgumentException("periodic pad needs a 5D (N, C, D, H, W) array, got " + x.getShape());
        }
        NDArray cur = x;
        for (int axis = 2; axis < 5; axis++) {
            NDArray next = padAxis(cur, axis, lo, hi);
            if (cur != x) {
                cur.close();
            }
            cur = next;
        }
        return cur;
    }

    /** Pads one axis periodically (see {@link #pad}). */
    static NDArray padAxis(NDArray x, int axis, int lo, int hi) {
        long n = x.getShape().get(axis);
        if (lo < 0 || hi < 0 || lo > n || hi > n) {
            throw new IllegalArgumentException("periodic pad " + lo + "/" + hi + " does not fit axis of " + n);
        }
        NDList parts = new NDList(3);
        if (lo > 0) {
            parts.add(x.get(slice(axis, n - lo, n)));
        }
        parts.add(x);
        if (hi > 0) {
            parts.add(x.get(slice(axis, 0, hi)));
        }
        NDArray out = NDArrays.concat(parts, axis);
        for (NDArray p : parts) {
            if (p != x) {
                p.close();
            }
        }
        return out;
    }

    /** An index selecting [from, to) along {@code axis} and everything along the other axes. */
    static NDIndex slice(int axis, long from, long to) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < axis; a++) {
            sb.append(":,");
        }
        sb.append(from).append(':').append(to);
        return new NDIndex(sb.toString());
    }
}
