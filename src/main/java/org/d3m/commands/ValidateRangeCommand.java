package org.d3m.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.d3m.core.emulator.CosmologyRanges;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.io.AtomicFiles;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.core.validation.RangePlot;
import org.d3m.core.validation.RangeValidation;
import org.d3m.ij.CommandProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The emulator where a user points it: ZA, 2LPT and D3M against FastPM at chosen (Omega_m, A_s, z)
 * points on unseen seeds ({@link RangeValidation}). Writes range.csv, range.md and range.png (D3M / 2LPT
 * against sigma8 at z) into output_dir.
 */
@Plugin(type = Command.class, name = "validate-range", menuPath = "Plugins>D3M>Emulator>Validate Range...", visible = false)
public class ValidateRangeCommand extends SetupParameters {

    /** Cosmologies in no table of the project, from weakly to strongly clustered, and two redshifts of Planck 2015. */
    public static final String DEFAULT_POINTS = "0.12/1.3/0;0.15/0.5/0;0.2/1/0;0.25/0.35/0;0.35/1.6/0;0.4/0.7/0;"
            + "0.45/1.2/0;0.5/0.3/0;0.22/0.8/0.3;0.3089/1/0.5;0.3089/1/1";

    @Parameter(description = "points 'omega_m/A_s factor/z;...' (the factor multiplies a_s)")
    String test_points = DEFAULT_POINTS;
    @Parameter(description = "seeds per point: seed, seed+1, ...")
    int seeds = 4;
    @Parameter(required = false, description = "weights file (.d3mw), or 'paper'; empty: the shipped model")
    File model;
    @Parameter(choices = {"auto", "cpu", "gpu"}, description = "auto: a GPU when DJL finds one, else the CPU")
    String device = "auto";
    @Parameter(min = "1", max = "48", description = "D3M is the mean over this many cube symmetries (1: the network alone)")
    int symmetries = Emulator.DEFAULT_SYMMETRIES;
    @Parameter(description = "emulate points outside the model's trained range too")
    boolean extrapolate = false;
    @Parameter(description = "FastPM steps")
    int steps = 10;
    @Parameter(description = "folder for range.csv, range.md and range.png")
    File output_dir = new File("out/validate-range");
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    { // unseen seeds: make-dataset's and reproduce-table's start elsewhere
        seed = 3_000_000;
    }

    @Override
    public void run() {
        SimulationSetup base = setup();
        List<CosmologyRanges.Point> pts = RangeValidation.parse(test_points, a_s);
        Emulator.checkSymmetries(symmetries);
        FastPmSolver.Config pm = FastPmSolver.Config.defaults().withSteps(steps).withThreads(threads).withKernel(base.kernel());
        Path weights = ShippedModel.resolve(Outputs.given(model) ? model.toPath() : null);
        OutputGuard.of(this).folder(output_dir, List.of("range.csv", "range.md", "range.png")).check();
        checkBeforeRun(base, pm.meshFactor());
        try (Emulator e = Emulator.load(weights, device)) {
            e.setSymmetries(symmetries);
            String name = ShippedModel.name(Outputs.given(model) ? model.toPath() : null);
            for (CosmologyRanges.Point p : pts) {
                InputCosmology.requireKnown(e, name, p.omegaM(), p.aS(), p.redshift(), extrapolate);
            }
            List<RangeValidation.Row> rows = RangeValidation.run(base, pts, seeds, seed,
                    (za, om, z, pr) -> e.predict(za, om, z, extrapolate, pr), pm, CommandProgress.get());
            Path out = OutputGuard.createFolder(output_dir);
            String note = "model " + name + " (width " + e.meta().width() + ", " + e.meta().conditioning().key()
                    + " conditioning) on " + e.describeDevice() + "; D3M = " + Emulator.describeAveraging(symmetries)
                    + "; seeds " + seed + ".." + (seed + seeds - 1) + "; FastPM " + steps + " steps";
            String md = RangeValidation.markdown(rows, note);
            try {
                AtomicFiles.writeString(out.resolve("range.csv"), RangeValidation.csv(rows));
                AtomicFiles.writeString(out.resolve("range.md"), md);
                RangePlot.write(out.resolve("range.png"), rows);
            } catch (java.io.IOException x) {
                throw new java.io.UncheckedIOException("cannot write to " + out + ": " + x.getMessage(), x);
            }
            summary = md + "written to " + out;
        }
    }
}
