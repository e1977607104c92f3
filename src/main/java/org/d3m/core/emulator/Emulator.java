package org.d3m.core.emulator;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Locale;
import org.d3m.core.field.Box;
import org.d3m.core.field.FieldChecks;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;

/**
 * Runs a trained D3M network: ZA displacement in, displacement out [Mpc/h], on the Lagrangian grid.
 *
 * <p><b>Boxes larger than the training box.</b> The input grid may be any multiple of the training
 * grid with the same spacing [Mpc/h per cell]. The network is local (receptive radius
 * {@link ReceptiveField#RADIUS} = 26 voxels) and its periodic padding is exact on a periodic box,
 * so a big box is cut into cubic tiles of {@code core} voxels, each extended by a periodic halo of
 * {@link ReceptiveField#HALO} = 28 voxels taken from the big box; the core of each tile's output is
 * then exactly what a whole-box pass gives there (tile origins lie on the stride-4 lattice, so the
 * down-samplings line up). The box is done in one pass when it has at most
 * {@link #maxTileVoxels()} voxels, else in tiles of the largest core (a multiple of 4 dividing n)
 * whose padded size fits that bound, so peak memory is bounded by the tile, not the box.
 *
 * <p><b>Symmetry averaging.</b> The map from ZA to the N-body displacement commutes with the 48
 * symmetries S of the periodic cube (axis permutations and flips, {@link CubeSymmetry}); a trained
 * network does so only approximately. {@link #predict} therefore returns, by default, the mean over
 * the first {@link #DEFAULT_SYMMETRIES} symmetries of the averaging order of S^-1 net(S za): the
 * network's errors that break the symmetry partly cancel. Measured with the shipped width-32 model
 * (docs/model-card.md) on 100 unseen seeds: point-wise error 0.329 of 2LPT's for the network alone,
 * 0.301 with 2 symmetries, 0.285 with 4 (the default: 0.54 s for a 32^3 box on 2 cores) and 0.278 with 8
 * (1.3 s). {@link #setSymmetries}(1) is the network alone. Each symmetry is applied to the whole box,
 * so tiling stays exact.
 */
public final class Emulator implements AutoCloseable {

    /** Default bound on voxels per pass: 128^3. */
    public static final long DEFAULT_MAX_TILE_VOXELS = 1L << 21;

    private final NetSession session;
    private final ModelMeta meta;
    private final Path weights;
    private final TrainingRanges ranges;
    private long maxTileVoxels = DEFAULT_MAX_TILE_VOXELS;
    private int symmetries = DEFAULT_SYMMETRIES;

    /** Symmetries {@link #predict} averages over unless told otherwise (see the class comment). */
    public static final int DEFAULT_SYMMETRIES = 4;

    private Emulator(NetSession session, ModelMeta meta, Path weights) {
        this.session = session;
        this.meta = meta;
        this.weights = weights;
        this.ranges = TrainingRanges.of(meta);
    }

    /**
     * Loads a weights file ({@link WeightsFile}) onto a device.
     *
     * @param device auto (GPU if DJL finds a CUDA libtorch and a GPU, else CPU), cpu or gpu
     * @throws IllegalArgumentException missing or corrupt file, unknown device, gpu without a GPU
     */
    public static Emulator load(Path weights, String device) {
        if (weights == null) {
            throw new IllegalArgumentException("no model weights file given (no default model ships yet)");
        }
        WeightsFile.readMeta(weights); // fail fast with a one-line message before starting the engine
        Device d = DjlRuntime.device(device);
        ModelMeta[] m = new ModelMeta[1];
        NetSession s = NetSession.load(weights, d, m);
        Emulator e = new Emulator(s, m[0], weights);
        System.getLogger(Emulator.class.getName()).log(System.Logger.Level.INFO,
                "D3M emulator " + weights.getFileName() + " (width " + m[0].width() + ", grid " + m[0].grid() + ") on "
                        + e.describeDevice());
        return e;
    }

    public ModelMeta meta() {
        return meta;
    }

    /** Trainable parameters of the loaded network (biases and BatchNorm scales included). */
    public long trainableParameterCount() {
        return session.net().trainableParameterCount();
    }

