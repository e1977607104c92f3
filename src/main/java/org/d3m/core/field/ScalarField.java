package org.d3m.core.field;

/**
 * A real scalar field (for example the density contrast delta, dimensionless) on a {@link Box};
 * {@code data} is in the box's C order (z fastest). The array is shared, not copied.
 */
public record ScalarField(Box box, float[] data) {

    public ScalarField {
        if (data.length != box.cells()) {
            throw new IllegalArgumentException("field has " + data.length + " values, box needs " + box.cells());
        }
    }

    public static ScalarField zeros(Box box) {
        return new ScalarField(box, new float[box.cells()]);
    }

    /** Mean over cells, accumulated in double. */
    public double mean() {
        double s = 0;
        for (float v : data) {
            s += v;
        }
        return s / data.length;
    }

    /** Root mean square over cells. */
    public double rms() {
        double s = 0;
        for (float v : data) {
            s += (double) v * v;
        }
        return Math.sqrt(s / data.length);
    }
}
