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
    private final int np;
    private final int nm;
    private final double nmD;
    /** Mesh cells per Lagrangian cell and the mesh cell [Mpc/h], as the coordinate formula uses them. */
    private final double ratio;
    private final double cell;
    /** 1 / cell_m when that is exact (cell_m a power of two), so psi * invCell == psi / cell_m; else NaN. */
    private final double invCell;
    /** log2 of the particle grid side when it is a power of two (index decoding by shifts), else -1. */
    private final int npShift;

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
        this.np = lagrangian.n();
        this.nm = mesh.n();
        this.nmD = nm;
        this.ratio = (double) mesh.n() / lagrangian.n();
        this.cell = mesh.cell();
        double inv = 1 / cell;
        boolean exact = Math.getExponent(cell) > Double.MIN_EXPONENT && cell == Math.scalb(1.0, Math.getExponent(cell));
        this.invCell = exact ? inv : Double.NaN;
        this.npShift = Integer.bitCount(np) == 1 ? Integer.numberOfTrailingZeros(np) : -1;
        this.planeScratch = ThreadLocal.withInitial(() -> new double[nm * nm]);
    }

    public Box mesh() {
        return mesh;
    }

    /**
     * Particles bucketed by the mesh x-plane of their lower CIC corner: a stable counting sort, so
     * each bucket lists its particles in index order. Reusable between calls (8 bytes per particle
     * and a few per plane and thread).
     */
    public static final class Buckets {
        final int[] key;
        final int[] order;
        final int[] start;
        int[] counts = new int[0];

        Buckets(int particles, int planes) {
            key = new int[particles];
            order = new int[particles];
            start = new int[planes + 1];
        }
    }

    /** Buckets sized for this painter's particles and mesh. */
    public Buckets buckets() {
        return new Buckets(lagrangian.cells(), nm);
    }

    /**
     * Sorts the particles into {@code b} by x-plane. Counting runs on contiguous ranges of particles
     * in parallel and the offsets follow (bucket, range) order, so the result is the same stable
     * sort for any thread count.
     */
    public void bucket(VectorField displacement, Buckets b) {
        checkParticles(displacement);
        float[] dx = displacement.c()[0];
        int keys = nm;  // one bucket per mesh x-plane
        int chunks = Math.min(threads, np);
        if (b.counts.length != chunks * keys) {
            b.counts = new int[chunks * keys];
        }
        int[] key = b.key;
        int[] counts = b.counts;
        int perPlane = np * np;
        Parallel.forEach(chunks, chunks, c -> {
            int base = c * keys;
            java.util.Arrays.fill(counts, base, base + keys, 0);
            for (int ix = np * c / chunks; ix < np * (c + 1) / chunks; ix++) {
                for (int i = ix * perPlane; i < (ix + 1) * perPlane; i++) {
                    int k = (int) coordinate(dx[i], ix);
                    key[i] = k;
                    counts[base + k]++;
                }
            }
        });
        int running = 0;
        for (int k = 0; k < keys; k++) {
            b.start[k] = running;
            for (int c = 0; c < chunks; c++) {
                int n = counts[c * keys + k];
                counts[c * keys + k] = running;
                running += n;
            }
        }
        b.start[keys] = running;
        int[] order = b.order;
        Parallel.forEach(chunks, chunks, c -> {
            int base = c * keys;
            for (int i = np * c / chunks * perPlane; i < np * (c + 1) / chunks * perPlane; i++) {
                order[counts[base + key[i]]++] = i;
            }
        });
    }

    /**
     * Overwrites {@code out} (n_m^3) with the particle count per cell (each particle has mass
     * {@code weights == null ? 1 : weights[i]}).
     */
    public void paint(VectorField displacement, float[] weights, float[] out) {
        Buckets b = buckets();
        bucket(displacement, b);
        Parallel.forEach(nm, threads, p -> {
            double[] acc = planeScratch.get();
            java.util.Arrays.fill(acc, 0);
            depositPlane(b, p, displacement, weights, acc, false);
            int base = p * nm * nm;
            for (int j = 0; j < nm * nm; j++) {
                out[base + j] = (float) acc[j];
            }
        });
    }

    /**
     * Adds the CIC weights of mesh x-plane {@code p} to {@code acc} (n_m^2, indexed
     * {@code y * n_m + z}, or {@code z * n_m + y} when {@code zMajor}): first the particles whose lower
     * corner is in plane p, then the upper corners of those in plane p - 1, each bucket in particle
     * order and summed in double. This order makes painting bit-identical for any thread count.
     */
    public void depositPlane(Buckets b, int p, VectorField displacement, float[] weights, double[] acc, boolean zMajor) {
        int below = p == 0 ? nm - 1 : p - 1;
        depositBucket(b, p, acc, null, displacement, weights, zMajor);
        depositBucket(b, below, null, acc, displacement, weights, zMajor);
    }

    /**
     * One pass over the particles whose lower corner is in {@code plane}: their weights on that plane
     * go to {@code lower} and those on the next plane to {@code upper} (either may be null), indexed
     * as in {@link #depositPlane}. The values added are those of {@link #depositPlane}; a caller that
     * keeps the planes of consecutive buckets fixes its own (deterministic) summation order.
     */
    public void depositBucket(Buckets b, int plane, double[] lower, double[] upper, VectorField d, float[] weights, boolean zMajor) {
        float[] dx = d.c()[0];
        float[] dy = d.c()[1];
        float[] dz = d.c()[2];
        int[] order = b.order;
        int strideY = zMajor ? 1 : nm;
        int strideZ = zMajor ? nm : 1;
        for (int k = b.start[plane]; k < b.start[plane + 1]; k++) {
            int i = order[k];
            int ix;
            int iy;
            int iz;
            if (npShift >= 0) {
                ix = i >>> (2 * npShift);
                iy = (i >>> npShift) & (np - 1);
                iz = i & (np - 1);
            } else {
                ix = i / (np * np);
                iy = (i / np) % np;
                iz = i % np;
            }
            double ux = coordinate(dx[i], ix);
            double uy = coordinate(dy[i], iy);
            double uz = coordinate(dz[i], iz);
            double fx = ux - (int) ux;
            double w = weights == null ? 1.0 : weights[i];
            int y0 = (int) uy;
            int z0 = (int) uz;
            double fy = uy - y0;
            double fz = uz - z0;
            int y1 = y0 + 1 == nm ? 0 : y0 + 1;
            int z1 = z0 + 1 == nm ? 0 : z0 + 1;
            int a00 = y0 * strideY + z0 * strideZ;
            int a01 = y0 * strideY + z1 * strideZ;
            int a10 = y1 * strideY + z0 * strideZ;
            int a11 = y1 * strideY + z1 * strideZ;
            if (lower != null) {
                double wx = (1 - fx) * w;
                lower[a00] += wx * (1 - fy) * (1 - fz);
                lower[a01] += wx * (1 - fy) * fz;
                lower[a10] += wx * fy * (1 - fz);
                lower[a11] += wx * fy * fz;
            }
            if (upper != null) {
                double wx = fx * w;
                upper[a00] += wx * (1 - fy) * (1 - fz);
                upper[a01] += wx * (1 - fy) * fz;
                upper[a10] += wx * fy * (1 - fz);
                upper[a11] += wx * fy * fz;
            }
        }
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
        int n = np;
        float[] dx = displacement.c()[0];
        float[] dy = displacement.c()[1];
        float[] dz = displacement.c()[2];
        Parallel.forEach(n, threads, ix -> {
            int i = ix * n * n;
            for (int iy = 0; iy < n; iy++) {
                for (int iz = 0; iz < n; iz++, i++) {
                    double ux = coordinate(dx[i], ix);
                    double uy = coordinate(dy[i], iy);
                    double uz = coordinate(dz[i], iz);
                    int x0 = (int) ux;
                    int y0 = (int) uy;
                    int z0 = (int) uz;
                    double fx = ux - x0;
                    double fy = uy - y0;
                    double fz = uz - z0;
                    int x1 = x0 + 1 == nm ? 0 : x0 + 1;
                    int y1 = y0 + 1 == nm ? 0 : y0 + 1;
                    int z1 = z0 + 1 == nm ? 0 : z0 + 1;
                    double v = (1 - fx) * ((1 - fy) * ((1 - fz) * field[(x0 * nm + y0) * nm + z0] + fz * field[(x0 * nm + y0) * nm + z1])
                            + fy * ((1 - fz) * field[(x0 * nm + y1) * nm + z0] + fz * field[(x0 * nm + y1) * nm + z1]))
                            + fx * ((1 - fy) * ((1 - fz) * field[(x1 * nm + y0) * nm + z0] + fz * field[(x1 * nm + y0) * nm + z1])
                            + fy * ((1 - fz) * field[(x1 * nm + y1) * nm + z0] + fz * field[(x1 * nm + y1) * nm + z1]));
                    out[i] = (float) v;
                }
            }
        });
    }

    /**
     * Periodic mesh coordinate in [0, n_m) of a particle, {@code (q + psi) / cell_m + offset} with
     * q = lagrangianIndex * cell_p. Its integer part is the lower CIC corner and the rest the weight
     * of the upper one; every painter and read-out uses this one formula.
     */
    public double coordinate(float psi, int lagrangianIndex) {
        // multiplying by an exact power-of-two reciprocal gives the same double as dividing
        double u = lagrangianIndex * ratio + (invCell == invCell ? psi * invCell : psi / cell) + offset;
        if (u >= 0 && u < nmD) {
            return u;
        }
        u -= nmD * Math.floor(u / nmD);
        return u >= nmD ? 0 : u;
    }

    private void checkParticles(VectorField displacement) {
        if (displacement.box().n() != lagrangian.n()) {
            throw new IllegalArgumentException("displacement grid " + displacement.box().n()
                    + " does not match the painter's particle grid " + lagrangian.n());
        }
    }
}
