package org.d3m.core.field;

import java.util.Locale;

/**
 * The checks every field read from outside (a file or an open image) must pass, made once by the
 * shared readers so that no command computes on them:
 * <ul>
 *   <li>every value is finite (a NaN or an infinity would spread through FFTs and painting into
 *   NaN spectra and densities);</li>
 *   <li>a displacement (any 3-component field) stays within the box: |Psi| &lt;= L. A larger one
 *   has no periodic meaning left in float32 (x1e30 leaves no digit of q + Psi) and points to
 *   wrong units or a wrong box_size. Physical fields are far below it: the largest |Psi| of a
 *   FastPM run at z = 0 is about 0.3 L in a 30 Mpc/h box and 0.6 L in a 1 Mpc/h box (32^3).</li>
 * </ul>
 * Messages are one line and name the source, the component and the flat index
 * ({@code (ix*n + iy)*n + iz}).
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    /** Returns {@code f}; IllegalArgumentException "NAME has a non-finite value (index i)" otherwise. */
    public static ScalarField requireFinite(ScalarField f, String name) {
        float[] d = f.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new IllegalArgumentException(name + " has a non-finite value (index " + i + ")");
            }
        }
        return f;
    }

    /** Returns {@code v}; IllegalArgumentException "NAME has a non-finite value (component c, index i)" otherwise. */
    public static VectorField requireFinite(VectorField v, String name) {
        for (int a = 0; a < 3; a++) {
            float[] c = v.c()[a];
            for (int i = 0; i < c.length; i++) {
                if (!Float.isFinite(c[i])) {
                    throw new IllegalArgumentException(name + " has a non-finite value (component " + a + ", index " + i + ")");
                }
            }
        }
        return v;
    }

    /** {@link #requireFinite(VectorField, String)}, then |Psi| &lt;= box size at every point [Mpc/h]. */
    public static VectorField requireDisplacement(VectorField v, String name) {
        requireFinite(v, name);
        double l = v.box().size();
        double l2 = l * l;
        float[] x = v.x();
        float[] y = v.y();
        float[] z = v.z();
        for (int i = 0; i < x.length; i++) {
            double m2 = (double) x[i] * x[i] + (double) y[i] * y[i] + (double) z[i] * z[i];
            if (m2 > l2) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s has a displacement |Psi| = %.4g Mpc/h (index %d) larger than the box (%s Mpc/h):"
                        + " wrong units or box_size?", name, Math.sqrt(m2), i, l == Math.rint(l) ? Long.toString((long) l) : Double.toString(l)));
            }
        }
        return v;
    }
}
