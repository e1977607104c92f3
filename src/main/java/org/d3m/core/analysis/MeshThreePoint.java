package org.d3m.core.analysis;

import java.util.Arrays;

import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.Parallel;
import org.d3m.core.progress.Progress;

/**
 * Multipoles zeta_l(r1, r2) of the 3-point function of a field on a periodic mesh, by FFTs with
 * spherical-harmonic shell kernels (Slepian &amp; Eisenstein 2016): for each real harmonic R_h and
 * radial bin b, {@code a_hb(x) = sum_{u in b} f(x + u) R_h(u/|u|)} is one convolution of the field
 * f with the kernel "R_h on the mesh offsets u of shell b", done by FFT; then
 * {@code zeta_l(b1, b2) = sum_x f(x) sum_{h of degree l} a_hb1(x) a_hb2(x)}.
 *
 * <p>This is exactly {@link ThreePoint}'s pair-count estimator applied to "particles" at the mesh
 * nodes x = j L/n carrying weights f(x): the same minimum image (components in (-L/2, L/2]), bins
 * (edges[b], edges[b+1]], no self pair (u = 0), and on the diagonal b1 == b2 the term j == k
 * included. The two agree to float rounding (the FFTs are in float, the sums in double); units
 * are those of f cubed. The cost is 2 (lmax+1)^2 nBins + 1 FFTs of n^3 (1621 at lmax 8, 10 bins),
 * independent of the clustering; the pair count costs about N * (neighbours within rMax).
 *
 * <p>Harmonics are dealt to threads, each with its own single-threaded FFT, and their partial
 * sums are added in harmonic order, so results are bit-identical whatever the thread count.
 */
public final class MeshThreePoint {

    private final Box mesh;
    private final double rMax;
    private final int nBins;
    private final int lmax;
    private final int threads;
    private final double[] edges;
    /** Mesh offsets within rMax: flat index of u mod n, its radial bin, and R_h(u/|u|) for every h. */
    private final int[] offsetIndex;
    private final int[] offsetBin;
    private final double[] offsetHarmonics;

