package org.d3m.core.analysis;

import java.util.Arrays;

/**
 * Particles of a periodic cubic box sorted into a uniform grid of cells, for neighbour searches
 * within a radius rMax &lt;= L/2. Positions are wrapped into [0, L) and stored in cell order.
 */
final class CellList {

    final double[] x;
    final double[] y;
    final double[] z;
    final double[] w;
    private final int nc;
    private final double cell;
    private final double box;
    private final double rMax;
    private final int[] start;
    /** Per-axis candidate cells of one query: index and squared distance along that axis. */
    private final ThreadLocal<double[][]> axisScratch;

    CellList(double[] px, double[] py, double[] pz, double[] weights, double box, double rMax,
             int cellsPerRMax, int maxCellsPerSide) {
        int n = px.length;
        this.box = box;
        this.rMax = rMax;
        int ncWanted = (int) Math.floor(box / (rMax / cellsPerRMax));
        nc = Math.max(1, Math.min(maxCellsPerSide, ncWanted));
        cell = box / nc;
        int ncell = nc * nc * nc;
        int[] cellOf = new int[n];
        int[] count = new int[ncell + 1];
        double[] wx = new double[n];
        double[] wy = new double[n];
        double[] wz = new double[n];
        for (int i = 0; i < n; i++) {
            wx[i] = wrap(px[i]);
            wy[i] = wrap(py[i]);
            wz[i] = wrap(pz[i]);
            int c = (axisCell(wx[i]) * nc + axisCell(wy[i])) * nc + axisCell(wz[i]);
            cellOf[i] = c;
            count[c + 1]++;
        }
        for (int c = 0; c < ncell; c++) {
            count[c + 1] += count[c];
        }
        start = count.clone();
        int[] fill = Arrays.copyOf(count, ncell);
        x = new double[n];
        y = new double[n];
        z = new double[n];
        w = new double[n];
        // stable counting sort: particles keep their input order within a cell
        for (int i = 0; i < n; i++) {
            int k = fill[cellOf[i]]++;
            x[k] = wx[i];
            y[k] = wy[i];
            z[k] = wz[i];
            w[k] = weights == null ? 1 : weights[i];
        }
        axisScratch = ThreadLocal.withInitial(() -> new double[6][nc]);
    }

    private double wrap(double v) {
        double u = v - box * Math.floor(v / box);
        return u >= box ? 0 : u;
    }

    private int axisCell(double v) {
        int c = (int) (v / cell);
        return c >= nc ? nc - 1 : c;
    }

    /** Largest number of ints {@link #nearbyRanges} can write. */
    int maxRanges() {
        return 2 * nc * nc * nc;
    }

    /**
     * Writes [from, to) index ranges (in sorted order) of every cell that has a point within rMax of
     * (px, py, pz) under the minimum image; returns the number of ints written. Each cell appears
     * once even when rMax is comparable with L/2.
     */
    int nearbyRanges(double px, double py, double pz, int[] out) {
        double[][] s = axisScratch.get();
        int nx = axisCells(px, s[0], s[1]);
        int ny = axisCells(py, s[2], s[3]);
        int nz = axisCells(pz, s[4], s[5]);
        double r2 = rMax * rMax * (1 + 1e-12);
        int k = 0;
        for (int a = 0; a < nx; a++) {
            int cx = (int) s[0][a];
            double dx2 = s[1][a];
            for (int b = 0; b < ny; b++) {
                double dxy2 = dx2 + s[3][b];
                if (dxy2 > r2) {
                    continue;
                }
                int cxy = (cx * nc + (int) s[2][b]) * nc;
                for (int c = 0; c < nz; c++) {
                    if (dxy2 + s[5][c] > r2) {
                        continue;
                    }
                    int cc = cxy + (int) s[4][c];
                    int from = start[cc];
                    int to = start[cc + 1];
                    if (to > from) {
                        // merge with the previous range when contiguous (neighbouring z cells)
                        if (k > 0 && out[k - 1] == from) {
                            out[k - 1] = to;
                        } else {
                            out[k++] = from;
                            out[k++] = to;
                        }
                    }
                }
            }
        }
        return k;
    }

    /** Cells along one axis within rMax of coordinate p (periodic); returns how many. */
    private int axisCells(double p, double[] idx, double[] d2) {
        int k = 0;
        double half = 0.5 * box;
        for (int c = 0; c < nc; c++) {
            double centre = (c + 0.5) * cell;
            double d = p - centre;
            d -= box * Math.floor(d / box + 0.5);
            if (d > half) {
                d -= box;
            }
            double gap = Math.max(0, Math.abs(d) - 0.5 * cell);
            if (gap <= rMax) {
                idx[k] = c;
                d2[k] = gap * gap;
                k++;
            }
        }
        return k;
    }
}
