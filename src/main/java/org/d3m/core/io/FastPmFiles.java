package org.d3m.core.io;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * Reads the C FastPM's own outputs (bigfile directories, see {@link BigFile}) as our fields:
 * <ul>
 *   <li>the linear density of an initial-conditions directory ({@code IC/LinearDensityK}: complex
 *   {@code delta_k = rfftn(delta_x) / N^3}, shape (N, N, N/2+1), axes (x, y, z));</li>
 *   <li>a particle snapshot ({@code fastpm_1.0000/}: {@code 1/Position} [Mpc/h] and {@code 1/ID}
 *   {@code = (ix N + iy) N + iz}, {@code 1/Velocity}, and the {@code Header} attributes) as the
 *   displacement {@code Psi = x - q} wrapped into [-L/2, L/2) on the particles' Lagrangian grid
 *   (q = (ix, iy, iz) L / N), the layout of every displacement in this project.</li>
 * </ul>
 * The box size comes from the files' {@code BoxSize}; a given {@code boxSize} [Mpc/h] (&gt; 0) must
 * agree with it. Problems are one-line {@link IllegalArgumentException}s.
 */
public final class FastPmFiles {

    /** The block name of the linear density in a FastPM IC directory. */
    public static final String LINEAR_DENSITY_K = "LinearDensityK";

    private FastPmFiles() {
    }

    /** A FastPM snapshot as our fields. */
    public record Snapshot(VectorField displacement, VectorField velocity, double a, double rsdFactor) {

        public Box box() {
            return displacement.box();
        }
    }

    /** True when {@code p} is a FastPM IC directory (holding {@code LinearDensityK}) or that block itself. */
    public static boolean isLinearDensity(Path p) {
        return Files.isDirectory(p) && (BigFile.isBlock(p.resolve(LINEAR_DENSITY_K))
                || (BigFile.isBlock(p) && p.getFileName().toString().equals(LINEAR_DENSITY_K)));
    }

    /** True when {@code p} is a FastPM snapshot directory (holding {@code 1/Position} and {@code 1/ID}). */
    public static boolean isSnapshot(Path p) {
        return Files.isDirectory(p) && BigFile.isBlock(p.resolve("1").resolve("Position"))
                && BigFile.isBlock(p.resolve("1").resolve("ID"));
    }

