package org.d3m.core.ic;

import java.util.Locale;
import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.field.Box;

/**
 * How LPT and the PM solver discretise a field on the particle lattice: the key
 * {@code kernel=fastpm|exact} of every generator.
 *
 * <ul>
 *   <li>{@link #FASTPM} (the default) is the C FastPM's own scheme, the paper's ground truth and the
 *   network's input: LPT derivatives use the 4-point finite-difference symbol
 *   {@code K(k) = (8 sin(k h) - sin(2 k h)) / (6 h)} of the force (h = L / n, the particle grid
 *   spacing), the second-order term is {@code (3/7) D2(a)/D2(1)} times {@code i K S / k^2}, and
 *   particles start on force-mesh nodes.</li>
 *   <li>{@link #EXACT} is the continuum scheme: spectral derivatives {@code i k}, the ODE's second-order
 *   growth D2(a) (with D1(1) = 1), and particles half a force-mesh cell off the nodes, which keeps
 *   the fundamental modes on linear growth to 0.02% (see docs/physics.md).</li>
 * </ul>
 * In both, {@code k^2} in the inverse Laplacian is exact and the PM force is the same (FastPM's).
 */
public enum LptKernel {
    /** FastPM's discretisation (finite-difference LPT, FastPM's D2 normalisation, no mesh offset). */
    FASTPM,
    /** Spectral LPT, ODE growth D2, particles half a mesh cell off the force-mesh nodes. */
    EXACT;

    /** The second-order amplitude FastPM puts into the displacement at a = 1 (D2 normalised to 1 there). */
    public static final double FASTPM_D2_TODAY = 3.0 / 7.0;

    /** The key as users write it: "fastpm" or "exact". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "fastpm" or "exact" (any case); anything else is a one-line error. */
    public static LptKernel parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (LptKernel k : values()) {
            if (k.key().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kernel must be fastpm or exact, got '" + s + "'");
    }

    /**
     * The derivative's Fourier symbol along one axis for each array index of an n-point axis
     * [h/Mpc]: {@code k} (exact) or {@code K(k)} (FastPM). Both vanish at the Nyquist index, where a
     * first derivative of a real field has no representable value.
     */
    public double[] derivativeSymbols(Box box) {
        int n = box.n();
        double h = box.cell();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double k = box.k(i);
            s[i] = this == EXACT ? k : (8 * Math.sin(k * h) - Math.sin(2 * k * h)) / (6 * h);
        }
        s[n / 2] = 0;
        return s;
    }

    /**
     * The coefficient of {@link Lpt#psi2} in the trajectory {@code x = q + D1(a) Psi1 + c2(a) Psi2}
     * (D1(1) = 1; c2 &lt; 0 because Psi2 = grad phi2): the ODE's D2(a) for {@link #EXACT}, and
     * {@code -(3/7) D2(a) / D2(1)} for {@link #FASTPM}.
     */
    public double secondOrderGrowth(GrowthFactors g, double a) {
        return this == EXACT ? g.d2(a) : -FASTPM_D2_TODAY * g.d2(a) / g.d2(1);
    }

    /**
     * Where particles sit relative to the force mesh, in mesh cells per axis (see
     * {@link org.d3m.core.field.CicPainter}): 0 (on the nodes) for FastPM, 0.5 for exact.
     */
    public double meshOffset() {
        return this == EXACT ? 0.5 : 0;
    }
}
