package org.d3m.core.analysis;

import java.util.Locale;

/**
 * How {@link Comparison} measures the 3PCF multipoles of a displacement field. Both sum raw
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

    /** The default of compare, ensemble-compare and reproduce-table. */
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
