package org.d3m.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.d3m.core.analysis.Comparison;
import org.d3m.core.analysis.ComparisonTable;
import org.d3m.core.analysis.PowerSpectrum;
import org.d3m.core.analysis.SpectrumRows;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.field.Box;
import org.d3m.core.field.FieldChecks;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.LptKernel;
import org.d3m.core.io.MemoryCheck;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;

/**
 * D3M for scripts and Java code: the generators, the analysis and the emulator as operations on
 * ImgLib2 images. This is the one class a script author needs.
 *
 * <p><b>Images.</b> A density (or any scalar field) is a {@code RandomAccessibleInterval<FloatType>}
 * with axes (x, y, z); a displacement [Mpc/h] has axes (x, y, z, c), c = 0, 1, 2 for its x, y and
 * z components. Voxel (x, y, z) is the particle (grid point) at q = (x, y, z) * L/n. Images returned
 * here are views of the computed arrays, not copies, so a 256^3 field costs its 64 MB once; writes
 * through a view change the array. Inputs may be any ImgLib2 image of real numbers of the right
 * shape (n^3, or n^3 x 3 with n even); voxel (0, 0, 0) is the image's minimum corner. Images made
 * here are read without a copy, others are copied once. See {@link FieldViews}. Input values must
 * be finite, and a displacement no larger than the box (|Psi| &lt;= L), as for files.
 *
 * <p><b>Units.</b> Box sizes and displacements in Mpc/h, wavenumbers in h/Mpc, power spectra in
 * (Mpc/h)^3 for a density and (Mpc/h)^5 for a displacement (the sum over its components). ImgLib2
 * core images carry no calibration, so analysis methods take the box side; {@link Calibration}
 * is the record to keep beside an image.
 *
 * <p><b>Setups.</b> A {@code D3m} object is one simulation setup (box, grid, seed, cosmology, LPT
 * kernel, FastPM settings, threads), immutable: each {@code with...} returns a new one. Start from
 * {@link #paper(long)}:
 * <pre>{@code
 * D3m sim = D3m.paper(7).withBox(128, 64);
 * RandomAccessibleInterval<FloatType> psi = sim.simulate();          // FastPM at z = 0
 * RandomAccessibleInterval<FloatType> delta = D3m.paintDensity(psi, sim.boxSize());
 * SpectrumRows pk = D3m.powerSpectrum(delta, sim.boxSize());          // k [h/Mpc], p [(Mpc/h)^3]
 * }</pre>
 * The generators of one object share its initial conditions (the linear field's spectrum and its
 * first- and second-order LPT displacements are computed once, then kept: about 7 n^3 floats), so
 * {@code za()}, {@code lpt2()} and {@code simulate()} on the same object cost one set of initial
 * conditions.
 * Results are bit-identical whatever the thread count. Errors are IllegalArgumentExceptions with
 * one-line messages.
 */
public final class D3m {

    private final SimulationSetup setup;
    private final FastPmSolver.Config fastPm;
    private Realization realization;

    private D3m(SimulationSetup setup, FastPmSolver.Config fastPm) {
        this.setup = setup;
        this.fastPm = fastPm;
    }

    // ---------------------------------------------------------------- setups

    /**
     * The paper's setup: a 128 Mpc/h box, 32^3 particles, Planck 2015 (A_s = 2.142e-9), FastPM's LPT
     * kernel, FastPM with 10 steps from a = 0.1 on a 2x finer force mesh, all cores.
     */
    public static D3m paper(long seed) {
        return new D3m(SimulationSetup.paper(seed), FastPmSolver.Config.defaults());
    }

    /** A setup given as the core's record, with the default FastPM settings. */
    public static D3m of(SimulationSetup setup) {
        return new D3m(setup, FastPmSolver.Config.defaults().withThreads(setup.threads()));
    }

    /**
     * The same setup on a box of side {@code boxSizeMpcH} [Mpc/h] with {@code grid}^3 particles (grid
     * even); a linear density given before is dropped (it belongs to the old grid).
     */
    public D3m withBox(double boxSizeMpcH, int grid) {
        return with(new SimulationSetup(new Box(boxSizeMpcH, grid), setup.cosmology(), setup.pkFile(), setup.sigma8(),
                setup.seed(), setup.threads(), setup.kernel(), null));
    }

