package org.d3m.core.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.d3m.core.analysis.ComparisonTable;
import org.d3m.core.io.AtomicFiles;

/**
 * A {@link PaperTable.Result} as files: {@code table.csv} (one row per cosmology x model x
 * density/displacement, a mean and a std column per cell, the seed counts) and {@code table.md}
 * (the same as a Markdown table, the cosmologies, the paper's D3M values and the timings).
 */
public final class PaperTableFiles {

    /** The full run the time estimate is given for: the paper's 100 seeds, 10 of them with the 3PCF. */
    static final int FULL_SEEDS = 100;
    static final int FULL_THREE_POINT_SEEDS = 10;

    private PaperTableFiles() {
    }

    /** Writes table.csv and table.md into {@code dir} (atomically, each). */
    public static void write(Path dir, PaperTable.Result result, List<String> notes) {
        try {
            AtomicFiles.writeString(dir.resolve("table.csv"), csv(result));
            AtomicFiles.writeString(dir.resolve("table.md"), markdown(result, notes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the table into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The CSV: columns cosmology, model, field, seeds, then per cell (point-wise, T and r at each probe
     * k, 3PCF) the mean and {@code _std}, then 3PCF_seeds. Absent cells are NaN (no point-wise error on
     * density rows, no 3PCF on displacement rows; std is NaN over fewer than two seeds).
     */
    public static String csv(PaperTable.Result result) {
        String[] h = header(result);
        List<String> head = new ArrayList<>(List.of("cosmology", "model", "field", "seeds"));
        for (int c = 1; c < h.length; c++) {
            head.add(h[c]);
            head.add(h[c] + "_std");
        }
        head.add("3PCF_seeds");
        StringBuilder sb = new StringBuilder(String.join(",", head)).append('\n');
        for (PaperTable.CosmologyResult cr : result.cosmologies()) {
            for (ComparisonTable.Row r : cr.table().rows()) {
                String[] mf = modelAndField(r.label());
                sb.append(cr.cosmology().key()).append(',').append(mf[0]).append(',').append(mf[1]).append(',')
                        .append(cr.table().seeds());
                for (int c = 0; c < r.mean().length; c++) {
                    sb.append(',').append(r.mean()[c]).append(',').append(r.std()[c]);
                }
                sb.append(',').append(r.count()[r.count().length - 1]).append('\n');
            }
        }
        return sb.toString();
    }

    /** The Markdown report: notes, the table (mean ± std), the cosmologies, the paper's D3M row, timings. */
    public static String markdown(PaperTable.Result result, List<String> notes) {
        PaperTable.Config cfg = result.config();
        StringBuilder sb = new StringBuilder("# The paper's Table 1, reproduced\n\n");
        sb.append(String.format(Locale.ROOT, "- seeds %d..%d (%d per cosmology); the 3PCF on the first %d%n",
                cfg.seedOffset(), cfg.lastSeed(), cfg.seeds(), cfg.threePointSeeds()));
        sb.append(String.format(Locale.ROOT, "- FastPM: %d steps from a = %s to %s (z = %s), force mesh factor %d;"
                + " ZA, 2LPT and the statistics at the same z, on the particle grid%n", cfg.pm().steps(),
                PaperTable.num(cfg.pm().aStart()), PaperTable.num(cfg.a()), PaperTable.num(cfg.pm().redshift()),
                cfg.pm().meshFactor()));
        for (String n : notes) {
            sb.append("- ").append(n.replace('\n', ' ')).append('\n');
        }
        sb.append("\nMean ± seed-to-seed standard deviation. Point-wise: mean |Psi_pred - Psi_true| / |Psi_true|;"
                + " T = sqrt(P_pred / P_true), r = P_cross / sqrt(P_pred P_true) at k [h/Mpc]; 3PCF: relative residual"
                + " of the multipoles l <= " + cfg.statistics().lmax() + " in " + cfg.statistics().bins()
                + " bins up to " + PaperTable.num(cfg.statistics().rMax()) + " Mpc/h, estimator "
                + cfg.statistics().estimator().describe() + ".\n\n");
        String[] h = header(result);
        sb.append("| cosmology | model | field |");
        for (int c = 1; c < h.length; c++) {
            sb.append(' ').append(h[c].equals("pointwise") ? "point-wise" : h[c]).append(" |");
        }
        sb.append('\n').append("| --- ".repeat(h.length + 2)).append("|\n");
        for (PaperTable.CosmologyResult cr : result.cosmologies()) {
            for (ComparisonTable.Row r : cr.table().rows()) {
                String[] mf = modelAndField(r.label());
                sb.append("| ").append(cr.cosmology().key()).append(" | ").append(mf[0]).append(" | ").append(mf[1]).append(" |");
                for (int c = 0; c < r.mean().length; c++) {
                    sb.append(' ').append(cell(r.mean()[c], r.std()[c], r.count()[c])).append(" |");
                }
                sb.append('\n');
            }
        }
        sb.append("\n## Cosmologies\n\n| cosmology | what | linear P(k) at z = 0 | sigma8 | rms FastPM displacement [Mpc/h] |\n"
                + "| --- | --- | --- | --- | --- |\n");
        for (PaperTable.CosmologyResult cr : result.cosmologies()) {
            sb.append("| ").append(cr.cosmology().key()).append(" | ").append(cr.cosmology().describe()).append(" | ")
                    .append(cr.spectrum().replace('|', '/')).append(" | ").append(fmt(cr.sigma8(), 4)).append(" | ")
                    .append(fmt(cr.fastPmRms(), 3)).append(" |\n");
        }
        sb.append("\n## The paper's D3M (He et al. 2019, Table 1; density T and r)\n\n"
                + "| cosmology | point-wise | T(0.11) | r(0.11) | T(0.50) | r(0.50) | 3PCF |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        for (PaperTable.CosmologyResult cr : result.cosmologies()) {
            sb.append("| ").append(cr.cosmology().key()).append(" |");
            for (double v : cr.cosmology().paperD3m()) {
                sb.append(' ').append(fmt(v, v < 0.1 ? 4 : 2)).append(" |");
            }
            sb.append('\n');
        }
        PaperTable.Timings t = result.timings();
        sb.append(String.format(Locale.ROOT, "%n## Time%n%n%.1f s in all over %d runs (cosmology x seed): FastPM %.1f s,"
                        + " ZA and 2LPT %.1f s, D3M %.1f s, statistics %.1f s, statistics with the 3PCF %.1f s (%d runs)."
                        + " Per run %.2f s", t.total(), t.runs(), t.fastPm(), t.lpt(), t.predictor(), t.statistics(),
                t.statisticsWithThreePoint(), t.threePointRuns(), t.perRun()));
        if (t.threePointRuns() > 0) {
            sb.append(String.format(Locale.ROOT, ", plus %.1f s with the 3PCF. At these costs %d seeds with the 3PCF on"
                    + " %d would take about %.0f min for these %d cosmologies", t.threePointExtra(), FULL_SEEDS,
                    FULL_THREE_POINT_SEEDS, t.estimate(result.cosmologies().size(), FULL_SEEDS, FULL_THREE_POINT_SEEDS) / 60,
                    result.cosmologies().size()));
        }
        sb.append(".\n");
        return sb.toString();
    }

    private static String[] header(PaperTable.Result result) {
        return new ComparisonTable(result.config().statistics().kProbe()).header();
    }

    /** "ZA density" -> {"ZA", "density"}. */
    static String[] modelAndField(String label) {
        int sp = label.lastIndexOf(' ');
        return new String[] {label.substring(0, sp), label.substring(sp + 1)};
    }

    private static String cell(double mean, double std, int count) {
        if (Double.isNaN(mean)) {
            return "–";
        }
        return count > 1 ? fmt(mean, 4) + " ± " + fmt(std, 4) : fmt(mean, 4);
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
