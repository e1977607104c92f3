package org.d3m.core.field;

/**
 * Cloud-in-cell painting and read-out of particles on a periodic mesh.
 *
 * <p>Particles are given by their displacement Psi [Mpc/h] from a Lagrangian grid of n_p^3 points
 * ({@code q = (ix, iy, iz) L / n_p}); the mesh has n_m^3 cells of the same box. A particle at
 * mesh coordinate u = x / cell_m contributes weight (1 - f) to cell floor(u) and f to the next
 * one along each axis (cell centres at integer u).
 *
 * <p><b>Determinism.</b> Painting is done by mesh x-planes: particles are bucketed by the plane
 * of their lower CIC corner (a stable counting sort), and each plane is summed by one thread, in
 * double, from its two buckets in particle order. No races, and the result is bit-identical
 * whatever the thread count. Read-out is the exact adjoint of painting.
 */
public final class CicPainter {

    private final Box lagrangian;
    private final Box mesh;
    private final int threads;
    private final ThreadLocal<double[]> planeScratch;
    private final double offset;

    /** A painter whose mesh nodes sit at x = j * cell_m (j = 0..n_m-1). */
    public CicPainter(Box lagrangian, Box mesh, int threads) {
        this(lagrangian, mesh, threads, 0);
    }

    /**
     * @param lagrangian the particles' grid
     * @param mesh the painting mesh (same side length)
     * @param offset shift of the particles relative to the mesh, in mesh cells: mesh node j sits at
     *     x = (j - offset) cell_m. The force mesh uses 0.5 so that unperturbed particles sit
     *     halfway between nodes, away from the kinks of the CIC kernel (see docs/physics.md).
     */
    public CicPainter(Box lagrangian, Box mesh, int threads, double offset) {
        if (Math.abs(lagrangian.size() - mesh.size()) > 1e-9 * mesh.size()) {
            throw new IllegalArgumentException("particle grid and mesh must cover the same box");
        }
        this.lagrangian = lagrangian;
        this.mesh = mesh;
        this.threads = Parallel.threads(threads);
        this.offset = offset;
        int nm = mesh.n();
        this.planeScratch = ThreadLocal.withInitial(() -> new double[nm * nm]);
    }

    public Box mesh() {
        return mesh;
    }

    /**
     * Overwrites {@code out} (n_m^3) with the particle count per cell (each particle has mass
     * {@code weights == null ? 1 : weights[i]}).
     */
    public void paint(VectorField displacement, float[] weights, float[] out) {
        checkParticles(displacement);
        int nm = mesh.n();
        int np = lagrangian.cells();
        int[] plane = new int[np];
        Parallel.forEach(lagrangian.n(), threads, ix -> {
            int n = lagrangian.n();
            for (int i = ix * n * n; i < (ix + 1) * n * n; i++) {
                plane[i] = cellOf(meshCoordinate(displacement.c()[0][i], ix));
            }
        });
        int[] start = new int[nm + 1];
        for (int p : plane) {
            start[p + 1]++;
        }
        for (int p = 0; p < nm; p++) {
            start[p + 1] += start[p];
        }
        int[] order = new int[np];
        int[] fill = start.clone();
        for (int i = 0; i < np; i++) {
            order[fill[plane[i]]++] = i;
        }
        Parallel.forEach(nm, threads, p -> {
            double[] acc = planeScratch.get();
            java.util.Arrays.fill(acc, 0);
            int below = (p - 1 + nm) % nm;
            for (int k = start[p]; k < start[p + 1]; k++) {
                deposit(acc, order[k], displacement, weights, false);
            }
            for (int k = start[below]; k < start[below + 1]; k++) {
                deposit(acc, order[k], displacement, weights, true);
            }
            int base = p * nm * nm;
            for (int j = 0; j < nm * nm; j++) {
                out[base + j] = (float) acc[j];
            }
        });
    }

    /** Density contrast (count per cell / mean count - 1) on the mesh, dimensionless. */
    public ScalarField density(VectorField displacement) {
        float[] m = new float[mesh.cells()];
        paint(displacement, null, m);
        double mean = (double) lagrangian.cells() / mesh.cells();
        Parallel.forEach(mesh.n(), threads, p -> {
            int base = p * mesh.n() * mesh.n();
            for (int j = base; j < base + mesh.n() * mesh.n(); j++) {
                m[j] = (float) (m[j] / mean - 1);
            }
        });
        return new ScalarField(mesh, m);
    }