    /** The same setup with another random seed of the initial white noise. */
    public D3m withSeed(long seed) {
        return with(setup.withSeed(seed));
    }

    /**
     * The same setup in another flat LCDM cosmology.
     *
     * @param aS     primordial amplitude A_s (pivot 0.05/Mpc)
     * @param nS     spectral index n_s
     * @param h      H0 / (100 km/s/Mpc)
     * @param omegaM matter density Omega_m
     * @param omegaB baryon density Omega_b
     */
    public D3m withCosmology(double aS, double nS, double h, double omegaM, double omegaB) {
        return with(new SimulationSetup(setup.box(), new Cosmology(aS, nS, h, omegaM, omegaB), setup.pkFile(),
                setup.sigma8(), setup.seed(), setup.threads(), setup.kernel(), setup.linearDensity()));
    }

    /** The same setup with the linear spectrum rescaled to this sigma8 (0: no rescaling). */
    public D3m withSigma8(double sigma8) {
        return with(new SimulationSetup(setup.box(), setup.cosmology(), setup.pkFile(), sigma8 > 0 ? sigma8 : Double.NaN,
                setup.seed(), setup.threads(), setup.kernel(), setup.linearDensity()));
    }

    /**
     * The same setup with a tabulated linear P(k) at z = 0 (columns k [h/Mpc], P [(Mpc/h)^3], as
     * CLASS or CAMB write it) instead of Eisenstein-Hu; null or "" for Eisenstein-Hu.
     */
    public D3m withPowerTable(String pkFile) {
        Path p = pkFile == null || pkFile.isBlank() ? null : Path.of(pkFile);
        if (p != null && !p.toFile().isFile()) {
            throw new IllegalArgumentException("pk_file " + pkFile + " does not exist");
        }
        return with(new SimulationSetup(setup.box(), setup.cosmology(), p, setup.sigma8(), setup.seed(),
                setup.threads(), setup.kernel(), setup.linearDensity()));
    }

    /** The same setup with the LPT kernel "fastpm" (the C FastPM's discretisation) or "exact" (spectral). */
    public D3m withKernel(String kernel) {
        return with(setup.withKernel(LptKernel.parse(kernel)));
    }

