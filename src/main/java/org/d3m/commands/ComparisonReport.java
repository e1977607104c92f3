package org.d3m.commands;

import ij.measure.ResultsTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.ComparisonTable;
import org.d3m.core.analysis.SpectraCsv;
import org.d3m.core.analysis.Spectrum;
import org.d3m.core.io.AtomicFiles;
import org.d3m.core.io.Csv;
import org.d3m.core.validation.PaperTable;
import org.d3m.core.validation.PaperTableFiles;
import org.d3m.ij.results.Plots;

/**
 * Files of a comparison in a folder: {@code table.csv} and {@code table.txt} (the paper's Table 1
 * layout), {@code spectra.csv} (P, T, r, 1 - r^2 per field, density and displacement), and PNGs of
 * P(k), T(k) and 1 - r^2 for density and displacement.
 */
final class ComparisonReport {

    private ComparisonReport() {
    }

    /** The files a report writes into its folder. */
    static final List<String> FILES = List.of("table.csv", "table.txt", "spectra.csv", "power-density.png",
            "transfer-density.png", "stochasticity-density.png", "power-displacement.png", "transfer-displacement.png",
            "stochasticity-displacement.png");

    /** Writes the table files (when {@code dir} is not null) and returns the table as a ResultsTable. */
    static ResultsTable writeTable(Path dir, ComparisonTable table) {
        String[] h = table.header();
        List<ComparisonTable.Row> rows = table.rows();
        ResultsTable rt = new ResultsTable();
        List<String> header = new ArrayList<>(List.of("row"));
        for (int c = 1; c < h.length; c++) {
            header.add(h[c]);
            header.add(h[c] + "_std");
        }
        double[][] cols = new double[header.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ComparisonTable.Row r = rows.get(i);
            rt.incrementCounter();
            rt.addLabel(r.label());
            cols[0][i] = i;
            for (int c = 0; c < r.mean().length; c++) {
                cols[1 + 2 * c][i] = r.mean()[c];
                cols[2 + 2 * c][i] = r.std()[c];
                rt.addValue(h[c + 1], r.mean()[c]);
                if (table.seeds() > 1) {
                    rt.addValue(h[c + 1] + " std", r.std()[c]);
                }
            }
        }
        org.d3m.ij.results.Plots.tidy(rt);
        if (dir == null) {
            return rt;
        }
        try {
            StringBuilder labels = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                labels.append("# row ").append(i).append(" = ").append(rows.get(i).label()).append('\n');
            }
            Csv.write(dir.resolve("table.csv"), header.toArray(String[]::new), cols);
            AtomicFiles.writeString(dir.resolve("table.txt"), table.format() + labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the table into " + dir + ": " + e.getMessage(), e);
        }
        return rt;
    }

    /** Writes spectra.csv and the PNG plots for one set of results (e.g. one seed or one comparison). */
    static void writeCurves(Path dir, List<Comparison.Result> results) {
        Map<String, Spectrum> spectra = new LinkedHashMap<>();
        for (Map.Entry<String, ij.gui.Plot> e : plots(results, spectra).entrySet()) {
            Plots.savePng(e.getValue(), dir.resolve(e.getKey() + ".png").toFile());
        }
        try {
            SpectraCsv.write(dir.resolve("spectra.csv"), spectra);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spectra into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The paper's Fig. 3 curves of the results as plots, keyed by file stem ("power-density",
     * "transfer-density", "stochasticity-density", then the same for "displacement"): P(k) of the
     * truth and each prediction, T(k) and 1 - r^2 of each. Adds the spectra to {@code spectra} (for
     * spectra.csv) when it is not null.
     */
    static Map<String, ij.gui.Plot> plots(List<Comparison.Result> results, Map<String, Spectrum> spectra) {
        Map<String, ij.gui.Plot> out = new LinkedHashMap<>();
        for (String kind : new String[] {"density", "displacement"}) {
            Map<String, double[]> power = new LinkedHashMap<>();
            Map<String, double[]> transfer = new LinkedHashMap<>();
            Map<String, double[]> stoch = new LinkedHashMap<>();
            int[] bins = null;
            double[] k = null;
            for (Comparison.Result r : results) {
                Comparison.Spectra s = kind.equals("density") ? r.density() : r.displacement();
                if (bins == null) {
                    bins = s.truth().nonEmptyBins();
                    k = SpectrumTables.pick(s.truth().k(), bins);
                    power.put("truth", SpectrumTables.pick(s.truth().p(), bins));
                    if (spectra != null) {
                        spectra.put("truth_" + kind, s.truth());
                    }
                }
                power.put(r.name(), SpectrumTables.pick(s.pred().p(), bins));
                transfer.put(r.name(), SpectrumTables.pick(s.stats().t(), bins));
                stoch.put(r.name(), SpectrumTables.pick(s.stats().stochasticity(), bins));
                if (spectra != null) {
                    spectra.put(r.name() + "_" + kind, s.pred());
                    spectra.put(r.name() + "_" + kind + "_cross", s.cross());
                }
            }
            String unit = kind.equals("density") ? "P(k) [(Mpc/h)^3]" : "P_Psi(k) [(Mpc/h)^5]";
            out.put("power-" + kind, Plots.plot("P(k) of " + kind, "k [h/Mpc]", unit, true, true, k, power));
            out.put("transfer-" + kind, Plots.plot("Transfer function T(k) of " + kind, "k [h/Mpc]",
                    "T(k) = sqrt(P_pred/P_true)", false, false, k, transfer));
            out.put("stochasticity-" + kind, Plots.plot("Stochasticity 1 - r^2 of " + kind, "k [h/Mpc]", "1 - r(k)^2",
                    false, true, k, stoch));
        }
        return out;
    }

    /**
     * A reproduced Table 1 as a ResultsTable: a row per cosmology, model and field (label "trained D3M
     * displacement"), the mean of each cell (point-wise, T and r at the probe k, 3PCF), empty where a
     * cell does not apply.
     */
    static ResultsTable paperTable(PaperTable.Result result) {
        ResultsTable rt = new ResultsTable();
        for (PaperTable.CosmologyResult c : result.cosmologies()) {
            String[] h = c.table().header();
            for (ComparisonTable.Row r : c.table().rows()) {
                rt.incrementCounter();
                rt.addLabel(c.cosmology().key() + " " + r.label());
                for (int k = 0; k < r.mean().length; k++) {
                    rt.addValue(h[k + 1], r.mean()[k]);
                }
            }
        }
        org.d3m.ij.results.Plots.tidy(rt);
        return rt;
    }

    /**
     * Writes a reproduced Table 1: table.csv and table.md ({@link PaperTableFiles}) and, per
     * cosmology, a folder named by its key with spectra.csv and the P(k), T(k) and 1 - r^2 plots of
     * ZA, 2LPT and D3M (spectra averaged over the seeds).
     */
    static void writePaperTable(Path dir, PaperTable.Result result, List<String> notes) {
        PaperTableFiles.write(dir, result, notes);
        for (PaperTable.CosmologyResult c : result.cosmologies()) {
            Path sub = dir.resolve(c.cosmology().key());
            try {
                Files.createDirectories(sub);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + sub + ": " + e.getMessage(), e);
            }
            writeCurves(sub, c.curves());
        }
    }
}
