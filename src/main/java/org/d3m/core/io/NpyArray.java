package org.d3m.core.io;

import java.util.Arrays;

/**
 * An array read from a {@code .npy} file: its shape (C order, last axis fastest) and its values
 * converted to float.
 */
public record NpyArray(int[] shape, float[] data) {

    public NpyArray {
        long count = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative npy dimension in " + Arrays.toString(shape));
            }
            count *= s;
        }
        if (count != data.length) {
            throw new IllegalArgumentException("npy shape " + Arrays.toString(shape) + " needs " + count
                    + " values, got " + data.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape);
    }
}