    /**
     * The linear overdensity at z = 0 in real space (dimensionless) from a FastPM IC directory.
     *
     * @param boxSize the expected box side [Mpc/h], or &lt;= 0 to take the file's
     */
    public static ScalarField linearDensity(Path dir, double boxSize, int threads) {
        Path blockDir = BigFile.isBlock(dir.resolve(LINEAR_DENSITY_K)) ? dir.resolve(LINEAR_DENSITY_K) : dir;
        BigFile block = BigFile.open(blockDir);
        double[] shape = block.doubles("ndarray.shape");
        if (shape == null || shape.length != 3) {
            throw new IllegalArgumentException(blockDir + ": no 3-d ndarray.shape attribute");
        }
        int n = (int) shape[0];
        if (shape[1] != n || shape[2] != n / 2 + 1) {
            throw new IllegalArgumentException(blockDir + ": shape (" + (int) shape[0] + ", " + (int) shape[1] + ", "
                    + (int) shape[2] + ") is not the half-complex (N, N, N/2+1) of a cubic field");
        }
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException(blockDir + ": grid " + n + " must be even");
        }
        boolean single = block.dtype().equals("<c8");
        if (!single && !block.dtype().equals("<c16")) {
            throw new IllegalArgumentException(blockDir + ": dtype " + block.dtype() + " is not complex (<c8 or <c16)");
        }
        long modes = (long) n * n * (n / 2 + 1);
        if (block.size() * block.members() != modes) {
            throw new IllegalArgumentException(blockDir + ": " + block.size() + " items, shape needs " + modes);
        }
        Box box = new Box(fileBox(block.doubles("BoxSize"), boxSize, blockDir), n);
        ByteBuffer b = block.readAll();
        Fft fft = new Fft(n, threads);
        float[] spectrum = new float[fft.complexLength()];
        double norm = (double) n * n * n;
        for (int i = 0; i < spectrum.length; i++) {
            double v = single ? b.getFloat() : b.getDouble();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(blockDir + ": non-finite value (mode " + i / 2 + ")");
            }
            spectrum[i] = (float) (v * norm);
        }
        return new ScalarField(box, fft.inverse(spectrum));
    }

    /**
     * A FastPM snapshot directory as displacement (and velocity) on the particles' Lagrangian grid.
     *
     * @param boxSize the expected box side [Mpc/h], or &lt;= 0 to take the file's
     */
    public static Snapshot snapshot(Path dir, double boxSize) {
        if (!isSnapshot(dir)) {
            throw new IllegalArgumentException(dir + " is not a FastPM snapshot (no 1/Position and 1/ID blocks)");
        }
        BigFile header = BigFile.isBlock(dir.resolve("Header")) ? BigFile.open(dir.resolve("Header")) : null;
        BigFile pos = BigFile.open(dir.resolve("1").resolve("Position"));
        BigFile ids = BigFile.open(dir.resolve("1").resolve("ID"));
        long count = pos.size();
        int n = (int) Math.round(Math.cbrt(count));
        if ((long) n * n * n != count || n % 2 != 0) {
            throw new IllegalArgumentException(dir + ": " + count + " particles are not an even cube N^3");
        }
        if (pos.members() != 3 || !pos.dtype().matches("<f[48]")) {
            throw new IllegalArgumentException(dir + ": 1/Position must hold 3 floats per particle, has "
                    + pos.members() + " of " + pos.dtype());
        }
        if (ids.size() != count || ids.members() != 1 || !ids.dtype().matches("<[iu]8")) {
            throw new IllegalArgumentException(dir + ": 1/ID must hold one 8-byte integer per particle");
        }
        double[] headerBox = header == null ? null : header.doubles("BoxSize");
        Box box = new Box(fileBox(headerBox, boxSize, dir), n);
        long[] id = readIds(ids, count, dir);
        VectorField disp = VectorField.zeros(box);
        fill(disp, pos, id, true);
        VectorField vel = null;
        if (BigFile.isBlock(dir.resolve("1").resolve("Velocity"))) {
            BigFile v = BigFile.open(dir.resolve("1").resolve("Velocity"));
            if (v.size() == count && v.members() == 3 && v.dtype().matches("<f[48]")) {
                vel = VectorField.zeros(box);
                fill(vel, v, id, false);
            }
        }
        double a = attribute(header, "Time", Double.NaN);
        double rsd = attribute(header, "RSDFactor", Double.NaN);
        return new Snapshot(disp, vel, a, rsd);
    }

    private static double attribute(BigFile block, String name, double fallback) {
        double[] v = block == null ? null : block.doubles(name);
        return v == null || v.length == 0 ? fallback : v[0];
    }

    private static long[] readIds(BigFile ids, long count, Path dir) {
        ByteBuffer b = ids.readAll();
        long[] id = new long[(int) count];
        boolean[] seen = new boolean[(int) count];
        for (int i = 0; i < count; i++) {
            long v = b.getLong();
            if (v < 0 || v >= count || seen[(int) v]) {
                throw new IllegalArgumentException(dir + ": particle ID " + v + " is out of range or repeated");
            }
            seen[(int) v] = true;
            id[i] = v;
        }
        return id;
    }

    /** Scatters a (count, 3) block into the field by particle ID; positions become wrapped displacements. */
    private static void fill(VectorField out, BigFile block, long[] id, boolean positions) {
        ByteBuffer b = block.readAll();
        boolean single = block.dtype().equals("<f4");
        Box box = out.box();
        int n = box.n();
        double cell = box.cell();
        for (int i = 0; i < id.length; i++) {
            int p = (int) id[i];
            int[] q = {p / (n * n), (p / n) % n, p % n};
            for (int d = 0; d < 3; d++) {
                double v = single ? b.getFloat() : b.getDouble();
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(block.dir() + ": non-finite value (component " + d + ", index " + p + ")");
                }
                out.c()[d][p] = (float) (positions ? box.wrapCentered(v - q[d] * cell) : v);
            }
        }
    }

    private static double fileBox(double[] fromFile, double given, Path where) {
        if (fromFile != null && fromFile.length > 0 && !(fromFile[0] > 0 && Double.isFinite(fromFile[0]))) {
            throw new IllegalArgumentException(where + " has BoxSize " + fromFile[0] + ", not a positive number of Mpc/h");
        }
        boolean has = fromFile != null && fromFile.length > 0;
        if (has && given > 0 && Math.abs(fromFile[0] - given) > 1e-9 * fromFile[0]) {
            throw new IllegalArgumentException("box_size " + given + " Mpc/h contradicts the BoxSize " + fromFile[0]
                    + " of " + where + "; pass box_size=" + fromFile[0]);
        }
        if (has) {
            return fromFile[0];
        }
        if (given > 0) {
            return given;
        }
        throw new IllegalArgumentException(where + " has no BoxSize attribute; give box_size (Mpc/h)");
    }
}
