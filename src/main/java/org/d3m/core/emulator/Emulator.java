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
 */
public final class Emulator implements AutoCloseable {

    /** Default bound on voxels per pass: 128^3. */
    public static final long DEFAULT_MAX_TILE_VOXELS = 1L << 21;

    private final NetSession session;
    private final ModelMeta meta;
    private final Path weights;
    private long maxTileVoxels = DEFAULT_MAX_TILE_VOXELS;

    private Emulator(NetSession session, ModelMeta meta, Path weights) {
        this.session = session;
        this.meta = meta;
        this.weights = weights;
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

    /** Predicts the displacement [Mpc/h] for a ZA displacement [Mpc/h], tiling as needed. */
    public VectorField predict(VectorField za, Progress progress) {
        check(za);
        return predict(za, tileCoreFor(za.box().n()), progress);
    }

    /**
     * Predicts with an explicit tile core: {@code core == n} is one whole-box pass; else core must be
     * a multiple of 4 dividing n and each tile is core + 2 * HALO voxels per side.
     */
    public VectorField predict(VectorField za, int core, Progress progress) {
        check(za);
        Progress p = progress == null ? Progress.NONE : progress;
        Box box = za.box();
        int n = box.n();
        if (core < 4 || core % 4 != 0 || n % core != 0) {
            throw new IllegalArgumentException("tile size must be a multiple of 4 dividing the grid " + n + ", got " + core);
        }
        int cells = box.cells();
        if (core == n) {
            float[] x = new float[3 * cells];
            for (int a = 0; a < 3; a++) {
                System.arraycopy(za.c()[a], 0, x, a * cells, cells);
            }
            p.report(0, "emulating " + n + "^3 on " + session.device());
            float[] y = session.infer(x, 1, n);
            float[][] out = new float[3][cells];
            for (int a = 0; a < 3; a++) {
                System.arraycopy(y, a * cells, out[a], 0, cells);
            }
            p.report(1, "emulated");
            return new VectorField(box, out);
        }
        int h = ReceptiveField.HALO;
        int s = core + 2 * h;
        int tiles = n / core;
        int total = tiles * tiles * tiles;
        float[][] out = new float[3][cells];
        float[] x = new float[3 * s * s * s];
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
                    for (int a = 0; a < 3; a++) {
                        float[] src = za.c()[a];
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
                    float[] y = session.infer(x, 1, s);
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
        return new VectorField(box, out);
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