    /** Interpolates {@code field} (n_m^3) at every particle into {@code out} (n_p^3): the adjoint of paint. */
    public void readout(float[] field, VectorField displacement, float[] out) {
        checkParticles(displacement);
        int n = lagrangian.n();
        int nm = mesh.n();
        Parallel.forEach(n, threads, ix -> {
            for (int i = ix * n * n; i < (ix + 1) * n * n; i++) {
                int iy = (i / n) % n;
                int iz = i % n;
                double ux = meshCoordinate(displacement.c()[0][i], ix);
                double uy = meshCoordinate(displacement.c()[1][i], iy);
                double uz = meshCoordinate(displacement.c()[2][i], iz);
                int x0 = cellOf(ux);
                int y0 = cellOf(uy);
                int z0 = cellOf(uz);
                double fx = ux - Math.floor(ux);
                double fy = uy - Math.floor(uy);
                double fz = uz - Math.floor(uz);
                int x1 = x0 + 1 == nm ? 0 : x0 + 1;
                int y1 = y0 + 1 == nm ? 0 : y0 + 1;
                int z1 = z0 + 1 == nm ? 0 : z0 + 1;
                double v = (1 - fx) * ((1 - fy) * ((1 - fz) * field[(x0 * nm + y0) * nm + z0] + fz * field[(x0 * nm + y0) * nm + z1])
                        + fy * ((1 - fz) * field[(x0 * nm + y1) * nm + z0] + fz * field[(x0 * nm + y1) * nm + z1]))
                        + fx * ((1 - fy) * ((1 - fz) * field[(x1 * nm + y0) * nm + z0] + fz * field[(x1 * nm + y0) * nm + z1])
                        + fy * ((1 - fz) * field[(x1 * nm + y1) * nm + z0] + fz * field[(x1 * nm + y1) * nm + z1]));
                out[i] = (float) v;
            }
        });
    }

    private void deposit(double[] acc, int i, VectorField d, float[] weights, boolean upper) {
        int n = lagrangian.n();
        int nm = mesh.n();
        int ix = i / (n * n);
        int iy = (i / n) % n;
        int iz = i % n;
        double ux = meshCoordinate(d.c()[0][i], ix);
        double uy = meshCoordinate(d.c()[1][i], iy);
        double uz = meshCoordinate(d.c()[2][i], iz);
        double fx = ux - Math.floor(ux);
        double wx = (upper ? fx : 1 - fx) * (weights == null ? 1.0 : weights[i]);
        int y0 = cellOf(uy);
        int z0 = cellOf(uz);
        double fy = uy - Math.floor(uy);
        double fz = uz - Math.floor(uz);
        int y1 = y0 + 1 == nm ? 0 : y0 + 1;
        int z1 = z0 + 1 == nm ? 0 : z0 + 1;
        acc[y0 * nm + z0] += wx * (1 - fy) * (1 - fz);
        acc[y0 * nm + z1] += wx * (1 - fy) * fz;
        acc[y1 * nm + z0] += wx * fy * (1 - fz);
        acc[y1 * nm + z1] += wx * fy * fz;
    }

    /** Periodic mesh coordinate in [0, n_m) of a particle: (q + psi) / cell_m. */
    private double meshCoordinate(float psi, int lagrangianIndex) {
        double u = lagrangianIndex * ((double) mesh.n() / lagrangian.n()) + psi / mesh.cell() + offset;
        double nm = mesh.n();
        u -= nm * Math.floor(u / nm);
        return u >= nm ? 0 : u;
    }

    private int cellOf(double u) {
        int c = (int) Math.floor(u);
        return c >= mesh.n() ? c - mesh.n() : c;
    }

    private void checkParticles(VectorField displacement) {
        if (displacement.box().n() != lagrangian.n()) {
            throw new IllegalArgumentException("displacement grid " + displacement.box().n()
                    + " does not match the painter's particle grid " + lagrangian.n());
        }
    }
}
