package org.d3m.commands;

import java.io.File;
import org.d3m.core.field.Box;
import org.d3m.core.ic.LptKernel;
import org.d3m.core.io.MemoryCheck;
import org.d3m.core.sim.SimulationSetup;
import org.scijava.plugin.Parameter;

/**
 * The parameters every generator shares: box, grid, seed, threads and the LPT kernel, plus the cosmology of
 * {@link CosmologyParameters}, as {@code @Parameter} fields whose names are the CLI and macro keys. Subclasses call
 * {@link #setup()} to get a validated {@link SimulationSetup}.
 */
public abstract class SetupParameters extends CosmologyParameters {

    @Parameter(description = "side of the periodic box, 1 to 1e5 [Mpc/h]")
    protected double box_size = 128;
    @Parameter(description = "particles (grid points) per side, even, >= 8")
    protected int grid = 32;
    @Parameter(description = "random seed of the initial white noise")
    protected long seed = 1;
    @Parameter(min = "0", description = "worker threads, 0 = all cores (results do not depend on it)")
    protected int threads = 0;
    @Parameter(choices = {"fastpm", "exact"}, description = "discretisation: fastpm = the C FastPM's"
            + " (finite-difference LPT, D2 = 3/7 at z=0, particles on mesh nodes); exact = spectral LPT")
    protected String kernel = "fastpm";

    /** The validated setup; throws IllegalArgumentException with a one-line message on bad input. */
    protected SimulationSetup setup() {
        if (grid < 8 || grid % 2 != 0) {
            throw new IllegalArgumentException("grid must be even and >= 8, got " + grid);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
        }
        return new SimulationSetup(new Box(box_size, grid), cosmology(), pkPath(), sigma8 > 0 ? sigma8 : Double.NaN,
                seed, threads, LptKernel.parse(kernel), null);
    }

    /** What fixes the linear field, for titles: "seed=7" (or the linear input's name). */
    protected String source(SimulationSetup s) {
        return "seed=" + s.seed();
    }

    /**
     * Checks, before any work, that the field outputs can be written ({@link OutputGuard}: none is
     * an input or another output) and that the run fits in memory.
     */
    protected void checkBeforeRun(SimulationSetup s, int meshFactor, File... outputs) {
        OutputGuard guard = OutputGuard.of(this);
        for (File f : outputs) {
            guard.field(f);
        }
        guard.check();
        MemoryCheck.require(s.memoryBytes(meshFactor), "grid " + s.box().n() + "^3");
    }
}
