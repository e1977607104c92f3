package org.d3m.core.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d3m.core.field.VectorField;

/**
 * One training pair on the Lagrangian grid: the ZA displacement (network input) and the target
 * displacement (for example FastPM), both [Mpc/h] on the same box; {@code lpt2} is the 2LPT
 * displacement [Mpc/h] at the same time (nullable: datasets made before it was kept in every split
 * have it only in the test split). {@code params} records the sample's cosmology and output time
 * ({@link #OMEGA_M}, {@link #A_S}, {@link #REDSHIFT}, {@link #SIGMA8}); empty for older samples.
 */
public record Sample(VectorField za, VectorField target, VectorField lpt2, Map<String, Double> params) {

    /** Omega_m of the sample's cosmology. */
    public static final String OMEGA_M = "omega_m";
    /** Primordial amplitude A_s. */
    public static final String A_S = "a_s";
    /** Redshift of ZA, 2LPT and target. */
    public static final String REDSHIFT = "redshift";
    /** sigma8 of the linear spectrum at z = 0. */
    public static final String SIGMA8 = "sigma8";

    public Sample {
        if (za == null || target == null) {
            throw new IllegalArgumentException("a sample needs a ZA input and a target");
        }
        if (!za.box().equals(target.box()) || (lpt2 != null && !lpt2.box().equals(za.box()))) {
            throw new IllegalArgumentException("sample fields must share one box, got " + za.box() + " and "
                    + target.box());
        }
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A sample without recorded parameters. */
    public Sample(VectorField za, VectorField target, VectorField lpt2) {
        this(za, target, lpt2, null);
    }

    /** A recorded parameter, or {@code fallback} when the sample has none. */
    public double param(String key, double fallback) {
        Double v = params.get(key);
        return v == null ? fallback : v;
    }
}
