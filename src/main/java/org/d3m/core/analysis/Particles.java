package org.d3m.core.analysis;

import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;

/** Particle positions from displacements on the Lagrangian grid. */
public final class Particles {

    private Particles() {
    }

    /**
     * Eulerian positions x = q + Psi [Mpc/h], wrapped into [0, L), with q = (ix, iy, iz) L / n and
     * particle index (ix n + iy) n + iz (the {@link Box} C order).
     *
     * @return {x, y, z}, each of length n^3
     */
    public static double[][] positions(VectorField psi) {
        Box box = psi.box();
        int n = box.n();
        double cell = box.cell();
        double size = box.size();
        double[][] out = new double[3][box.cells()];
        float[][] c = psi.c();
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++) {
                    int i = box.index(ix, iy, iz);
                    out[0][i] = wrap(ix * cell + c[0][i], size);
                    out[1][i] = wrap(iy * cell + c[1][i], size);
                    out[2][i] = wrap(iz * cell + c[2][i], size);
                }
            }
        }
        return out;
    }

    /** Wraps v [Mpc/h] into [0, size). */
    static double wrap(double v, double size) {
        double u = v - size * Math.floor(v / size);
        return u >= size ? 0 : u; // -tiny + size rounds to size
    }
}
