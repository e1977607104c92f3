package org.d3m.core.analysis;

/**
 * Multipoles zeta_l(r1, r2) of the isotropic 3-point correlation function, as measured by
 * {@link ThreePoint}.
 *
 * <p>Normalisation (the one of the nbodykit reference file): for weighted particles,
 * {@code zeta_l(b1, b2) = sum_i w_i sum_{j in b1} sum_{k in b2} w_j w_k P_l(rhat_ij . rhat_ik)}, with
 * j == k included on the diagonal b1 == b2; that is nbodykit's {@code SimulationBox3PCF} poles
 * times (4 pi)^2 / (2 l + 1). Units: (sum of weights)^3, dimensionless for unit weights.
 *
 * @param lmax     largest multipole order l
 * @param binEdges radial bin edges [Mpc/h], nBins + 1 values; bin b covers (edges[b], edges[b+1]]
 * @param zeta     zeta[l][b1][b2], symmetric in (b1, b2)
 */
public record Multipoles(int lmax, double[] binEdges, double[][][] zeta) {

    public Multipoles {
        if (lmax < 0 || zeta.length != lmax + 1) {
            throw new IllegalArgumentException("multipoles need lmax + 1 = " + (lmax + 1) + " planes, got " + zeta.length);
        }
        int nb = binEdges.length - 1;
        for (double[][] plane : zeta) {
            if (plane.length != nb) {
                throw new IllegalArgumentException("multipole plane has " + plane.length + " rows, bins need " + nb);
            }
            for (double[] row : plane) {
                if (row.length != nb) {
                    throw new IllegalArgumentException("multipole row has " + row.length + " values, bins need " + nb);
                }
            }
        }
    }

    /** Number of radial bins. */
    public int nBins() {
        return binEdges.length - 1;
    }

    /** zeta_l for radial bins (b1, b2) (see the class comment for units). */
    public double get(int l, int b1, int b2) {
        return zeta[l][b1][b2];
    }

    /** Centre of radial bin b [Mpc/h]. */
    public double binCenter(int b) {
        return 0.5 * (binEdges[b] + binEdges[b + 1]);
    }
}
