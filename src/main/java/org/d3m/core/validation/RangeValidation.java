package org.d3m.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.d3m.core.analysis.PointwiseError;
import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.cosmology.Sigma8;
import org.d3m.core.emulator.CosmologyRanges;
import org.d3m.core.field.VectorField;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;

/**
 * How good an emulator is where a user points it: for each (Omega_m, A_s, z) point and each of
 * {@code seeds} seeds, the point-wise displacement error (mean over particles of |Psi - Psi_FastPM| /
 * |Psi_FastPM|) of ZA, 2LPT and the emulator against FastPM run to that redshift, and the emulator's
 * error as a fraction of 2LPT's (per seed, then averaged). Spectra are Eisenstein-Hu from A_s; n_s, h
 * and Omega_b are the base setup's. Results are identical whatever the thread count.
 */
public final class RangeValidation {

    private RangeValidation() {
    }

    /** The emulator under test: a displacement at z for a ZA field at z of a cosmology with this Omega_m. */
    @FunctionalInterface
    public interface Predictor {
        VectorField predict(VectorField za, double omegaM, double redshift, Progress progress);
    }

    /**
     * One point's results (errors are means over the seeds, with their standard deviations).
     *
     * @param sigma8      of the z = 0 linear spectrum
     * @param sigma8AtZ   sigma8 D1(a) (D1(1) = 1): how non-linear the field is
     */
    public record Row(CosmologyRanges.Point point, double sigma8, double sigma8AtZ, int seeds, double za, double zaSd,
            double lpt2, double lpt2Sd, double d3m, double d3mSd, double ratio, double ratioSd) {
    }

    /**
     * Parses "omega_m/A_s factor/z;..." (the factor multiplies the base A_s), e.g. "0.2/0.5/0;0.3089/1/1".
     *
     * @throws IllegalArgumentException a one-line message naming the bad entry
     */
    public static List<CosmologyRanges.Point> parse(String text, double baseAs) {
        List<CosmologyRanges.Point> out = new ArrayList<>();
        for (String part : text.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] v = p.split("/");
            try {
                if (v.length != 3) {
                    throw new NumberFormatException();
                }
                double om = Double.parseDouble(v[0].strip());
                double f = Double.parseDouble(v[1].strip());
                double z = Double.parseDouble(v[2].strip());
                if (!(om > 0 && om <= 1) || !(f > 0) || Double.isInfinite(f) || !(z >= 0 && z < 9)) {
                    throw new NumberFormatException();
                }
                out.add(new CosmologyRanges.Point(om, f * baseAs, z));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("test_points: '" + p + "' is not omega_m/A_s factor/z with omega_m in (0, 1],"
                        + " factor > 0 and z in [0, 9)");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("test_points: give at least one omega_m/A_s factor/z");
        }
        return out;
    }

    /**
     * Runs every point on seeds {@code seed0 .. seed0 + seeds - 1}.
     *
     * @param base the box, grid, kernel, threads and the cosmological parameters that stay fixed
     * @param pm   FastPM settings (its end time is each point's)
     */
    public static List<Row> run(SimulationSetup base, List<CosmologyRanges.Point> points, int seeds, long seed0,
            Predictor predictor, FastPmSolver.Config pm, Progress progress) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        Progress p = progress == null ? Progress.NONE : progress;
        List<Row> rows = new ArrayList<>();
        int total = points.size() * seeds;
        int done = 0;
        for (CosmologyRanges.Point pt : points) {
            double a = pt.a();
            double[][] err = new double[4][seeds];
            SimulationSetup s0 = base.withCosmology(pt.cosmology(base.cosmology()));
            double sigma8 = Sigma8.of(new Realization(s0).power());
            for (int i = 0; i < seeds; i++) {
                p.checkCancelled();
                p.report((double) done / total, String.format(Locale.ROOT, "Omega_m %.3g, A_s %.3g, z %.3g: seed %d/%d",
                        pt.omegaM(), pt.aS(), pt.redshift(), i + 1, seeds));
                Realization r = new Realization(s0.withSeed(seed0 + i));
                VectorField truth = r.fastPm(pm.withAEnd(a), p.quiet()).displacement();
                VectorField za = r.lpt(1, a);
                VectorField lpt2 = r.lpt(2, a);
                VectorField d3m = predictor.predict(za, pt.omegaM(), pt.redshift(), p.quiet());
                int t = base.threads();
                err[0][i] = PointwiseError.of(za, truth, t).mean();
                err[1][i] = PointwiseError.of(lpt2, truth, t).mean();
                err[2][i] = PointwiseError.of(d3m, truth, t).mean();
                err[3][i] = err[2][i] / err[1][i];
                done++;
            }
            double d1 = GrowthFactors.of(pt.omegaM()).d1(a);
            rows.add(new Row(pt, sigma8, sigma8 * d1, seeds, mean(err[0]), sd(err[0]), mean(err[1]), sd(err[1]),
                    mean(err[2]), sd(err[2]), mean(err[3]), sd(err[3])));
        }
        p.report(1, "validated " + points.size() + " points");
        return rows;
    }

    /** The table as CSV text, one row per point. */
    public static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder("omega_m,a_s,redshift,sigma8,sigma8_z,seeds,za,za_sd,lpt2,lpt2_sd,d3m,d3m_sd,"
                + "d3m_over_2lpt,d3m_over_2lpt_sd\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.6g,%.6g,%d,%.6g,%.3g,%.6g,%.3g,%.6g,%.3g,%.6g,%.3g%n",
                    r.point().omegaM(), r.point().aS(), r.point().redshift(), r.sigma8(), r.sigma8AtZ(), r.seeds(), r.za(),
                    r.zaSd(), r.lpt2(), r.lpt2Sd(), r.d3m(), r.d3mSd(), r.ratio(), r.ratioSd()));
        }
        return b.toString();
    }

    /** The table as Markdown, with the worst ratio named last. */
    public static String markdown(List<Row> rows, String note) {
        StringBuilder b = new StringBuilder("| Omega_m | A_s | z | sigma8 | sigma8(z) | seeds | ZA | 2LPT | D3M | D3M / 2LPT |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Row worst = null;
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %.4g | %.4g | %.3g | %.3f | %.3f | %d | %.4f | %.4f | %.4f ± %.4f | %.3f ± %.3f |%n",
                    r.point().omegaM(), r.point().aS(), r.point().redshift(), r.sigma8(), r.sigma8AtZ(), r.seeds(), r.za(),
                    r.lpt2(), r.d3m(), r.d3mSd(), r.ratio(), r.ratioSd()));
            if (worst == null || r.ratio() > worst.ratio()) {
                worst = r;
            }
        }
        if (worst != null) {
            b.append(String.format(Locale.ROOT, "%nWorst D3M / 2LPT: %.3f at Omega_m %.4g, A_s %.4g, z %.3g.%n", worst.ratio(),
                    worst.point().omegaM(), worst.point().aS(), worst.point().redshift()));
        }
        if (note != null && !note.isBlank()) {
            b.append('\n').append(note).append('\n');
        }
        return b.toString();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
