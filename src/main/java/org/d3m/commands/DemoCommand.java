package org.d3m.commands;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.d3m.core.analysis.PointwiseError;
import org.d3m.core.analysis.PowerSpectrum;
import org.d3m.core.analysis.SpectraCsv;
import org.d3m.core.analysis.Spectrum;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.AtomicFiles;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.CommandProvenance;
import org.d3m.ij.fields.FieldFiles;
import org.d3m.ij.fields.FieldImages;
import org.d3m.ij.results.Plots;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The paper's setup for one seed: ZA, 2LPT, FastPM and (where the shipped model fits the box, at z = 0
 * only) D3M displacements at {@code redshift}, their CIC densities and power spectra, written to a
 * folder, with a short summary that gives each field's point-wise error against FastPM. In ImageJ it
 * also opens what the paper's Fig. 1 and 3 show: each field's CIC density (log view), their P(k) in one
 * plot, and a table of the errors.
 */
@Plugin(type = Command.class, name = "demo", menuPath = "Plugins>D3M>Demo Pipeline...", visible = false)
public class DemoCommand extends LinearInputParameters {

    @Parameter(description = "redshift z of every field, in [0, 9) (FastPM from a = 0.1)")
    double redshift = 0;
    @Parameter(description = "folder for the TIFF stacks, spectra.csv and summary.txt")
    File output_dir = new File("out/demo");
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus za_density;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus lpt2_density;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus fastpm_density;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus d3m_density;
    @Parameter(type = ItemIO.OUTPUT)
    Plot plot;
    @Parameter(type = ItemIO.OUTPUT)
    ResultsTable table;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    /** Display names of the fields (the map keys name the files). */
    private static final Map<String, String> NAMES = Map.of("za", "ZA", "2lpt", "2LPT", "fastpm", "FastPM", "d3m", "D3M");

    private static final List<String> FILES = List.of("za-displacement.tif", "za-density.tif", "2lpt-displacement.tif",
            "2lpt-density.tif", "fastpm-displacement.tif", "fastpm-density.tif", "d3m-displacement.tif", "d3m-density.tif",
            "spectra.csv", "summary.txt");

    @Override
    public void run() {
        SimulationSetup s = setup();
        FastPmSolver.Config pm = FastPmSolver.Config.defaults().withRedshift(redshift).withThreads(threads);
        double a = pm.aEnd();
        String epoch = "z=" + Outputs.number(redshift);
        OutputGuard.of(this).folder(output_dir, FILES).check();
        checkBeforeRun(s, 2);
        Progress progress = CommandProgress.get();
        Realization r = new Realization(s);
        progress.report(0.05, "2LPT initial conditions");
        Map<String, VectorField> fields = new LinkedHashMap<>();
        fields.put("za", r.lpt(1, a));
        fields.put("2lpt", r.lpt(2, a));
        VectorField truth = r.fastPm(pm, progress.sub(0.1, 0.8)).displacement();
        fields.put("fastpm", truth);
        String d3m = DemoEmulation.addD3m(s, redshift, fields);
        PowerSpectrum ps = new PowerSpectrum(s.box(), PowerSpectrum.DEFAULT_DK, threads);
        Map<String, Spectrum> spectra = new LinkedHashMap<>();
        String field = linearInputGiven() ? "linear field " + linear_input
                : String.format(Locale.ROOT, "seed %d; sigma8 = %.4f (%s)", s.seed(), r.power().sigma8(), r.power().describe());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "D3M demo: L=%.0f Mpc/h, %d^3 particles, kernel %s, %s; %s%n",
                s.box().size(), s.box().n(), s.kernel().key(), field, epoch));
        double[] probe = {0.05, 0.11, 0.3, 0.5};
        sb.append(String.format(Locale.ROOT, "%-8s %12s   density P(k) [(Mpc/h)^3] at k =", "field", "rms Psi"));
        for (double k : probe) {
            sb.append(String.format(Locale.ROOT, " %9.2f", k));
        }
        sb.append('\n');
        Path dir = OutputGuard.createFolder(output_dir);
        Map<String, double[]> pk = new LinkedHashMap<>();
        Map<String, double[]> rows = new LinkedHashMap<>();
        double[] kBins = null;
        for (Map.Entry<String, VectorField> e : fields.entrySet()) {
            progress.report(0.9, "writing " + e.getKey());
            String name = e.getKey();
            String shown = NAMES.get(name);
            VectorField psi = e.getValue();
            ScalarField delta = Realization.density(psi, 1, threads);
            FieldFiles.write(dir.resolve(name + "-displacement.tif").toFile(), psi,
                    CommandProvenance.of(this, shown + " displacement " + epoch));
            org.d3m.core.io.Provenance dp = CommandProvenance.of(this, shown + " CIC density " + epoch);
            FieldFiles.write(dir.resolve(name + "-density.tif").toFile(), delta, dp);
            ImagePlus view = FieldImages.logDensity(delta, "log10(1+delta) " + shown + " " + source(s) + " " + epoch, dp.toInfo());
            switch (name) {
                case "za" -> za_density = view;
                case "2lpt" -> lpt2_density = view;
                case "fastpm" -> fastpm_density = view;
                default -> d3m_density = view;
            }
            Spectrum pd = ps.auto(delta);
            kBins = pd.k();
            pk.put(shown, pd.p());
            rows.put(shown, new double[] {psi.rms(), psi == truth ? 0 : PointwiseError.of(psi, truth, threads).mean()});
            spectra.put(name + "_density", pd);
            spectra.put(name + "_displacement", ps.auto(psi));
            sb.append(String.format(Locale.ROOT, "%-8s %8.3f Mpc/h  ", name, psi.rms()));
            for (double k : probe) {
                sb.append(String.format(Locale.ROOT, " %9.1f", pd.at(k)));
            }
            sb.append('\n');
        }
        sb.append(DemoEmulation.errors(fields, truth, threads)).append(d3m);
        plot = Plots.plot("P(k) of the demo's densities " + source(s) + " " + epoch, "k [h/Mpc]", "P(k) [(Mpc/h)^3]",
                true, true, kBins, pk);
        table = errorTable(rows);
        try {
            SpectraCsv.write(dir.resolve("spectra.csv"), spectra);
            AtomicFiles.writeString(dir.resolve("summary.txt"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
        }
        progress.report(1, "done");
        summary = sb + "written to " + dir.toAbsolutePath();
    }

    /** One row per field: its rms displacement and its mean point-wise error against FastPM (eq. 6; blank for FastPM). */
    private static ResultsTable errorTable(Map<String, double[]> rows) {
        double[] rms = rows.values().stream().mapToDouble(r -> r[0]).toArray();
        double[] err = rows.values().stream().mapToDouble(r -> r[1] == 0 ? Double.NaN : r[1]).toArray();
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("rms Psi [Mpc/h]", rms);
        cols.put("point-wise error vs FastPM", err);
        ResultsTable rt = Plots.table(cols);
        int i = 0;
        for (String name : rows.keySet()) {
            rt.setLabel(name, i++);
        }
        rt.showRowNumbers(false);
        return rt;
    }
}
