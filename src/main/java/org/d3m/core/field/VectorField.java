package org.d3m.core.field;

/**
 * A 3-component vector field on a {@link Box}, for example a displacement Psi [Mpc/h] on the
 * Lagrangian grid. {@code c[0..2]} are the x, y, z components, each in the box's C order.
 */
public record VectorField(Box box, float[][] c) {

    public VectorField {
        if (c.length != 3) {
            throw new IllegalArgumentException("a vector field needs 3 components, got " + c.length);
        }
        for (float[] comp : c) {
            if (comp.length != box.cells()) {
                throw new IllegalArgumentException("component has " + comp.length + " values, box needs " + box.cells());
            }
        }
    }

    public static VectorField zeros(Box box) {
        return new VectorField(box, new float[3][box.cells()]);
    }

    public float[] x() {
        return c[0];
    }

    public float[] y() {
        return c[1];
    }

    public float[] z() {
        return c[2];
    }

    /** Root mean square of |v| over grid points [units of the field]. */
    public double rms() {
        double s = 0;
        for (float[] comp : c) {
            for (float v : comp) {
                s += (double) v * v;
            }
        }
        return Math.sqrt(s / c[0].length);
    }
}