    public Path weights() {
        return weights;
    }

    /** The device actually used. */
    public Device device() {
        return session.device();
    }

    /** Device and versions for provenance, e.g. "cpu() (DJL 0.36.0, PyTorch 2.7.1, 2 threads)". */
    public String describeDevice() {
        return DjlRuntime.describe(session.device());
    }

    public long maxTileVoxels() {
        return maxTileVoxels;
    }

    /** Sets the bound on voxels per network pass (memory: about 1.5 kB per voxel at width 64). */
    public void setMaxTileVoxels(long voxels) {
        if (voxels < 8L * 8 * 8) {
            throw new IllegalArgumentException("max tile voxels must be >= 512, got " + voxels);
        }
        maxTileVoxels = voxels;
    }

    /** How many cube symmetries {@link #predict} averages over (1: the network alone). */
    public int symmetries() {
        return symmetries;
    }

    /**
     * Sets how many cube symmetries {@link #predict} averages over: the first k of
     * {@link CubeSymmetry#averaging}; 1 is the network alone, 48 all of them. The cost is k network
     * passes (batched for a box done in one pass).
     */
    public void setSymmetries(int k) {
        symmetries = checkSymmetries(k);
    }

    /** How outputs name a symmetry count: "mean over k cube symmetries", or "the network alone" for 1. */
    public static String describeAveraging(int k) {
        return k > 1 ? "mean over " + k + " cube symmetries" : "the network alone";
    }

    /** Returns k if it is a valid symmetry count (1..48), else throws a one-line error. */
    public static int checkSymmetries(int k) {
        if (k < 1 || k > CubeSymmetry.COUNT) {
            throw new IllegalArgumentException("symmetries must be in 1..48, got " + k);
        }
        return k;
    }

    /** The tile core the automatic mode uses for grid n (n itself: one whole-box pass). */
    public int tileCoreFor(int n) {
        if ((long) n * n * n <= maxTileVoxels) {
            return n;
        }
        for (int c = n / 2; c >= 4; c--) {
            long s = c + 2L * ReceptiveField.HALO;
            if (n % c == 0 && c % 4 == 0 && s * s * s <= maxTileVoxels) {
                return c;
            }
        }
        return 4;
    }

    /**
     * Predicts the displacement [Mpc/h] for a ZA displacement [Mpc/h], tiling as needed, averaged
     * over {@link #symmetries()} cube symmetries. For an unconditioned model only (the paper's: its
     * cosmology and redshift are those it was trained on); a conditioned one needs
     * {@link #predict(VectorField, double, double, boolean, Progress)}.
     */
    public VectorField predict(VectorField za, Progress progress) {
        check(za);
        return predict(za, tileCoreFor(za.box().n()), progress);
    }

    /**
     * Predicts with an explicit tile core (unconditioned models): {@code core == n} is one whole-box
     * pass; else core must be a multiple of 4 dividing n and each tile is core + 2 * HALO voxels per
     * side. Averaged over {@link #symmetries()} cube symmetries, each applied to the whole box.
     */
    public VectorField predict(VectorField za, int core, Progress progress) {
        check(za);
        if (conditioned()) {
            throw new IllegalArgumentException("this model is conditioned on the cosmology: give Omega_m and the redshift");
        }
        checkCore(za.box().n(), core);
        return PredictionCheck.require(new VectorField(za.box(), average(za.c(), null, za.box().n(), core, progress)),
                weights.getFileName().toString());
    }

    /**
     * The displacement [Mpc/h] at redshift z for a ZA displacement [Mpc/h] at z of a flat cosmology with
     * this Omega_m. An unconditioned model ignores them (it knows one cosmology at z = 0). A conditioned
     * model works in the {@link ResidualFrame} (2LPT from ZA plus the network's correction) and refuses,
     * with a one-line IllegalArgumentException, a field outside its {@link TrainingRanges} unless
     * {@code extrapolate}.
     */
    public VectorField predict(VectorField za, double omegaM, double redshift, boolean extrapolate, Progress progress) {
        check(za);
        if (!conditioned()) {
            return predict(za, progress);
        }
        if (!(omegaM > 0 && omegaM <= 1) || !(redshift >= 0) || Double.isInfinite(redshift)) {
            throw new IllegalArgumentException("omega_m must be in (0, 1] and redshift >= 0, got " + omegaM + " and " + redshift);
        }
        ResidualFrame f = frame(za, omegaM, redshift, extrapolate);
        int n = za.box().n();
        float[][] net = average(f.input(), f.conditions(), n, tileCoreFor(n), progress);
        return PredictionCheck.require(f.displacement(net), weights.getFileName().toString());
    }

