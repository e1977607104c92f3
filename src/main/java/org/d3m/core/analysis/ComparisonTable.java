package org.d3m.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Comparison results laid out as the paper's Table 1: for each prediction a density row and a
 * displacement row, with columns point-wise error (displacement rows), T and r at each probe k,
 * and the 3PCF residual (density rows). Over an ensemble, each cell is the mean over the seeds that
 * have a value there (NaN = absent: e.g. the 3PCF computed on the first few seeds only) with the
 * seed-to-seed standard deviation.
 */
public final class ComparisonTable {

    /**
     * One table row: a label ("2LPT density") and its cells (NaN where the paper has none), with the
     * number of seeds each cell's mean and standard deviation are taken over ({@code count}; null in
     * a single seed's row).
     */
    public record Row(String label, double[] mean, double[] std, int[] count) {
    }

    private final double[] kProbe;
    private final List<List<Row>> perSeed = new ArrayList<>();

    public ComparisonTable(double[] kProbe) {
        this.kProbe = kProbe.clone();
    }

    /** Column headers: field, point-wise, T(k1), r(k1), ..., 3PCF. */
    public String[] header() {
        List<String> h = new ArrayList<>(List.of("field", "pointwise"));
        for (double k : kProbe) {
            h.add(String.format(Locale.ROOT, "T(%.2f)", k));
            h.add(String.format(Locale.ROOT, "r(%.2f)", k));
        }
        h.add("3PCF");
        return h.toArray(String[]::new);
    }

    /** Adds one seed's results (the same predictions, in the same order, for every seed). */
    public void add(List<Comparison.Result> results) {
        List<Row> rows = new ArrayList<>();
        for (Comparison.Result r : results) {
            rows.add(new Row(r.name() + " density", cells(Double.NaN, r.densityT(), r.densityR(), r.threePointResidual()), null, null));
            rows.add(new Row(r.name() + " displacement",
                    cells(r.pointwise().mean(), r.displacementT(), r.displacementR(), Double.NaN), null, null));
        }
        if (!perSeed.isEmpty() && perSeed.get(0).size() != rows.size()) {
            throw new IllegalArgumentException("every seed must compare the same predictions");
        }
        perSeed.add(rows);
    }

    public int seeds() {
        return perSeed.size();
    }

    private double[] cells(double pointwise, double[] t, double[] r, double threePoint) {
        double[] c = new double[2 + 2 * kProbe.length];
        c[0] = pointwise;
        for (int i = 0; i < kProbe.length; i++) {
            c[1 + 2 * i] = t[i];
            c[2 + 2 * i] = r[i];
        }
        c[c.length - 1] = threePoint;
        return c;
    }

    /**
     * Rows with, per cell, the mean over the seeds that have a value (not NaN) and their sample
     * standard deviation (NaN for fewer than two values); a cell no seed has stays NaN.
     */
    public List<Row> rows() {
        if (perSeed.isEmpty()) {
            return List.of();
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < perSeed.get(0).size(); i++) {
            int cols = perSeed.get(0).get(i).mean().length;
            double[] mean = new double[cols];
            double[] std = new double[cols];
            int[] count = new int[cols];
            for (int c = 0; c < cols; c++) {
                double s = 0;
                int n = 0;
                for (List<Row> seed : perSeed) {
                    double v = seed.get(i).mean()[c];
                    if (!Double.isNaN(v)) {
                        s += v;
                        n++;
                    }
                }
                mean[c] = n > 0 ? s / n : Double.NaN;
                double v2 = 0;
                for (List<Row> seed : perSeed) {
                    double v = seed.get(i).mean()[c];
                    if (!Double.isNaN(v)) {
                        v2 += (v - mean[c]) * (v - mean[c]);
                    }
                }
                std[c] = n > 1 ? Math.sqrt(v2 / (n - 1)) : Double.NaN;
                count[c] = n;
            }
            out.add(new Row(perSeed.get(0).get(i).label(), mean, std, count));
        }
        return out;
    }

    /**
     * Fixed-width text: "mean" per cell, or "mean ± std" where a cell has several seeds; "-" where
     * the paper has none. A footer says how many seeds, and over how many the 3PCF was taken when
     * that differs.
     */
    public String format() {
        String[] h = header();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s", h[0]));
        boolean scatter = perSeed.size() > 1;
        int width = scatter ? 18 : 10;
        for (int i = 1; i < h.length; i++) {
            sb.append(String.format(Locale.ROOT, "%" + width + "s", h[i]));
        }
        sb.append('\n');
        int threePointSeeds = 0;
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "%-24s", r.label()));
            for (int c = 0; c < r.mean().length; c++) {
                String cell = Double.isNaN(r.mean()[c]) ? "-"
                        : r.count()[c] > 1 ? String.format(Locale.ROOT, "%.4f ± %.4f", r.mean()[c], r.std()[c])
                        : String.format(Locale.ROOT, "%.4f", r.mean()[c]);
                sb.append(String.format(Locale.ROOT, "%" + width + "s", cell));
            }
            threePointSeeds = Math.max(threePointSeeds, r.count()[r.count().length - 1]);
            sb.append('\n');
        }
        if (scatter) {
            sb.append(String.format(Locale.ROOT, "mean ± standard deviation over %d seeds", perSeed.size()));
            if (threePointSeeds > 0 && threePointSeeds < perSeed.size()) {
                sb.append(String.format(Locale.ROOT, " (the 3PCF over %d of them)", threePointSeeds));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
