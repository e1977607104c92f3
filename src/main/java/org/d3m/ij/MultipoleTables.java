package org.d3m.ij;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.gui.Plot;

import org.d3m.core.analysis.Multipoles;

/**
 * 3-point multipoles zeta_l(r1, r2) as a table (one row per l, b1, b2; the same columns as the
 * CSV) and as a plot of the diagonal zeta_l(r, r) against r, one curve per l.
 */
public final class MultipoleTables {

    /** Unit of zeta: with unit weights the estimator sums P_l over particle triplets (a count). */
    public static final String ZETA = "zeta [triplets]";

    private MultipoleTables() {
    }

    /** Columns l, b1, b2, r1 [Mpc/h], r2 [Mpc/h], zeta [triplets], rows in (l, b1, b2) order. */
    public static Map<String, double[]> columns(Multipoles m) {
        int bins = m.nBins();
        int rows = (m.lmax() + 1) * bins * bins;
        String[] names = {"l", "b1", "b2", "r1 [Mpc/h]", "r2 [Mpc/h]", ZETA};
        double[][] cols = new double[names.length][rows];
        int i = 0;
        for (int l = 0; l <= m.lmax(); l++) {
            for (int b1 = 0; b1 < bins; b1++) {
                for (int b2 = 0; b2 < bins; b2++, i++) {
                    cols[0][i] = l;
                    cols[1][i] = b1;
                    cols[2][i] = b2;
                    cols[3][i] = m.binCenter(b1);
                    cols[4][i] = m.binCenter(b2);
                    cols[5][i] = m.get(l, b1, b2);
                }
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            out.put(names[c], cols[c]);
        }
        return out;
    }

    /** zeta_l(r, r) against the bin centre r [Mpc/h], one curve per l, linear axes (zeta_l can be negative). */
    public static Plot plot(Multipoles m, String title) {
        int bins = m.nBins();
        double[] r = new double[bins];
        Map<String, double[]> series = new LinkedHashMap<>();
        for (int b = 0; b < bins; b++) {
            r[b] = m.binCenter(b);
        }
        for (int l = 0; l <= m.lmax(); l++) {
            double[] z = new double[bins];
            for (int b = 0; b < bins; b++) {
                z[b] = m.get(l, b, b);
            }
            series.put("l=" + l, z);
        }
        return Plots.plot(title, "r [Mpc/h]", "zeta_l(r, r) [triplets]", false, false, r, series);
    }
}
