package org.d3m.commands;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.d3m.core.cosmology.LinearPower;
import org.d3m.ij.results.Plots;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** The linear matter power spectrum at z = 0 on log-spaced k, with its sigma8. */
@Plugin(type = Command.class, name = "linear-power", menuPath = "Plugins>D3M>Cosmology>Linear Power...", visible = false)
public class LinearPowerCommand extends CosmologyParameters {

    @Parameter(description = "smallest k [h/Mpc]")
    double k_min = 1e-3;
    @Parameter(description = "largest k [h/Mpc]")
    double k_max = 10;
    /** The most k values a table may have: a million rows (16 MB of doubles) is already far more than a plot shows. */
    static final int MAX_POINTS = 1_000_000;

    @Parameter(description = "number of log-spaced k values, 2 to 1000000")
    int points = 200;
    @Parameter(required = false, description = "CSV of k [h/Mpc] and P [(Mpc/h)^3]")
    File output;
    @Parameter(required = false, description = "PNG of P(k) on log axes")
    File plot_output;
    @Parameter(type = ItemIO.OUTPUT)
    ResultsTable table;
    @Parameter(type = ItemIO.OUTPUT)
    Plot plot;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        if (!(k_min > 0 && k_max > k_min) || points < 2) {
            throw new IllegalArgumentException("need 0 < k_min < k_max and points >= 2");
        }
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("points must be in [2, " + MAX_POINTS + "], got " + points);
        }
        OutputGuard.of(this).csv(output).png(plot_output).check();
        LinearPower p = power();
        if (k_min < p.kMin() || k_max > p.kMax()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "k range [%g, %g] h/Mpc is outside the spectrum's [%g, %g]", k_min, k_max, p.kMin(), p.kMax()));
        }
        double[] k = new double[points];
        double[] pk = new double[points];
        for (int i = 0; i < points; i++) {
            k[i] = k_min * Math.pow(k_max / k_min, i / (points - 1.0));
            pk[i] = p.at(k[i]);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("k [h/Mpc]", k);
        cols.put("P [(Mpc/h)^3]", pk);
        Outputs.csv(output, cols.keySet().toArray(new String[0]), new double[][] {k, pk});
        table = Plots.table(cols);
        plot = Plots.plot("Linear P(k) at z=0", "k [h/Mpc]", "P(k) [(Mpc/h)^3]", true, true, k, Map.of("linear", pk));
        if (Outputs.given(plot_output)) {
            Plots.savePng(plot, plot_output);
        }
        summary = String.format(Locale.ROOT, "sigma8 = %.4f from %s", p.sigma8(), p.describe());
    }
}
