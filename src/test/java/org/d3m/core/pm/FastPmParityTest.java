package org.d3m.core.pm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.d3m.core.field.VectorField;
import org.d3m.core.io.FastPmFiles;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.testfixtures.FastPmFixture;
import org.junit.jupiter.api.Test;

/**
 * Parity with the C FastPM on its own linear fields (shared/data/fastpm-same-field): with the
 * default kernel our ZA, 2LPT, initial conditions, PM run and velocities reproduce FastPM's files.
 */
class FastPmParityTest {

    @Test
    void lptAndInitialConditionsMatchFastPm() {
        lptAndInitialConditions(101);
        lptAndInitialConditions(102);
    }

    @Test
    void pmRunMatchesFastPmAtHalfAndOne() {
        pmRun(101);
        pmRun(102);
    }

    private static void lptAndInitialConditions(int seed) {
        FastPmFixture fx = FastPmFixture.seed(seed);
        Realization r = new Realization(fx.setup(2));
        double za = FastPmFixture.relativeRms(r.lpt(1, 1), fx.vector("za_z0.npy"));
        double lpt2 = FastPmFixture.relativeRms(r.lpt(2, 1), fx.vector("2lpt_z0.npy"));
        double ic = FastPmFixture.relativeRms(r.lpt(2, 0.1), fx.vector("fastpm_a0.1000.npy"));
        System.out.printf("FastPM parity seed %d: ZA %.2e, 2LPT %.2e, IC a=0.1 %.2e%n", seed, za, lpt2, ic);
        assertTrue(za <= 1e-4, "ZA off FastPM's by " + za);
        assertTrue(lpt2 <= 1e-4, "2LPT off FastPM's by " + lpt2);
        assertTrue(ic <= 1e-4, "a = 0.1 initial conditions off FastPM's by " + ic);
    }

    private static void pmRun(int seed) {
        FastPmFixture fx = FastPmFixture.seed(seed);
        Realization r = new Realization(fx.setup(2));
        FastPmSolver.Config cfg = FastPmSolver.Config.defaults().withThreads(2);
        java.util.List<FastPmSolver.Result> snaps = new FastPmSolver(fx.setup(2).box(), FastPmFixture.OMEGA_M, cfg)
                .run(r.psi1(), r.psi2(), new double[] {0.5, 1.0}, Progress.NONE);
        VectorField half = snaps.get(0).displacement();
        FastPmSolver.Result one = snaps.get(1);
        double eHalf = FastPmFixture.relativeRms(half, fx.vector("fastpm_a0.5000.npy"));
        double eOne = FastPmFixture.relativeRms(one.displacement(), fx.vector("fastpm_a1.0000.npy"));
        VectorField velocity = FastPmVelocity.of(one.momentum(), one.a());
        double eVel = FastPmFixture.relativeRms(velocity, fx.vector("fastpm_a1.0000_velocity.npy"));
        System.out.printf("FastPM parity seed %d: PM a=0.5 %.2e, a=1 %.2e, velocity a=1 %.2e%n", seed, eHalf, eOne, eVel);
        assertTrue(eHalf <= 1e-3, "FastPM at a = 0.5 off by " + eHalf);
        assertTrue(eOne <= 1e-3, "FastPM at a = 1 off by " + eOne);
        assertTrue(eVel <= 1e-2, "FastPM velocity at a = 1 off by " + eVel);
    }
}
