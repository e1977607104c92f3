package org.d3m.commands;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.d3m.core.emulator.CosmologyRanges;
import org.d3m.core.emulator.Dataset;
import org.d3m.core.emulator.DatasetBuilder;
import org.d3m.core.emulator.TrainingPairs;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.CommandProvenance;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Training pairs for the emulator: for seeds seed, seed+1, ..., the ZA displacement (input), the
 * FastPM displacement (target) and 2LPT at the sample's redshift; split 80/10/10 by seed. With
 * {@code omega_m_range}, {@code a_s_range} or {@code redshift_range} each sample draws its Omega_m,
 * A_s and z from the ranges (a Halton sequence over the sample number, {@link CosmologyRanges}) and
 * records them in its file and in the index. Resumable: complete samples already in the folder are kept.
 */
@Plugin(type = Command.class, name = "make-dataset", menuPath = "Plugins>D3M>Emulator>Make Dataset...", visible = false)
public class MakeDatasetCommand extends SetupParameters {

    @Parameter(description = "number of (ZA, FastPM) pairs")
    int samples = 100;
    @Parameter(description = "FastPM steps")
    int steps = 10;
    @Parameter(description = "FastPM force mesh factor B")
    int mesh_factor = 2;
    @Parameter(description = "redshift of the pairs when no redshift_range is given")
    double redshift = 0;
    @Parameter(required = false, description = "draw Omega_m per sample from 'lo,hi' (empty: omega_m)")
    String omega_m_range = "";
    @Parameter(required = false, description = "draw A_s per sample from 'lo,hi', uniform in ln A_s (empty: a_s)")
    String a_s_range = "";
    @Parameter(required = false, description = "draw the redshift per sample from 'lo,hi' (empty: redshift)")
    String redshift_range = "";
    @Parameter(description = "folder for the samples and index.json")
    File output_dir = new File("out/dataset");
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        SimulationSetup base = setup();
        FastPmSolver.Config cfg = FastPmSolver.Config.defaults().withSteps(steps).withMeshFactor(mesh_factor).withThreads(threads);
        OutputGuard.of(this).folder(output_dir, List.of(Dataset.INDEX)).check();
        checkBeforeRun(base, mesh_factor);
        base.linearPower();
        Map<String, String> meta = new LinkedHashMap<>();
        CommandProvenance.of(this, "D3M training set").entries().forEach(meta::put);
        Progress progress = CommandProgress.get();
        // FastPM reports to a quiet view of the progress: Esc stops a sample within a step
        Dataset d = DatasetBuilder.build(output_dir.toPath(), samples, seed,
                TrainingPairs.source(base, cfg, seed, ranges(cfg), progress.quiet()), meta, progress);
        summary = String.format(Locale.ROOT, "%d samples (%d train, %d val, %d test) of %d^3 in %s", d.entries().size(),
                d.split("train").size(), d.split("val").size(), d.split("test").size(), base.box().n(), output_dir);
    }

    /**
     * The ranges of the keys, each falling back to the fixed key (omega_m, a_s, redshift); redshifts must
     * lie after {@code cfg}'s a_start.
     */
    public CosmologyRanges ranges(FastPmSolver.Config cfg) {
        SimulationSetup.scaleFactor(redshift);
        CosmologyRanges r = new CosmologyRanges(CosmologyRanges.parse("omega_m_range", omega_m_range, omega_m),
                CosmologyRanges.parse("a_s_range", a_s_range, a_s), CosmologyRanges.parse("redshift_range", redshift_range, redshift));
        double zMax = 1 / cfg.aStart() - 1;
        if (r.redshift()[1] >= zMax) {
            throw new IllegalArgumentException("redshift must be below 1/a_start - 1 = " + Outputs.number(zMax) + ", got " + Outputs.number(r.redshift()[1]));
        }
        return r;
    }
}
