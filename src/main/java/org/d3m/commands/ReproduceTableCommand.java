package org.d3m.commands;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.d3m.core.analysis.ThreePointEstimator;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ModelMeta;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.emulator.WeightsFile;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.core.validation.PaperCosmology;
import org.d3m.core.validation.PaperTable;
import org.d3m.core.validation.PaperTableFiles;
import org.d3m.ij.CommandProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The paper's Table 1 from scratch: ZA, 2LPT and D3M against FastPM on unseen seeds, for the trained
 * cosmology (the cosmology keys) and the paper's four others ({@link PaperCosmology}), with one
 * model, at {@code redshift} (the paper: 0; D3M gets the ZA field at that redshift, see
 * {@link PaperTable#runSeed}). Writes table.csv, table.md and per-cosmology plots into output_dir.
 */
@Plugin(type = Command.class, name = "reproduce-table", menuPath = "Plugins>D3M>Emulator>Reproduce Table...", visible = false)
public class ReproduceTableCommand extends SetupParameters {

    @Parameter(description = "seeds per cosmology: seed, seed+1, ... (the paper's table: 100)")
    int seeds = 100;
    @Parameter(description = "compute the 3PCF residual on the first this many seeds (at most all; about 3 s of CPU per seed and cosmology at 32^3 with the mesh estimator, 40 s of wall time with particles)")
    int three_point_seeds = 10;
    @Parameter(choices = {"mesh", "particles"}, description = "3PCF estimator: mesh = CIC density 1 + delta on the"
            + " particle grid by FFT (about 0.6-0.9 s of CPU per 32^3 field; the closest to the paper's 2LPT of those tried);"
            + " particles = unit-weight particles by pair counts (about 19 s of CPU per field)")
    String three_point_estimator = "mesh";
    @Parameter(description = "all, or a comma-separated list of trained, As1.8x, As0.2x, Om0.5, Om0.1")
    String cosmologies = "all";
    @Parameter(required = false, description = "folder of linear P(k) tables class_pk_As1.8x.txt, class_pk_As0.2x.txt,"
            + " class_pk_Om0.5.txt, class_pk_Om0.1.txt; empty: derived from the trained spectrum (A_s) or Eisenstein-Hu (Omega_m)")
    File pk_dir;
    @Parameter(required = false, description = "weights file (.d3mw) from train; empty: the shipped model")
    File model;
    @Parameter(choices = {"auto", "cpu", "gpu"}, description = "auto: a GPU when DJL finds one, else the CPU")
    String device = "auto";
    @Parameter(min = "1", max = "48", description = "D3M is the mean over this many cube symmetries (1: the network alone)")
    int symmetries = Emulator.DEFAULT_SYMMETRIES;
    @Parameter(description = "FastPM steps")
    int steps = 10;
    @Parameter(description = "redshift z of FastPM, ZA and 2LPT, in [0, 9) (FastPM from a = 0.1); the paper: 0")
    double redshift = 0;
    @Parameter(description = "FastPM force mesh factor B")
    int mesh_factor = 2;
    @Parameter(description = "folder for table.csv, table.md and one folder of plots per cosmology")
    File output_dir = new File("out/reproduce-table");
    @Parameter(type = ItemIO.OUTPUT)
    ij.measure.ResultsTable table;
    @Parameter(type = ItemIO.OUTPUT)
    ij.gui.Plot transfer_plot;
    @Parameter(type = ItemIO.OUTPUT)
    ij.gui.Plot stochasticity_plot;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    { // unseen seeds by default: training sets made with make-dataset's seeds start far below
        seed = 1_000_000;
    }

    @Override
    public void run() {
        SimulationSetup trained = setup();
        List<PaperCosmology> list = PaperCosmology.parse(cosmologies);
        Emulator.checkSymmetries(symmetries);
        Path pkDir = Outputs.given(pk_dir) ? pk_dir.toPath() : null;
        if (pkDir != null && !pk_dir.isDirectory()) {
            throw new IllegalArgumentException("pk_dir " + pk_dir + " is not a folder");
        }
        PaperTable.Config cfg = PaperTable.Config.paper(trained.box(), seeds, seed, three_point_seeds, steps, mesh_factor, redshift,
                threads).withThreePointEstimator(ThreePointEstimator.parse(three_point_estimator));
        PaperTable.setups(trained, list, pkDir);
        Path weights = ShippedModel.resolve(Outputs.given(model) ? model.toPath() : null);
        ModelMeta meta = WeightsFile.readMeta(weights);
        List<String> notes = new ArrayList<>(PaperTable.checkModel(meta, trained, cfg));
        OutputGuard.of(this).folder(output_dir, List.of("table.csv", "table.md")).check();
        double estimate = RunEstimates.reproduceTable(trained.box().n(), trained.box().size(), steps, mesh_factor,
                list.size(), seeds, three_point_seeds, cfg.statistics().estimator(), symmetries);
        String said = RunEstimates.describe(estimate, (long) list.size() * seeds, (long) list.size() * cfg.threePointSeeds());
        CommandProgress.get().report(0, "Reproduce Table: " + said); // macros and the CLI run at once, saying it
        notes.add(said.replace("Estimated time", "estimated time before the run"));
        try (Emulator emulator = Emulator.load(weights, device)) {
            emulator.setSymmetries(symmetries);
            Path out = OutputGuard.createFolder(output_dir);
            notes.add(0, "model " + weights + " (width " + meta.width() + ", trained on " + meta.grid() + "^3) on "
                    + emulator.describeDevice() + "; D3M = " + Emulator.describeAveraging(symmetries));
            PaperTable.Result r = PaperTable.run(trained, list, pkDir,
                    (za, om, z, p) -> emulator.predict(za, om, z, true, p), cfg, CommandProgress.get());
            ComparisonReport.writePaperTable(out, r, notes);
            table = ComparisonReport.paperTable(r);                 // in ImageJ: the table and Fig. 3's curves
            java.util.Map<String, ij.gui.Plot> plots = ComparisonReport.plots(r.cosmologies().get(0).curves(), null);
            transfer_plot = plots.get("transfer-density");
            stochasticity_plot = plots.get("stochasticity-density");
            summary = PaperTableFiles.markdown(r, notes) + "\nwritten to " + out;
        }
    }
}
