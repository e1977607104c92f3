package org.d3m.ij.results;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import org.d3m.core.io.AtomicFiles;
import org.d3m.core.io.TempFiles;

/**
 * Curves (spectra, transfer functions, 1 - r^2 ...) as ImageJ plots and tables. Inputs are plain
 * arrays so that commands need no ImageJ knowledge. Headless, a plot is saved as PNG (through its
 * ImagePlus, no display needed) and a table as CSV; both writes are atomic.
 */
public final class Plots {

    /** Line colours, in series order (cycled after 12: the 3PCF plot's l = 1..10 all differ). */
    static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), Color.black,
        new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f), new Color(0xaec7e8)
    };

    /** The colour of the i-th series of a plot (0-based). */
    public static Color color(int i) {
        return COLORS[i % COLORS.length];
    }

    private Plots() {
    }

    /**
     * A line plot of each series against {@code x}, with a legend (the map's keys, in its
     * order) and axis labels that should carry units, e.g. "k [h/Mpc]", "P(k) [(Mpc/h)^3]". On a
     * log axis, points with a non-positive coordinate are left out (NaN, a gap).
     */
    public static Plot plot(String title, String xLabel, String yLabel, boolean logX, boolean logY,
                            double[] x, Map<String, double[]> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("plot '" + title + "' has no series");
        }
        Plot plot = new Plot(title, xLabel, yLabel);
        StringBuilder legend = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = e.getValue();
            if (y.length != x.length) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + y.length + " points, x has " + x.length);
            }
            double[] xs = new double[x.length];
            double[] ys = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                boolean bad = (logX && !(x[j] > 0)) || (logY && !(y[j] > 0));
                xs[j] = bad ? Double.NaN : x[j];
                ys[j] = bad ? Double.NaN : y[j];
            }
            plot.setColor(color(i));
            plot.setLineWidth(1.5f);
            plot.addPoints(xs, ys, Plot.LINE);
            legend.append(i > 0 ? "\n" : "").append(e.getKey());
            i++;
        }
        if (logX) {
            plot.setLogScaleX();
        }
        if (logY) {
            plot.setLogScaleY();
        }
        plot.setColor(Color.black);
        plot.addLegend(legend.toString(), "auto");
        plot.setLimitsToFit(false);
        return plot;
    }

    /** Saves the rendered plot as PNG (works headless). */
    public static void savePng(Plot plot, File out) {
        ImagePlus imp = plot.getImagePlus();
        atomic(out, ".png", tmp -> new FileSaver(imp).saveAsPng(tmp.toString()));
    }

    /**
     * A ResultsTable with one column per entry (keys are headings with their unit, e.g.
     * "P [(Mpc/h)^3]", in map order); all columns must have the same length; shown as {@link #tidy}
     * says.
     */
    public static ResultsTable table(Map<String, double[]> columns) {
        int rows = -1;
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (rows >= 0 && e.getValue().length != rows) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + e.getValue().length + " rows, expected " + rows);
            }
            rows = e.getValue().length;
        }
        ResultsTable rt = new ResultsTable();
        for (int r = 0; r < Math.max(rows, 0); r++) {
            rt.incrementCounter();
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                rt.addValue(e.getKey(), e.getValue()[r]);
            }
        }
        tidy(rt);
        rt.showRowNumbers(false);
        return rt;
    }

    /**
     * Shows {@code rt} as a person reads a table: a column of whole numbers (mode counts, bin
     * indices) as integers; a column whose values span at most four decades between 1e-3 and 1e5 in
     * fixed notation with enough decimals for 4 significant digits of its smallest value (0.04909,
     * 2.500); any other column in scientific notation with 5 significant digits (1.2346E4); NaN (a
     * cell that does not apply) as an empty cell.
     */
    public static void tidy(ResultsTable rt) {
        rt.setNaNEmptyCells(true); // cells of a column added later are NaN, not 0
        if (rt.size() == 0) {
            return;
        }
        for (int c = 0; c <= rt.getLastColumn(); c++) {
            if (!rt.columnExists(c)) {
                continue;
            }
            double[] values = rt.getColumnAsDoubles(c);
            rt.setDecimalPlaces(c, decimalPlaces(values));
            for (int r = 0; r < values.length; r++) {
                if (Double.isNaN(values[r])) {
                    rt.setValue(c, r, ""); // shown (and saved) empty; getValue still gives NaN
                }
            }
        }
    }

    /** The decimal places {@link #tidy} gives a column: 0 for integers, negative for scientific notation. */
    static int decimalPlaces(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean whole = true;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            whole &= v == Math.rint(v) && Math.abs(v) <= 1e15;
            double a = Math.abs(v);
            if (a > 0) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
        }
        if (whole) {
            return 0;
        }
        if (hi >= 1e5 || lo < 1e-3 || hi > 1e4 * lo) {
            return -4;
        }
        return (int) Math.max(0, Math.min(7, 3 - Math.floor(Math.log10(lo))));
    }

    /** Saves a table as CSV with a header row (works headless; ResultsTable.show does not). */
    public static void saveCsv(ResultsTable rt, File out) {
        atomic(out, ".csv", tmp -> rt.save(tmp.toString()));
    }

    /** A save action that reports success. */
    @FunctionalInterface
    private interface Saver {
        boolean save(Path tmp);
    }

    private static void atomic(File out, String suffix, Saver saver) {
        AtomicFiles.checkWritable(out.toPath());
        Path target;
        Path tmp;
        try {
            target = TempFiles.target(out.toPath());
            tmp = TempFiles.create(target, suffix);
        } catch (IOException e) {
            throw unchecked(e);
        }
        boolean ok = false;
        try {
            if (!saver.save(tmp)) {
                throw new IllegalArgumentException("cannot write output " + out);
            }
            TempFiles.commit(tmp, target);
            ok = true;
        } catch (IOException e) {
            throw unchecked(e);
        } finally {
            if (!ok) {
                TempFiles.discard(tmp);
            }
        }
    }

    /** An I/O failure as an unchecked exception whose message is one line (as the field writers give). */
    private static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
}
