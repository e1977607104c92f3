package org.d3m.core.cosmology;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A linear P(k) at z = 0 read from a table (e.g. CLASS or CAMB output): k [h/Mpc], P [(Mpc/h)^3].
 *
 * <p>Format: one row per k, at least two columns (k, P) separated by whitespace and/or commas;
 * further columns are ignored; text after '#' and blank lines are ignored. k must be strictly
 * increasing, k and P positive, at least two rows. Between rows ln P is interpolated in ln k by a
 * natural cubic spline (it resolves the BAO wiggles between CLASS's rows: sigma8 of the Omega_m = 0.1
 * table is 0.234729 with it, as CLASS says, 0.234582 with straight lines); a power-law table is
 * reproduced exactly. Outside [kMin, kMax] {@link #at} throws (call {@link #checkCovers} first).
 */
public final class TabulatedPower implements LinearPower {

    private final Path file;
    private final double[] lnK;
    private final double[] lnP;
    /** Second derivatives d^2 lnP / d(ln k)^2 of the natural cubic spline at the rows. */
    private final double[] curv;
    private final double kFirst;
    private final double kLast;

    private TabulatedPower(Path file, double[] lnK, double[] lnP, double kFirst, double kLast) {
        this.file = file;
        this.lnK = lnK;
        this.lnP = lnP;
        this.kFirst = kFirst;
        this.kLast = kLast;
        this.curv = naturalSpline(lnK, lnP);
    }

    /** Second derivatives of the natural cubic spline through (x, y) (tridiagonal solve, Thomas algorithm). */
    private static double[] naturalSpline(double[] x, double[] y) {
        int n = x.length;
        double[] m = new double[n];
        if (n < 3) {
            return m;
        }
        double[] diag = new double[n];
        double[] rhs = new double[n];
        double[] upper = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double h0 = x[i] - x[i - 1];
            double h1 = x[i + 1] - x[i];
            double lower = h0 / 6;
            diag[i] = (h0 + h1) / 3;
            upper[i] = h1 / 6;
            rhs[i] = (y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0;
            if (i > 1) { // eliminate the sub-diagonal
                double w = lower / diag[i - 1];
                diag[i] -= w * upper[i - 1];
                rhs[i] -= w * rhs[i - 1];
            }
        }
        for (int i = n - 2; i >= 1; i--) {
            m[i] = (rhs[i] - (i + 1 <= n - 2 ? upper[i] * m[i + 1] : 0)) / diag[i];
        }
        return m;
    }

    /** Reads a table; throws IllegalArgumentException with a one-line message on any problem. */
    public static TabulatedPower read(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("pk_file is not set");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("pk_file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("pk_file is not a regular file: " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("pk_file not found: " + file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read pk_file " + file + ": " + e.getMessage());
        }
        double[] k = new double[lines.size()];
        double[] p = new double[lines.size()];
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String data = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (data.isEmpty()) {
                continue;
            }
            String where = "pk_file " + file + " line " + (i + 1) + ": ";
            String[] cols = data.split("[\\s,]+");
            if (cols.length < 2) {
                throw new IllegalArgumentException(where + "expected two columns k P, got '" + data + "'");
            }
            double ki;
            double pi;
            try {
                ki = Double.parseDouble(cols[0]);
                pi = Double.parseDouble(cols[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "expected two numbers k P, got '" + data + "'");
            }
            if (!(ki > 0) || Double.isInfinite(ki) || !(pi > 0) || Double.isInfinite(pi)) {
                throw new IllegalArgumentException(where + "k and P must be finite and > 0, got '" + data + "'");
            }
            if (rows > 0 && !(ki > k[rows - 1])) {
                throw new IllegalArgumentException(where + "k must increase strictly, but " + cols[0]
                        + " follows " + k[rows - 1]);
            }
            k[rows] = ki;
            p[rows] = pi;
            rows++;
        }
        if (rows < 2) {
            throw new IllegalArgumentException("pk_file " + file + " has " + rows
                    + " data rows, need at least 2 (columns k [h/Mpc], P [(Mpc/h)^3])");
        }
        double[] lk = new double[rows];
        double[] lp = new double[rows];
        for (int i = 0; i < rows; i++) {
            lk[i] = Math.log(k[i]);
            lp[i] = Math.log(p[i]);
        }
        return new TabulatedPower(file, lk, lp, k[0], k[rows - 1]);
    }

    /** The file this table came from. */
    public Path file() {
        return file;
    }

    /** Number of data rows. */
    public int rows() {
        return lnK.length;
    }

    /** First k of the table [h/Mpc]. */
    @Override
    public double kMin() {
        return kFirst;
    }

    /** Last k of the table [h/Mpc]. */
    @Override
    public double kMax() {
        return kLast;
    }

    /** Throws if the table does not cover [kMin, kMax] h/Mpc (e.g. the grid's fundamental to its corner). */
    public void checkCovers(double kMin, double kMax) {
        // relative slack 1e-9: grid wavenumbers computed in floating point must not fail on equality
        if (!(kMin >= kFirst * (1 - 1e-9) && kMax <= kLast * (1 + 1e-9))) {
            throw new IllegalArgumentException("pk_file covers k in [" + fmt(kFirst) + ", " + fmt(kLast)
                    + "] h/Mpc but the grid needs [" + fmt(kMin) + ", " + fmt(kMax) + "] h/Mpc");
        }
    }

    /** P(k) [(Mpc/h)^3], cubic spline in (ln k, ln P); k [h/Mpc] must lie in [kMin(), kMax()]. */
    @Override
    public double at(double kHMpc) {
        double x = Math.log(kHMpc);
        int n = lnK.length;
        // tolerate rounding at the ends (exp(log(k)) round trips)
        double tol = 1e-12;
        if (!(x >= lnK[0] - tol && x <= lnK[n - 1] + tol)) {
            throw new IllegalArgumentException("k = " + fmt(kHMpc) + " h/Mpc outside pk_file range ["
                    + fmt(kFirst) + ", " + fmt(kLast) + "] h/Mpc");
        }
        int i = Arrays.binarySearch(lnK, x);
        if (i >= 0) {
            return Math.exp(lnP[i]);
        }
        int hi = -i - 1;
        if (hi <= 0) {
            return Math.exp(lnP[0]);
        }
        if (hi >= n) {
            return Math.exp(lnP[n - 1]);
        }
        int lo = hi - 1;
        double step = lnK[hi] - lnK[lo];
        double b = (x - lnK[lo]) / step;
        double a = 1 - b;
        double y = a * lnP[lo] + b * lnP[hi]
                + ((a * a * a - a) * curv[lo] + (b * b * b - b) * curv[hi]) * step * step / 6;
        return Math.exp(y);
    }

    /** 4 significant digits, no trailing zeros (0.01, 1.36, 5.132e-05). */
    static String fmt(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return String.valueOf(v);
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs >= 1e-4 && abs < 1e6 ? b.toPlainString() : b.toString();
    }

    @Override
    public String describe() {
        return "table " + file + " (" + lnK.length + " rows)";
    }
}
