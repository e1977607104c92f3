package org.d3m.commands;

import ij.measure.ResultsTable;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.ThreePointEstimator;
import org.d3m.core.analysis.ComparisonTable;
import org.d3m.core.analysis.SpectrumAverage;
import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.CommandProvenance;
import org.d3m.ij.fields.FieldFiles;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * 2LPT (and optionally ZA) against FastPM over a set of seeds, all at {@code redshift}: the paper's
 * Table 1 averaged over seeds with the seed-to-seed scatter. Fields are computed on the fly, or read from
 * {@code input_dir/seed-S/{fastpm,2lpt,za}-displacement.tif} (the layout {@code save_dir} and the
 * demo write).
 */
@Plugin(type = Command.class, name = "ensemble-compare", menuPath = "Plugins>D3M>Analyze>Ensemble Compare...", visible = false)
public class EnsembleCompareCommand extends SetupParameters {

    @Parameter(description = "number of seeds: seed, seed+1, ...")
    int seeds = 10;
    @Parameter(description = "also compare ZA with FastPM")
    boolean include_za = false;
    @Parameter(description = "compute the 3PCF residual")
    boolean three_point = true;
    @Parameter(choices = {"mesh", "particles"}, description = "3PCF estimator: mesh = CIC density 1 + delta on the"
            + " comparison mesh by FFT (about 0.6-0.9 s of CPU per 32^3 field; the closest to the paper's 2LPT of those tried);"
            + " particles = unit-weight particles by pair counts (about 19 s of CPU per field)")
    String three_point_estimator = "mesh";
    @Parameter(description = "FastPM steps")
    int steps = 10;
    @Parameter(description = "redshift z of the fields, in [0, 9) (FastPM from a = 0.1); not used with input_dir")
    double redshift = 0;
    @Parameter(description = "FastPM force mesh factor B")
    int mesh_factor = 2;
    @Parameter(required = false, description = "read fields from input_dir/seed-S/ instead of computing them")
    File input_dir;
    @Parameter(required = false, description = "write the computed fields to save_dir/seed-S/")
    File save_dir;
    @Parameter(required = false, description = "folder for table.csv, table.txt, spectra.csv and plots")
    File output_dir;
    @Parameter(type = ItemIO.OUTPUT)
    ResultsTable table;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        SimulationSetup base = setup();
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        if (Outputs.given(input_dir) && Outputs.given(save_dir)) {
            throw new IllegalArgumentException("save_dir is not used with input_dir (the fields are read, not computed); leave one out");
        }
        if (Outputs.given(input_dir) && redshift != 0) {
            throw new IllegalArgumentException("redshift=" + Outputs.number(redshift)
                    + " is not used with input_dir (the fields are read, not computed); leave it out");
        }
        FastPmSolver.Config cfg = FastPmSolver.Config.defaults().withSteps(steps).withRedshift(redshift).withMeshFactor(mesh_factor)
                .withThreads(threads);
        OutputGuard.of(this).folder(output_dir, ComparisonReport.FILES).folder(save_dir, savedFiles()).check();
        checkBeforeRun(base, mesh_factor);
        Progress progress = CommandProgress.get();
        Comparison c = new Comparison(Comparison.Settings.paper(threads).withThreePoint(three_point)
                .withEstimator(ThreePointEstimator.parse(three_point_estimator)));
        ComparisonTable tab = new ComparisonTable(c.settings().kProbe());
        SpectrumAverage avg = new SpectrumAverage();
        for (int i = 0; i < seeds; i++) {
            SimulationSetup s = base.withSeed(seed + i);
            Progress p = progress.sub((double) i / seeds, (i + 1.0) / seeds);
            p.report(0, "seed " + s.seed() + " (" + (i + 1) + "/" + seeds + ")");
            Map<String, VectorField> f = fields(s, cfg, p.sub(0, 0.3));
            p.checkCancelled();
            p.report(0.3, "seed " + s.seed() + ": statistics");
            Comparison.Truth truth = c.truth(f.get("fastpm"));
            List<Comparison.Result> results = new ArrayList<>();
            results.add(c.compare("2LPT", f.get("2lpt"), truth));
            if (include_za) {
                results.add(c.compare("ZA", f.get("za"), truth));
            }
            tab.add(results);
            avg.add(results);
        }
        Path out = Outputs.given(output_dir) ? OutputGuard.createFolder(output_dir) : null;
        if (out != null) {
            ComparisonReport.writeCurves(out, avg.results());
        }
        table = ComparisonReport.writeTable(out, tab);
        summary = (redshift != 0 ? "fields at z=" + Outputs.number(redshift) + "\n" : "") + tab.format()
                + (three_point ? "3PCF estimator " + c.settings().estimator().describe() + "\n" : "");
    }

    private List<String> savedFiles() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            for (String name : new String[] {"fastpm", "2lpt", "za"}) {
                files.add("seed-" + (seed + i) + "/" + name + "-displacement.tif");
            }
        }
        return files;
    }

    private Map<String, VectorField> fields(SimulationSetup s, FastPmSolver.Config cfg, Progress p) {
        Map<String, VectorField> f = new LinkedHashMap<>();
        if (Outputs.given(input_dir)) {
            Path d = input_dir.toPath().resolve("seed-" + s.seed());
            for (String name : include_za ? new String[] {"fastpm", "2lpt", "za"} : new String[] {"fastpm", "2lpt"}) {
                f.put(name, FieldFiles.readVector(d.resolve(name + "-displacement.tif").toFile(), box_size));
            }
            return f;
        }
        Realization r = new Realization(s);
        f.put("fastpm", r.fastPm(cfg, p).displacement());
        f.put("2lpt", r.lpt(2, cfg.aEnd()));
        f.put("za", r.lpt(1, cfg.aEnd()));
        if (Outputs.given(save_dir)) {
            Path d = OutputGuard.createFolder(save_dir.toPath().resolve("seed-" + s.seed()).toFile());
            f.forEach((name, v) -> FieldFiles.write(d.resolve(name + "-displacement.tif").toFile(), v,
                    CommandProvenance.of(this, name + " displacement z=" + Outputs.number(redshift)).put("seed", s.seed())));
        }
        return f;
    }
}
