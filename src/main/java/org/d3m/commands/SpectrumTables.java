package org.d3m.commands;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d3m.core.analysis.Spectrum;
import org.d3m.core.analysis.SpectrumRows;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.ij.results.Plots;

/** Spectra of a command as a CSV file, a ResultsTable and a log-log plot (PNG when asked). */
final class SpectrumTables {

    private SpectrumTables() {
    }

    static <T> T sameKind(Object field, Class<T> kind, Box box) {
        if (!kind.isInstance(field)) {
            throw new IllegalArgumentException("input2 must be a " + (kind == VectorField.class ? "displacement" : "scalar field")
                    + " like input");
        }
        Box other = field instanceof VectorField v ? v.box() : ((ScalarField) field).box();
        if (other.n() != box.n() || Math.abs(other.size() - box.size()) > 1e-6 * box.size()) {
            throw new IllegalArgumentException("input2 (grid " + other.n() + ", L " + other.size()
                    + ") does not match input (grid " + box.n() + ", L " + box.size() + ")");
        }
        return kind.cast(field);
    }

    /** Units of a power spectrum: (Mpc/h)^3 for a density, (Mpc/h)^5 for a displacement [Mpc/h]. */
    static String unit(boolean displacement) {
        return displacement ? "(Mpc/h)^5" : "(Mpc/h)^3";
    }

    /**
     * Non-empty bins ({@link SpectrumRows}: k the mean of the modes) as a table: "k [h/Mpc]", "modes", then one column per spectrum named with its
     * unit ({@link #column}); written as CSV with the same header when {@code csv} is given.
     */
    static ResultsTable table(Map<String, Spectrum> spectra, File csv, String unit) {
        SpectrumRows first = SpectrumRows.of(spectra.values().iterator().next());
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("k [h/Mpc]", first.k());
        cols.put("modes", first.modeCounts());
        spectra.forEach((name, s) -> cols.put(column(name, spectra.size(), unit), SpectrumRows.of(s).p()));
        Outputs.csv(csv, cols.keySet().toArray(new String[0]), cols.values().toArray(new double[0][]));
        return Plots.table(cols);
    }

    /**
     * The column of spectrum {@code name} ("P_1", "P_2", "P_cross"): "P [unit]" when it is the
     * only one, else "P1 [unit]", "P2 [unit]" and "P12 [unit]" (the cross spectrum).
     */
    static String column(String name, int count, String unit) {
        String p = count == 1 ? "P" : name.equals("P_cross") ? "P12" : name.replace("_", "");
        return p + " [" + unit + "]";
    }

    /** Log-log plot of the auto spectra (cross spectra can be negative and are left out). */
    static Plot plot(String title, Map<String, Spectrum> spectra, File png, String unit) {
        SpectrumRows first = SpectrumRows.of(spectra.values().iterator().next());
        Map<String, double[]> series = new LinkedHashMap<>();
        spectra.forEach((name, s) -> {
            if (!name.contains("cross")) {
                series.put(name, SpectrumRows.of(s).p());
            }
        });
        Plot plot = Plots.plot(title, "k [h/Mpc]", "P(k) [" + unit + "]", true, true, first.k(), series);
        if (Outputs.given(png)) {
            Plots.savePng(plot, png);
        }
        return plot;
    }

    /** The values of {@code a} at the given bins (transfer and stochasticity on a comparison's non-empty bins). */
    static double[] pick(double[] a, int[] bins) {
        double[] out = new double[bins.length];
        for (int i = 0; i < bins.length; i++) {
            out[i] = a[bins[i]];
        }
        return out;
    }
}
