package org.d3m.spark;

import java.util.List;

/**
 * Mean, scatter and covariance over seeds of a per-seed vector (a binned P(k)), in double precision and
 * in seed order, so the mean is the one a loop over the seeds on one machine gets.
 *
 * @param mean per bin
 * @param std  per bin, sample standard deviation (n - 1; NaN for one seed)
 * @param cov  cov[i][j] = sum_s (x_si - mean_i)(x_sj - mean_j) / (n - 1); symmetric by construction
 */
record EnsembleStats(int seeds, double[] mean, double[] std, double[][] cov) {

    static EnsembleStats of(List<double[]> perSeed) {
        int n = perSeed.size();
        int b = perSeed.get(0).length;
        double[] mean = new double[b];
        for (double[] x : perSeed) {
            for (int i = 0; i < b; i++) {
                mean[i] += x[i];
            }
        }
        for (int i = 0; i < b; i++) {
            mean[i] /= n;
        }
        double[][] cov = new double[b][b];
        for (double[] x : perSeed) {
            for (int i = 0; i < b; i++) {
                double di = x[i] - mean[i];
                for (int j = i; j < b; j++) {
                    cov[i][j] += di * (x[j] - mean[j]);
                }
            }
        }
        double[] std = new double[b];
        for (int i = 0; i < b; i++) {
            for (int j = i; j < b; j++) {
                cov[i][j] = n > 1 ? cov[i][j] / (n - 1) : Double.NaN;
                cov[j][i] = cov[i][j];
            }
            std[i] = Math.sqrt(cov[i][i]);
        }
        return new EnsembleStats(n, mean, std, cov);
    }

    /** The correlation matrix cov_ij / sqrt(cov_ii cov_jj) (NaN where a variance is 0). */
    double[][] correlation() {
        int b = mean.length;
        double[][] r = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                double d = Math.sqrt(cov[i][i] * cov[j][j]);
                r[i][j] = d > 0 ? cov[i][j] / d : Double.NaN;
            }
        }
        return r;
    }
}
