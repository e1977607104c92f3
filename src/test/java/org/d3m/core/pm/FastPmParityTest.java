package org.d3m.core.pm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.LptKernel;
import org.d3m.core.io.FastPmFiles;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.testfixtures.FastPmFixture;
import org.junit.jupiter.api.Test;

/**
 * Parity with the C FastPM on its own linear fields (shared/data/fastpm-same-field): with the
 * default kernel our ZA, 2LPT, initial conditions, PM run and velocities reproduce FastPM's files.
 * {@code mvn -q test -Dtest=FastPmParityTest} prints the table of docs/physics.md.
 */
class FastPmParityTest {

    /** What is compared, with FastPM's file for each. */
    static final String[] FILES = {"za_z0.npy", "2lpt_z0.npy", "fastpm_a0.1000.npy", "fastpm_a0.5000.npy",
        "fastpm_a1.0000.npy", "fastpm_a1.0000_velocity.npy"};
    static final String[] WHAT = {"ZA at z = 0", "2LPT at z = 0", "initial conditions (2LPT) at a = 0.1",
        "FastPM at a = 0.5", "FastPM at a = 1", "FastPM velocity at a = 1 (100 p / a km/s)"};

    /** rms of (ours - FastPM) / rms of FastPM for every fixture file, with the given kernel. */
    static double[] differences(int seed, LptKernel kernel) {
        FastPmFixture fx = FastPmFixture.seed(seed);
        SimulationSetup setup = fx.setup(2).withKernel(kernel);
        Realization r = new Realization(setup);
        FastPmSolver.Config cfg = FastPmSolver.Config.defaults().withThreads(2).withKernel(kernel);
        List<FastPmSolver.Result> snaps = new FastPmSolver(setup.box(), FastPmFixture.OMEGA_M, cfg)
                .run(r.psi1(), r.psi2(), new double[] {0.1, 0.5, 1.0}, Progress.NONE);
        VectorField[] ours = {r.lpt(1, 1), r.lpt(2, 1), snaps.get(0).displacement(), snaps.get(1).displacement(),
            snaps.get(2).displacement(), FastPmVelocity.of(snaps.get(2).momentum(), 1.0)};
        double[] e = new double[FILES.length];
        for (int i = 0; i < FILES.length; i++) {
            e[i] = FastPmFixture.relativeRms(ours[i], fx.vector(FILES[i]), i < FILES.length - 1);
        }
        // the a = 0.1 snapshot is the 2LPT initial condition itself
        assertTrue(FastPmFixture.relativeRms(snaps.get(0).displacement(), r.lpt(2, 0.1)) < 1e-6);
        return e;
    }

    /**
     * The bounds, for both fixture seeds: LPT and initial conditions to 1e-4, the PM run to
     * 0.1%, velocities to 1%. Prints the table of docs/physics.md ("FastPM parity"), with the exact
     * kernel beside it.
     */
    @Test
    void defaultKernelReproducesEveryFastPmFile() {
        double[] bound = {1e-4, 1e-4, 1e-4, 1e-3, 1e-3, 1e-2};
        StringBuilder table = new StringBuilder("| field | seed 101 | seed 102 | seed 101, kernel=exact |\n| --- | --- | --- | --- |\n");
        double[] a = differences(101, LptKernel.FASTPM);
        double[] b = differences(102, LptKernel.FASTPM);
        double[] x = differences(101, LptKernel.EXACT);
        for (int i = 0; i < FILES.length; i++) {
            table.append(String.format(Locale.ROOT, "| %s (`%s`) | %.1e | %.1e | %.3f |%n", WHAT[i], FILES[i], a[i], b[i], x[i]));
            assertTrue(a[i] <= bound[i], FILES[i] + " seed 101 off by " + a[i]);
            assertTrue(b[i] <= bound[i], FILES[i] + " seed 102 off by " + b[i]);
            assertTrue(x[i] > 0.01, "the exact kernel is another discretisation: " + FILES[i] + " " + x[i]);
        }
        System.out.print(table);
    }
}