    /** The same setup with {@code threads} workers (0 = all cores; results do not depend on it). */
    public D3m withThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
        }
        return new D3m(new SimulationSetup(setup.box(), setup.cosmology(), setup.pkFile(), setup.sigma8(), setup.seed(),
                threads, setup.kernel(), setup.linearDensity()), fastPm.withThreads(threads));
    }

    /**
     * The same setup on a given linear overdensity at z = 0 (an (x, y, z) image of this setup's
     * grid; dimensionless) instead of the seeded Gaussian field. Seed, spectrum and sigma8 are then
     * unused. A view made here is used as it is, not copied: do not change it afterwards.
     */
    public D3m withLinearDensity(RandomAccessibleInterval<? extends RealType<?>> delta) {
        int n = FieldViews.checkShape(delta, false);
        if (n != grid()) {
            throw new IllegalArgumentException("the linear density is " + n + "^3 but the grid is " + grid()
                    + "; call withBox(" + boxSize() + ", " + n + ") first");
        }
        return with(setup.withLinearDensity(scalar(delta, boxSize(), "the linear density")));
    }

    /**
     * The same setup with other FastPM settings for {@link #simulate()}.
     *
     * @param steps      kick-drift-kick steps, linear in a
     * @param aStart     scale factor of the 2LPT initial conditions, in (0, 1)
     * @param meshFactor force mesh cells per particle per side
     */
    public D3m withFastPm(int steps, double aStart, int meshFactor) {
        return new D3m(setup, fastPm.withSteps(steps).withAStart(aStart).withMeshFactor(meshFactor));
    }

    private D3m with(SimulationSetup s) {
        return new D3m(s, fastPm);
    }

    /** The core's record of this setup. */
    public SimulationSetup setup() {
        return setup;
    }

    /** Box side [Mpc/h]. */
    public double boxSize() {
        return setup.box().size();
    }

    /** Particles (grid points) per side. */
    public int grid() {
        return setup.box().n();
    }

    /** The calibration of an image of this setup: voxel size L/n [Mpc/h], axes xyz or xyzc by its dimensions. */
    public Calibration calibration(RandomAccessibleInterval<?> image) {
        return Calibration.of(boxSize(), grid(), image.numDimensions() == 4);
    }

    @Override
    public String toString() {
        return "D3M setup: " + boxSize() + " Mpc/h, " + grid() + "^3, "
                + (setup.linearDensity() != null ? "given linear density" : "seed " + setup.seed()) + ", kernel "
                + setup.kernel().key() + ", " + setup.cosmology().describe();
    }

    // ---------------------------------------------------------------- generators

    private synchronized Realization realization() {
        if (realization == null) {
            MemoryCheck.require(setup.memoryBytes(0), "grid " + grid() + "^3");
            realization = new Realization(setup);
        }
        return realization;
    }

    /** The linear density contrast at z = 0 (dimensionless), axes (x, y, z). */
    public RandomAccessibleInterval<FloatType> linearDensity() {
        return FieldViews.view(realization().linearDensity());
    }

    /** The Zel'dovich (first-order LPT) displacement at z = 0 [Mpc/h], axes (x, y, z, c). */
    public RandomAccessibleInterval<FloatType> za() {
        return za(0);
    }

    /** The Zel'dovich displacement at redshift z &gt;= 0 [Mpc/h], axes (x, y, z, c). */
    public RandomAccessibleInterval<FloatType> za(double redshift) {
        return FieldViews.view(realization().lpt(1, SimulationSetup.scaleFactor(redshift)));
    }

    /** The 2LPT displacement at z = 0 [Mpc/h], axes (x, y, z, c). */
    public RandomAccessibleInterval<FloatType> lpt2() {
        return lpt2(0);
    }

    /** The 2LPT displacement at redshift z &gt;= 0 [Mpc/h], axes (x, y, z, c). */
    public RandomAccessibleInterval<FloatType> lpt2(double redshift) {
        return FieldViews.view(realization().lpt(2, SimulationSetup.scaleFactor(redshift)));
    }

    /**
     * The FastPM displacement at z = 0 [Mpc/h], axes (x, y, z, c): 2LPT initial conditions at
     * a_start, then the particle-mesh run (settings from {@link #withFastPm}).
     */
    public RandomAccessibleInterval<FloatType> simulate() {
        return simulate(0);
    }

    /**
     * The FastPM displacement at redshift z in [0, 1/a_start - 1) [Mpc/h], axes (x, y, z, c): the run of
     * {@link #simulate()} with its steps, linear in a, ending at a = 1/(1+z) (the C FastPM's
     * {@code time_step = linspace(a_start, a, steps + 1)}).
     */
    public RandomAccessibleInterval<FloatType> simulate(double redshift) {
        FastPmSolver.Config cfg = fastPm.withRedshift(redshift);
        Realization r = realization();
        MemoryCheck.require(setup.memoryBytes(fastPm.meshFactor()), "FastPM on grid " + grid() + "^3");
        return FieldViews.view(r.fastPm(cfg, Progress.NONE).displacement());
    }

    /**
     * The D3M network's displacement at z = 0 [Mpc/h], axes (x, y, z, c), from this setup's ZA
     * field. The model must have been trained on fields of this setup's kernel and cell size.
     */
    public RandomAccessibleInterval<FloatType> emulate(Model model) {
        checkKernel(model, setup.kernel().key());
        return FieldViews.view(model.emulator().predict(realization().lpt(1, 1), setup.cosmology().omegaM(), 0, false,
                Progress.NONE));
    }

    // ---------------------------------------------------------------- analysis

    /** CIC density contrast (count per cell / mean - 1) of a displacement on the particle grid, axes (x, y, z). */
    public static RandomAccessibleInterval<FloatType> paintDensity(RandomAccessibleInterval<? extends RealType<?>> displacement,
                                                                   double boxSize) {
        return paintDensity(displacement, boxSize, 1);
    }

    /**
     * CIC density contrast of the particles at q + displacement on a mesh {@code meshFactor}
     * (1..8) times finer than the particle grid, axes (x, y, z).
     *
     * @param displacement (x, y, z, c) [Mpc/h]
     * @param boxSize      box side [Mpc/h]
     */
    public static RandomAccessibleInterval<FloatType> paintDensity(RandomAccessibleInterval<? extends RealType<?>> displacement,
                                                                   double boxSize, int meshFactor) {
        if (meshFactor < 1 || meshFactor > 8) {
            throw new IllegalArgumentException("mesh_factor must be in 1..8, got " + meshFactor);
        }
        VectorField psi = displacement(displacement, boxSize, "the displacement");
        MemoryCheck.require(MemoryCheck.floatArrays(2, psi.box().refined(meshFactor).cells()), "density mesh");
        return FieldViews.view(Realization.density(psi, meshFactor, 0));
    }

    /**
     * The binned power spectrum of a field in bins of 0.02 h/Mpc (the paper's): of a density
     * (x, y, z) in (Mpc/h)^3, or of a displacement (x, y, z, c) in (Mpc/h)^5, the sum over its
     * components. Only the bins that hold modes, each at the mean |k| of its modes
     * ({@link SpectrumRows}): the rows of the {@code power-spectrum} command's table and CSV, so
     * {@code pk.k()[0]} is the first measured k (about the fundamental 2 pi / L), not an empty bin's
     * centre.
     */
    public static SpectrumRows powerSpectrum(RandomAccessibleInterval<? extends RealType<?>> field, double boxSize) {
        return powerSpectrum(field, boxSize, PowerSpectrum.DEFAULT_DK);
    }

    /** As {@link #powerSpectrum(RandomAccessibleInterval, double)} with bins of {@code dk} [h/Mpc]. */
    public static SpectrumRows powerSpectrum(RandomAccessibleInterval<? extends RealType<?>> field, double boxSize, double dk) {
        if (field.numDimensions() == 4) {
            VectorField v = displacement(field, boxSize, "the field");
            return SpectrumRows.of(new PowerSpectrum(v.box(), dk, 0).auto(v));
        }
        ScalarField f = scalar(field, boxSize, "the field");
        return SpectrumRows.of(new PowerSpectrum(f.box(), dk, 0).auto(f));
    }

    /**
     * The cross spectrum of two fields of the same kind and shape, in bins of {@code dk} [h/Mpc]:
     * the bins that hold modes, as {@link #powerSpectrum}.
     */
    public static SpectrumRows crossSpectrum(RandomAccessibleInterval<? extends RealType<?>> a,
                                         RandomAccessibleInterval<? extends RealType<?>> b, double boxSize, double dk) {
        if (a.numDimensions() != b.numDimensions() || a.dimension(0) != b.dimension(0)) {
            throw new IllegalArgumentException("cross spectrum of differently shaped images: "
                    + FieldViews.shape(a) + " and " + FieldViews.shape(b));
        }
        if (a.numDimensions() == 4) {
            VectorField va = displacement(a, boxSize, "the first field");
            return SpectrumRows.of(new PowerSpectrum(va.box(), dk, 0).cross(va, displacement(b, boxSize, "the second field")));
        }
        ScalarField fa = scalar(a, boxSize, "the first field");
        return SpectrumRows.of(new PowerSpectrum(fa.box(), dk, 0).cross(fa, scalar(b, boxSize, "the second field")));
    }

    /**
     * The paper's Table 1 for one predicted displacement against the true one (both (x, y, z, c)
     * [Mpc/h] on a box of side {@code boxSize}): rows "prediction density" and "prediction
     * displacement"; columns pointwise, T(0.11), r(0.11), T(0.50), r(0.50), 3PCF. The 3PCF
     * residual (about 10 s per field at 32^3 on 2 cores) is computed when {@code threePoint}.
     */
    public static Table compare(RandomAccessibleInterval<? extends RealType<?>> truth,
                                RandomAccessibleInterval<? extends RealType<?>> prediction, double boxSize, boolean threePoint) {
        Map<String, RandomAccessibleInterval<? extends RealType<?>>> one = new LinkedHashMap<>();
        one.put("prediction", prediction);
        return compare(truth, one, boxSize, threePoint);
    }

    /**
     * The paper's Table 1 for several predictions, keyed by name (rows "NAME density" and "NAME
     * displacement", in the map's order), against the true displacement.
     */
    public static Table compare(RandomAccessibleInterval<? extends RealType<?>> truth,
                                Map<String, ? extends RandomAccessibleInterval<? extends RealType<?>>> predictions,
                                double boxSize, boolean threePoint) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no prediction to compare");
        }
        Comparison c = new Comparison(Comparison.Settings.paper(0).withThreePoint(threePoint));
        Comparison.Truth t = c.truth(displacement(truth, boxSize, "the truth"));
        List<Comparison.Result> results = new ArrayList<>();
        for (Map.Entry<String, ? extends RandomAccessibleInterval<? extends RealType<?>>> e : predictions.entrySet()) {
            results.add(c.compare(e.getKey(), displacement(e.getValue(), boxSize, "prediction " + e.getKey()), t));
        }
        ComparisonTable tab = new ComparisonTable(c.settings().kProbe());
        tab.add(results);
        String[] header = tab.header();
        List<String> columns = List.of(header).subList(1, header.length);
        List<Table.Row> rows = new ArrayList<>();
        for (ComparisonTable.Row r : tab.rows()) {
            rows.add(new Table.Row(r.label(), r.mean().clone()));
        }
        return new Table(columns, rows);
    }

    // ---------------------------------------------------------------- emulator

    /** Loads a trained network (a .d3mw file from the train command) on a GPU when DJL finds one, else the CPU. */
    public static Model loadModel(String weightsFile) {
        return loadModel(weightsFile, "auto");
    }

    /** Loads a trained network on {@code device}: "auto", "cpu" or "gpu". */
    public static Model loadModel(String weightsFile, String device) {
        if (weightsFile == null || weightsFile.isBlank()) {
            throw new IllegalArgumentException("no model weights file given (no trained model ships yet)");
        }
        return new Model(Emulator.load(Path.of(weightsFile), device));
    }

    /**
     * The network's displacement at z = 0 [Mpc/h], axes (x, y, z, c), from a ZA displacement at
     * z = 0 (x, y, z, c) of the Planck 2015 cosmology (Omega_m 0.3089) on a box of side {@code boxSize}
     * [Mpc/h]. Its cell size must be the training one; its grid a multiple of the training grid (big
     * boxes are tiled).
     */
    public static RandomAccessibleInterval<FloatType> emulate(Model model, RandomAccessibleInterval<? extends RealType<?>> za,
                                                              double boxSize) {
        return emulate(model, za, boxSize, 0.3089, 0);
    }

    /**
     * The network's displacement at redshift z [Mpc/h], axes (x, y, z, c), from a ZA displacement at z of a flat
     * cosmology with this Omega_m, on a box of side {@code boxSize} [Mpc/h]. A conditioned model refuses a field
     * outside its trained range (IllegalArgumentException); the paper's model ignores Omega_m and z.
     */
    public static RandomAccessibleInterval<FloatType> emulate(Model model, RandomAccessibleInterval<? extends RealType<?>> za,
                                                              double boxSize, double omegaM, double redshift) {
        return FieldViews.view(model.emulator().predict(displacement(za, boxSize, "the ZA displacement"), omegaM, redshift,
                false, Progress.NONE));
    }

    /** An input displacement: finite, |Psi| &lt;= L (the shared readers' {@link FieldChecks}). */
    private static VectorField displacement(RandomAccessibleInterval<?> img, double boxSize, String what) {
        return FieldChecks.requireDisplacement(FieldViews.vector(img, boxSize), what);
    }

    /** An input scalar field: finite. */
    private static ScalarField scalar(RandomAccessibleInterval<?> img, double boxSize, String what) {
        return FieldChecks.requireFinite(FieldViews.scalar(img, boxSize), what);
    }

    private static void checkKernel(Model model, String kernel) {
        String wrong = model.emulator().meta().kernelMismatch(kernel);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong + "; use withKernel(\"" + model.kernel() + "\")");
        }
    }
}
