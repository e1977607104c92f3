package org.d3m.core.analysis;

import java.util.Locale;

import org.d3m.core.field.CicPainter;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;

/**
 * How {@link Comparison} (and the three-point command, through {@link #measure}) measures the 3PCF
 * multipoles of a displacement field. Both sum raw
 * weighted triplets with no subtraction of the mean density (as nbodykit's {@code SimulationBox3PCF},
 * which the paper's group wrote); they differ in what the "points" are.
 */
public enum ThreePointEstimator {

    /**
     * The default: the CIC density 1 + delta on the comparison mesh (the particle grid at mesh factor
     * 1), each node a point weighted by 1 + delta, by FFTs ({@link MeshThreePoint}); about 0.6-0.9 s of
     * CPU per 32^3 field. Chosen on 2LPT alone as the estimator closest to the paper's 2LPT residuals
     * of those tried; it does not reach them (docs/validation.md, "The 3PCF column").
     */
    MESH("mesh", "CIC density 1 + delta on the comparison mesh, FFT shell kernels (MeshThreePoint)"),

    /**
     * The particles at q + Psi with unit weights, by pair counts ({@link ThreePoint}); about 19 s of
     * CPU per 32^3 field. The estimator before issue 25.
     */
    PARTICLES("particles", "particles with unit weights, pair counts (ThreePoint)");

    /** The default of compare, ensemble-compare, reproduce-table and three-point. */
    public static final ThreePointEstimator DEFAULT = MESH;

    private final String key;
    private final String description;

    ThreePointEstimator(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The option value ({@code three_point_estimator=...}). */
    public String key() {
        return key;
    }

    /** One line saying what is measured (for provenance and reports). */
    public String describe() {
        return key + ": " + description;
    }

    /**
     * The multipoles zeta_l(r1, r2) of a displacement field's particles by this estimator, with the
     * density mesh at the particle grid (mesh factor 1, as {@link Comparison}'s default): {@link #MESH}
     * paints the CIC density and sums triplets of mesh nodes weighted by 1 + delta; {@link #PARTICLES}
     * counts triplets of the particles at q + Psi with unit weights.
     *
     * @param displacement Psi [Mpc/h] on its Lagrangian grid
     * @param rMax         outer edge of the last radial bin [Mpc/h]
     * @param bins         number of linear radial bins over (0, rMax]
     * @param lmax         largest multipole order
     * @param threads      threads (&lt; 1: all cores); results do not depend on it
     * @param progress     progress and cancellation (null: none)
     * @return zeta_l in weighted triplets (mesh: units of (1 + delta)^3; particles: counts)
     */
    public Multipoles measure(VectorField displacement, double rMax, int bins, int lmax, int threads, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        if (this == MESH) {
            org.d3m.core.field.Box grid = displacement.box();
            ScalarField delta = new CicPainter(grid, grid.refined(1), threads).density(displacement);
            return new MeshThreePoint(delta.box(), rMax, bins, lmax, threads).compute(onePlusDelta(delta), p);
        }
        double[][] x = Particles.positions(displacement);
        return new ThreePoint(displacement.box().size(), rMax, bins, lmax, threads).compute(x[0], x[1], x[2], null, p);
    }

    /** The mesh estimator's weights: 1 + delta at every node of a density contrast (a new array). */
    static float[] onePlusDelta(ScalarField delta) {
        float[] w = delta.data().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] += 1;
        }
        return w;
    }

    /** The estimator of an option value (case-insensitive); a one-line error for anything else. */
    public static ThreePointEstimator parse(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (ThreePointEstimator e : values()) {
            if (e.key.equals(k)) {
                return e;
            }
        }
        throw new IllegalArgumentException("three_point_estimator must be mesh or particles, got '" + key + "'");
    }
}