    /**
     * The {@link ResidualFrame} of a field for this conditioned model, checked against its training ranges
     * (unless {@code extrapolate}).
     */
    public ResidualFrame frame(VectorField za, double omegaM, double redshift, boolean extrapolate) {
        ResidualFrame f = ResidualFrame.of(za, omegaM, redshift, 0);
        String why = ranges == null ? null : ranges.outside(omegaM, redshift, f.amplitude());
        if (why != null && !extrapolate) {
            throw new IllegalArgumentException(why + "; pass extrapolate=true to emulate anyway");
        }
        return f;
    }

    /** True for a model conditioned on the cosmology ({@link Conditioning}). */
    public boolean conditioned() {
        return meta.conditioning() != Conditioning.NONE;
    }

    /** The parameter ranges a conditioned model was trained on, or null. */
    public TrainingRanges ranges() {
        return ranges;
    }

    private static void checkCore(int n, int core) {
        if (core < 4 || core % 4 != 0 || n % core != 0) {
            throw new IllegalArgumentException("tile size must be a multiple of 4 dividing the grid " + n + ", got " + core);
        }
    }

    /**
     * The network's output (3 components of n^3) for input components {@code in} (3 or 6: one or two
     * vector fields) and conditions (null for none), averaged over {@link #symmetries()} cube symmetries:
     * the mean of S^-1 net(S in), S acting on each vector field of the input.
     */
    private float[][] average(float[][] in, float[] cond, int n, int core, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        if (symmetries == 1) {
            return once(in, cond, n, core, p);
        }
        int k = symmetries;
        int cells = n * n * n;
        int ch = in.length;
        float[][] sum = new float[3][cells];
        float[][] back = new float[3][cells];
        if (core == n) {
            // one pass per batch of transformed boxes, as many per batch as the voxel bound allows
            int perBatch = (int) Math.max(1, Math.min(k, maxTileVoxels / cells));
            for (int j0 = 0; j0 < k; j0 += perBatch) {
                p.checkCancelled();
                int b = Math.min(perBatch, k - j0);
                p.report((double) j0 / k, String.format(Locale.ROOT, "emulating %d^3, symmetries %d-%d of %d on %s",
                        n, j0 + 1, j0 + b, k, session.device()));
                float[] x = new float[b * ch * cells];
                float[] c = cond == null ? null : new float[b * cond.length];
                for (int i = 0; i < b; i++) {
                    float[][] t = transform(CubeSymmetry.averaging(j0 + i), in, n);
                    for (int a = 0; a < ch; a++) {
                        System.arraycopy(t[a], 0, x, (i * ch + a) * cells, cells);
                    }
                    if (c != null) {
                        System.arraycopy(cond, 0, c, i * cond.length, cond.length);
                    }
                }
                float[] y = session.infer(x, c, b, n);
                float[][] t = new float[3][cells];
                for (int i = 0; i < b; i++) {
                    for (int a = 0; a < 3; a++) {
                        System.arraycopy(y, (i * 3 + a) * cells, t[a], 0, cells);
                    }
                    CubeSymmetry.averaging(j0 + i).inverse().applyInto(t, back, n);
                    add(sum, back);
                }
            }
        } else {
            for (int j = 0; j < k; j++) {
                CubeSymmetry s = CubeSymmetry.averaging(j);
                float[][] y = once(transform(s, in, n), cond, n, core, p.sub((double) j / k, (double) (j + 1) / k));
                s.inverse().applyInto(y, back, n);
                add(sum, back);
            }
        }
        float scale = 1f / k;
        for (float[] c : sum) {
            for (int i = 0; i < c.length; i++) {
                c[i] *= scale;
            }
        }
        p.report(1, "emulated, mean over " + k + " symmetries");
        return sum;
    }