    /**
     * @param mesh    the periodic mesh the fields live on (side [Mpc/h], n nodes per side, n even)
     * @param rMax    outer edge of the last radial bin [Mpc/h], 0 &lt; rMax &lt;= side/2
     * @param nBins   number of linear radial bins over (0, rMax]
     * @param lmax    largest multipole order (0..20)
     * @param threads threads to use (&lt; 1: all cores); results do not depend on it
     */
    public MeshThreePoint(Box mesh, double rMax, int nBins, int lmax, int threads) {
        if (mesh == null || mesh.n() % 2 != 0) {
            throw new IllegalArgumentException("3PCF mesh must have an even number of nodes per side");
        }
        edges = ThreePoint.binEdges(rMax, mesh.size(), nBins);
        if (lmax < 0 || lmax > 20) {
            throw new IllegalArgumentException("3PCF lmax must be in [0, 20] for the mesh estimator, got " + lmax);
        }
        this.mesh = mesh;
        this.rMax = rMax;
        this.nBins = nBins;
        this.lmax = lmax;
        this.threads = threads;
        // the mesh offsets inside the outermost bin, in a fixed (index) order
        int n = mesh.n();
        double cell = mesh.cell();
        int nh = (lmax + 1) * (lmax + 1);
        RealHarmonics harmonics = new RealHarmonics(lmax);
        int reach = Math.min(n / 2, (int) Math.ceil(rMax / cell));
        int[] idx = new int[64];
        int[] bins = new int[64];
        double[] harm = new double[64 * nh];
        int count = 0;
        double rMax2 = rMax * rMax * (1 + 1e-12);
        for (int i = -reach; i <= reach; i++) {
            for (int j = -reach; j <= reach; j++) {
                for (int k = -reach; k <= reach; k++) {
                    // minimum image (-n/2, n/2]: -n/2 is the same offset as +n/2, counted once
                    if (i == -n / 2 || j == -n / 2 || k == -n / 2) {
                        continue;
                    }
                    double dx = i * cell;
                    double dy = j * cell;
                    double dz = k * cell;
                    double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 == 0 || r2 > rMax2) {
                        continue;
                    }
                    double r = Math.sqrt(r2);
                    int b = bin(r);
                    if (b < 0) {
                        continue;
                    }
                    if (count == idx.length) {
                        idx = Arrays.copyOf(idx, 2 * count);
                        bins = Arrays.copyOf(bins, 2 * count);
                        harm = Arrays.copyOf(harm, 2 * count * nh);
                    }
                    idx[count] = ((Math.floorMod(i, n) * n) + Math.floorMod(j, n)) * n + Math.floorMod(k, n);
                    bins[count] = b;
                    harmonics.accumulate(dx / r, dy / r, dz / r, 1, harm, count * nh);
                    count++;
                }
            }
        }
        offsetIndex = Arrays.copyOf(idx, count);
        offsetBin = Arrays.copyOf(bins, count);
        offsetHarmonics = Arrays.copyOf(harm, count * nh);
    }

    /** The paper's bins on a mesh: 10 bins of 5 Mpc/h (rMax 50 Mpc/h), l = 0..8. */
    public static MeshThreePoint paperDefaults(Box mesh, int threads) {
        return new MeshThreePoint(mesh, 50, 10, 8, threads);
    }

    /** The mesh the fields live on. */
    public Box box() {
        return mesh;
    }

    /** Radial bin edges [Mpc/h] (a copy). */
    public double[] binEdges() {
        return edges.clone();
    }

    /** Number of mesh offsets u with 0 &lt; |u| &lt;= rMax (the neighbours of each node). */
    public int offsets() {
        return offsetIndex.length;
    }

    /** Number of FFTs of n^3 one {@link #compute} makes. */
    public int fftCount() {
        return 2 * (lmax + 1) * (lmax + 1) * nBins + 1;
    }

    /** Bin of r in (0, rMax]: b with edges[b] &lt; r &lt;= edges[b+1], or -1. */
    private int bin(double r) {
        int b = Math.min(nBins - 1, (int) (r * nBins / rMax));
        while (b > 0 && r <= edges[b]) {
            b--;
        }
        while (b < nBins - 1 && r > edges[b + 1]) {
            b++;
        }
        return r > edges[b] && r <= edges[b + 1] * (1 + 1e-12) ? b : -1;
    }

    /** {@link #compute(float[], Progress)} without progress. */
    public Multipoles compute(float[] field) {
        return compute(field, Progress.NONE);
    }

    /**
     * Measures the multipoles of a field on the mesh.
     *
     * @param field    n^3 values f(x) (index (ix n + iy) n + iz), e.g. 1 + delta or a count per cell
     * @param progress fraction of harmonics done; a cancelled progress stops after the current harmonic
     *                 and throws {@link Progress.CancelledException}
     * @return zeta_l(b1, b2) in units of f^3
     */
    public Multipoles compute(float[] field, Progress progress) {
        Progress prog = progress == null ? Progress.NONE : progress;
        int n = mesh.n();
        if (field == null || field.length != n * n * n) {
            throw new IllegalArgumentException("3PCF field must have " + n + "^3 values, got "
                    + (field == null ? "none" : field.length));
        }
        for (int i = 0; i < field.length; i++) {
            if (!Float.isFinite(field[i])) {
                throw new IllegalArgumentException("3PCF field value " + i + " is not finite");
            }
        }
        int nh = (lmax + 1) * (lmax + 1);
        int nTri = nBins * (nBins + 1) / 2;
        float[] spectrum = new Fft(n, threads).forward(field);
        double[][] parts = new double[nh][];
        int t = Math.max(1, Math.min(Parallel.threads(threads), nh));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(n));
        Parallel.forEachDynamic(nh, t, h -> {
            if (prog.cancelled()) {
                return;
            }
            parts[h] = workers.get().harmonic(h, field, spectrum, nTri);
            int d = done.incrementAndGet();
            prog.report((double) d / nh, "3PCF (mesh): harmonic " + d + " of " + nh);
        });
        prog.checkCancelled();
        double[][][] zeta = new double[lmax + 1][nBins][nBins];
        for (int l = 0; l <= lmax; l++) {
            double[] sum = new double[nTri];
            for (int h = l * l; h < (l + 1) * (l + 1); h++) {
                for (int k = 0; k < nTri; k++) {
                    sum[k] += parts[h][k];
                }
            }
            int k = 0;
            for (int b1 = 0; b1 < nBins; b1++) {
                for (int b2 = b1; b2 < nBins; b2++) {
                    zeta[l][b1][b2] = sum[k];
                    zeta[l][b2][b1] = sum[k];
                    k++;
                }
            }
        }
        return new Multipoles(lmax, edges.clone(), zeta);
    }

    /** Per-thread scratch: a single-threaded FFT, the kernel, and the nBins fields a_hb. */
    private final class Worker {
        private final Fft fft;
        private final float[] kernel;
        private final float[] kernelSpectrum;
        private final float[][] a;

        Worker(int n) {
            fft = new Fft(n, 1);
            kernel = new float[n * n * n];
            kernelSpectrum = new float[fft.complexLength()];
            a = new float[nBins][n * n * n];
        }

        /** The (b1 &lt;= b2) sums {@code sum_x f a_hb1 a_hb2} of harmonic h. */
        double[] harmonic(int h, float[] field, float[] spectrum, int nTri) {
            int nh = (lmax + 1) * (lmax + 1);
            boolean[] filled = new boolean[nBins];
            for (int b = 0; b < nBins; b++) {
                Arrays.fill(kernel, 0);
                for (int o = 0; o < offsetIndex.length; o++) {
                    if (offsetBin[o] == b) {
                        kernel[offsetIndex[o]] = (float) offsetHarmonics[o * nh + h];
                        filled[b] = true;
                    }
                }
                if (!filled[b]) {
                    Arrays.fill(a[b], 0);
                    continue;
                }
                fft.forward(kernel, kernelSpectrum);
                // a = f correlated with the kernel: A(k) = F(k) conj(K(k))
                for (int c = 0; c < kernelSpectrum.length; c += 2) {
                    float kr = kernelSpectrum[c];
                    float ki = kernelSpectrum[c + 1];
                    float fr = spectrum[c];
                    float fi = spectrum[c + 1];
                    kernelSpectrum[c] = fr * kr + fi * ki;
                    kernelSpectrum[c + 1] = fi * kr - fr * ki;
                }
                fft.inverseInPlace(kernelSpectrum, a[b]);
            }
            double[] out = new double[nTri];
            int cells = field.length;
            double[] g = new double[cells];
            int k = 0;
            for (int b1 = 0; b1 < nBins; b1++) {
                float[] a1 = a[b1];
                for (int x = 0; x < cells; x++) {
                    g[x] = (double) field[x] * a1[x];
                }
                for (int b2 = b1; b2 < nBins; b2++) {
                    float[] a2 = a[b2];
                    double s = 0;
                    for (int x = 0; x < cells; x++) {
                        s += g[x] * a2[x];
                    }
                    out[k++] = s;
                }
            }
            return out;
        }
    }

    /**
     * Wall time [s] of the fastest of {@code repeats} calls of {@link #compute} on a random field
     * of n^3 nodes in a box of side {@code box} with the paper's binning (10 bins of 5 Mpc/h, l &lt;= 8).
     */
    public static double benchmarkSeconds(int n, double box, int threads, int repeats) {
        java.util.Random rnd = new java.util.Random(7);
        float[] f = new float[n * n * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) Math.exp(0.5 * rnd.nextGaussian());
        }
        MeshThreePoint tp = paperDefaults(new Box(box, n), threads);
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < Math.max(1, repeats); r++) {
            long t0 = System.nanoTime();
            tp.compute(f);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return best;
    }

    /** Prints the time of one 32^3 field (arguments: [n] [threads] [box]). */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double box = args.length > 2 ? Double.parseDouble(args[2]) : 128;
        benchmarkSeconds(n, box, threads, 1); // JIT warm-up
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
        int repeats = 3;
        double wall = benchmarkSeconds(n, box, threads, repeats);
        long cpu1 = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
        System.out.printf("3PCF (mesh FFT) %d^3 nodes, L = %.1f Mpc/h, rMax 50, 10 bins, lmax 8, %d threads: %.3f s wall"
                + " (best of %d), %.3f s of CPU per field (mean)%n", n, box, threads, wall, repeats,
                cpu0 < 0 ? Double.NaN : (cpu1 - cpu0) * 1e-9 / repeats);
    }
}
