package org.d3m.ij.results;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.gui.Plot;

import org.d3m.core.analysis.Multipoles;

/**
 * 3-point multipoles zeta_l(r1, r2) as a table (one row per l, b1, b2; the same columns as the
 * CSV) and as a plot of the diagonal ratios zeta_l(r, r) / zeta_0(r, r) against r, one curve per l.
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

    /**
     * zeta_l(r, r) / zeta_0(r, r) against the bin centre r [Mpc/h], one curve per l = 1..lmax, each its
     * own colour, on a linear axis (the ratios can be negative). Raw zeta_0 is a triplet count that
     * would hide every other multipole, and the ratio drops the field's units; zeta_0 itself is in the
     * table and the CSV. A plot of lmax = 0 shows zeta_0 (the only curve).
     */
    public static Plot plot(Multipoles m, String title) {
        Map<String, double[]> series = ratios(m);
        double[] r = new double[m.nBins()];
        for (int b = 0; b < r.length; b++) {
            r[b] = m.binCenter(b);
        }
        String y = m.lmax() == 0 ? "zeta_0(r, r)" : "zeta_l(r, r) / zeta_0(r, r)";
        return Plots.plot(title, "r [Mpc/h]", y, false, false, r, series);
    }

    /** The plotted series: "l=1".."l=lmax" with zeta_l(r, r) / zeta_0(r, r) (NaN where zeta_0 is 0), or zeta_0 alone for lmax 0. */
    static Map<String, double[]> ratios(Multipoles m) {
        int bins = m.nBins();
        Map<String, double[]> series = new LinkedHashMap<>();
        if (m.lmax() == 0) {
            double[] z = new double[bins];
            for (int b = 0; b < bins; b++) {
                z[b] = m.get(0, b, b);
            }
            series.put("l=0", z);
            return series;
        }
        for (int l = 1; l <= m.lmax(); l++) {
            double[] z = new double[bins];
            for (int b = 0; b < bins; b++) {
                double z0 = m.get(0, b, b);
                z[b] = z0 == 0 ? Double.NaN : m.get(l, b, b) / z0;
            }
            series.put("l=" + l, z);
        }
        return series;
    }
}