    /** A cube symmetry applied to each vector field (3 components) of {@code in}. */
    private static float[][] transform(CubeSymmetry s, float[][] in, int n) {
        float[][] out = new float[in.length][];
        for (int v = 0; v < in.length; v += 3) {
            float[][] t = new float[3][n * n * n];
            s.applyInto(new float[][] {in[v], in[v + 1], in[v + 2]}, t, n);
            System.arraycopy(t, 0, out, v, 3);
        }
        return out;
    }

    private static void add(float[][] sum, float[][] v) {
        for (int a = 0; a < 3; a++) {
            float[] s = sum[a];
            float[] w = v[a];
            for (int i = 0; i < s.length; i++) {
                s[i] += w[i];
            }
        }
    }

    /** The network alone on input components {@code in}, in one pass or in tiles of {@code core}. */
    private float[][] once(float[][] in, float[] cond, int n, int core, Progress p) {
        int cells = n * n * n;
        int ch = in.length;
        if (core == n) {
            float[] x = new float[ch * cells];
            for (int a = 0; a < ch; a++) {
                System.arraycopy(in[a], 0, x, a * cells, cells);
            }
            p.report(0, "emulating " + n + "^3 on " + session.device());
            float[] y = session.infer(x, cond, 1, n);
            float[][] out = new float[3][cells];
            for (int a = 0; a < 3; a++) {
                System.arraycopy(y, a * cells, out[a], 0, cells);
            }
            p.report(1, "emulated");
            return out;
        }
        int h = ReceptiveField.HALO;
        int s = core + 2 * h;
        int tiles = n / core;
        int total = tiles * tiles * tiles;
        float[][] out = new float[3][cells];
        float[] x = new float[ch * s * s * s];
        int done = 0;
        for (int tx = 0; tx < tiles; tx++) {
            for (int ty = 0; ty < tiles; ty++) {
                for (int tz = 0; tz < tiles; tz++) {
                    p.checkCancelled();
                    p.report((double) done / total, String.format(Locale.ROOT, "tile %d/%d (%d^3 with halo %d)",
                            done + 1, total, s, h));
                    int ox = tx * core - h;
                    int oy = ty * core - h;
                    int oz = tz * core - h;
                    for (int a = 0; a < ch; a++) {
                        float[] src = in[a];
                        int base = a * s * s * s;
                        for (int i = 0; i < s; i++) {
                            int gi = Math.floorMod(ox + i, n);
                            for (int j = 0; j < s; j++) {
                                int gj = Math.floorMod(oy + j, n);
                                int row = (gi * n + gj) * n;
                                int dst = base + (i * s + j) * s;
                                for (int k = 0; k < s; k++) {
                                    x[dst + k] = src[row + Math.floorMod(oz + k, n)];
                                }
                            }
                        }
                    }
                    float[] y = session.infer(x, cond, 1, s);
                    for (int a = 0; a < 3; a++) {
                        int base = a * s * s * s;
                        for (int i = 0; i < core; i++) {
                            for (int j = 0; j < core; j++) {
                                int srcRow = base + ((i + h) * s + j + h) * s + h;
                                int dstRow = ((tx * core + i) * n + ty * core + j) * n + tz * core;
                                System.arraycopy(y, srcRow, out[a], dstRow, core);
                            }
                        }
                    }
                    done++;
                }
            }
        }
        p.report(1, "emulated " + total + " tiles");
        return out;
    }

    private void check(VectorField za) {
        if (za == null) {
            throw new IllegalArgumentException("no input displacement field");
        }
        Box box = za.box();
        if (box.n() % meta.grid() != 0) {
            throw new IllegalArgumentException("input grid " + box.n() + " is not a multiple of the model's training grid "
                    + meta.grid());
        }
        if (Math.abs(box.cell() - meta.spacing()) > 1e-6 * meta.spacing()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "input spacing %.6g Mpc/h per cell differs from the model's %.6g Mpc/h (box %.6g Mpc/h, grid %d)",
                    box.cell(), meta.spacing(), box.size(), box.n()));
        }
        FieldChecks.requireFinite(za, "input displacement");
    }

    @Override
    public void close() {
        session.close();
    }
}
