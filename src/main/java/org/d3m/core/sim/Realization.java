package org.d3m.core.sim;

import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.cosmology.LinearPower;
import org.d3m.core.cosmology.PhysicalRanges;
import org.d3m.core.field.CicPainter;
import org.d3m.core.field.Fft;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.GaussianField;
import org.d3m.core.ic.Lpt;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;

/**
 * One realisation of a {@link SimulationSetup}: the linear density and its LPT displacements,
 * computed once on first use, and the products every command needs (ZA, 2LPT, FastPM, density).
 * Not thread-safe; all results are bit-identical whatever the setup's thread count.
 */
public final class Realization {

    /**
     * Largest accepted rms of the linear displacement |D1(a) Psi1|, as a fraction of the box side:
     * 1/2, the rms distance of uniformly random positions in the box from their grid points, so a
     * field at or beyond it keeps nothing of its initial grid (shell crossing everywhere, noise
     * wrapped at half the box). The paper's cosmology at z = 0 gives 0.05 at 128 Mpc/h and 0.38 at
     * 1 Mpc/h, the smallest box the generators accept.
     */
    public static final double MAX_RMS_FRACTION = 0.5;

    private final SimulationSetup setup;
    private final GrowthFactors growth;
    private LinearPower power;
    private float[] deltaK;
    private VectorField psi1;
    private VectorField psi2;

    public Realization(SimulationSetup setup) {
        this.setup = setup;
        this.growth = GrowthFactors.of(setup.cosmology().omegaM());
    }

    public SimulationSetup setup() {
        return setup;
    }

    /** The linear spectrum in use (validated against the grid on first call). */
    public LinearPower power() {
        if (power == null) {
            power = setup.linearPower();
        }
        return power;
    }

    /**
     * Half-complex spectrum of the linear density at z = 0 (see {@link Fft}): the seeded Gaussian
     * field, or the transform of the setup's given linear density.
     */
    public float[] deltaK() {
        if (deltaK == null) {
            ScalarField given = setup.linearDensity();
            deltaK = given != null ? new Fft(setup.box().n(), setup.threads()).forward(given.data())
                    : GaussianField.linearDensitySpectrum(setup.box(), power()::at, setup.seed(), setup.threads());
        }
        return deltaK;
    }

    /** The linear density contrast at z = 0 on the grid (dimensionless). */
    public ScalarField linearDensity() {
        return new ScalarField(setup.box(), lpt().density(deltaK()));
    }

    private Lpt lpt() {
        return new Lpt(setup.box(), setup.threads(), setup.kernel());
    }

    /** First-order displacement of the z = 0 field, Psi1 [Mpc/h] ("ZA at z = 0"). */
    public VectorField psi1() {
        if (psi1 == null) {
            psi1 = lpt().psi1(deltaK());
        }
        return psi1;
    }

    /** Second-order displacement Psi2 [Mpc/h] (multiplied by the kernel's second-order growth &lt; 0 in trajectories). */
    public VectorField psi2() {
        if (psi2 == null) {
            psi2 = lpt().psi2(deltaK());
        }
        return psi2;
    }

    /**
     * LPT displacement at scale factor a [Mpc/h]: {@code D1(a) Psi1} for order 1 (ZA),
     * {@code D1(a) Psi1 + c2(a) Psi2} for order 2 (c2 the kernel's {@link
     * org.d3m.core.ic.LptKernel#secondOrderGrowth}), wrapped into [-L/2, L/2).
     */
    public VectorField lpt(int order, double a) {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("order must be 1 (ZA) or 2 (2LPT), got " + order);
        }
        requireBelowBox(a);
        VectorField v = Lpt.combine(psi1(), growth.d1(a), order == 2 ? psi2() : null,
                setup.kernel().secondOrderGrowth(growth, a));
        wrap(v);
        return v;
    }

    /** FastPM from 2LPT initial conditions at a_start to a_end, with the setup's kernel. */
    public FastPmSolver.Result fastPm(FastPmSolver.Config config, Progress progress) {
        requireBelowBox(config.aEnd());
        return new FastPmSolver(setup.box(), setup.cosmology().omegaM(), config.withKernel(setup.kernel()))
                .run(psi1(), psi2(), progress);
    }

    /**
     * Refuses, before any field at scale factor {@code a} is made, a linear displacement whose rms
     * |D1(a) Psi1| exceeds {@link #MAX_RMS_FRACTION} of the box: an absurd amplitude, a box far too
     * small for the cosmology, or both.
     *
     * @throws IllegalArgumentException one line with the rms, the box and what to change
     */
    public void requireBelowBox(double a) {
        double s = 0;
        for (float[] c : psi1().c()) {
            for (float x : c) {
                s += (double) x * x;
            }
        }
        double rms = Math.sqrt(s / setup.box().cells()) * growth.d1(a);
        double l = setup.box().size();
        if (!(rms <= MAX_RMS_FRACTION * l)) {
            throw new IllegalArgumentException("the linear displacement at z=" + PhysicalRanges.g(1 / a - 1) + " has an rms of "
                    + PhysicalRanges.g(Math.round(rms * 100) / 100.0) + " Mpc/h, more than half the box (" + PhysicalRanges.g(l)
                    + " Mpc/h): shell crossing everywhere, no field would mean anything; lower a_s or sigma8, or raise"
                    + " box_size or the redshift");
        }
    }

    /** CIC density (count per cell / mean - 1) of a displacement field on a mesh factor times finer grid. */
    public static ScalarField density(VectorField displacement, int meshFactor, int threads) {
        return new CicPainter(displacement.box(), displacement.box().refined(meshFactor), threads).density(displacement);
    }

    private static void wrap(VectorField v) {
        for (float[] c : v.c()) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) v.box().wrapCentered(c[i]);
            }
        }
    }
}
