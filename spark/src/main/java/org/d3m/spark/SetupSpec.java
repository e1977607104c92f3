package org.d3m.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.field.Box;
import org.d3m.core.ic.LptKernel;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.sim.SimulationSetup;

/**
 * A {@link SimulationSetup} (seeded, no given linear density) in a form Spark ships to executors:
 * the driver makes it from the command's validated setup ({@link #of}), each task turns it back
 * ({@link #toSetup}) with the spectrum table at the path Spark gave it there. Only parameters travel,
 * no physics: the executors run the plugin's own core.
 *
 * @param pkFile the table's file name as shipped with {@code SparkContext.addFile}, or null for none
 * @param sigma8 as the setup has it (NaN or &lt;= 0: no rescaling)
 * @param steps  FastPM steps
 * @param meshFactor FastPM force mesh factor
 * @param redshift where FastPM's steps end (and ZA, 2LPT are taken): z, a = 1/(1+z)
 */
record SetupSpec(double boxSize, int grid, long seed, int threads, String kernel, double aS, double nS, double h,
                 double omegaM, double omegaB, String pkFile, double sigma8, int steps, int meshFactor, double redshift)
        implements Serializable {

    /** The spec of a run to z = 0. */
    static SetupSpec of(SimulationSetup s, String pkFile, int steps, int meshFactor) {
        return of(s, pkFile, steps, meshFactor, 0);
    }

    static SetupSpec of(SimulationSetup s, String pkFile, int steps, int meshFactor, double redshift) {
        Cosmology c = s.cosmology();
        return new SetupSpec(s.box().size(), s.box().n(), s.seed(), s.threads(), s.kernel().key(), c.aS(), c.nS(),
                c.h(), c.omegaM(), c.omegaB(), pkFile, s.sigma8(), steps, meshFactor, redshift);
    }

    /** The setup, with {@code pkPath} (the table's local path on this machine, or null) and {@code threads}. */
    SimulationSetup toSetup(Path pkPath, int threads) {
        return new SimulationSetup(new Box(boxSize, grid), new Cosmology(aS, nS, h, omegaM, omegaB), pkPath, sigma8, seed,
                threads, LptKernel.parse(kernel), null);
    }

    /**
     * The FastPM run of the command: {@code defaults().withSteps(steps).withRedshift(redshift).withMeshFactor(meshFactor)
     * .withThreads(threads)}.
     */
    FastPmSolver.Config pm(int threads) {
        return FastPmSolver.Config.defaults().withSteps(steps).withRedshift(redshift).withMeshFactor(meshFactor)
                .withThreads(threads);
    }
}
