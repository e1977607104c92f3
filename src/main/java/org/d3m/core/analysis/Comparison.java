package org.d3m.core.analysis;

import org.d3m.core.field.Box;
import org.d3m.core.field.CicPainter;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * The paper's comparison of a predicted displacement field against the true one (Table 1 of He
 * et al. 2019): the point-wise displacement error, T(k) and r(k) of the CIC density and of the
 * displacement, read at chosen k, and the relative residual of the 3PCF multipoles (by default of the
 * CIC density 1 + delta on the comparison mesh; {@link ThreePointEstimator}). Prepare the truth once with {@link #truth}, then {@link #compare} any number of
 * predictions against it.
 */
public final class Comparison {

    /**
     * @param meshFactor density mesh cells per particle per side (1 = the paper's N^3 mesh)
     * @param dk         spectrum bin width [h/Mpc]
     * @param kProbe     wavenumbers [h/Mpc] at which T and r are read (the bin containing each)
     * @param threePoint whether to compute the 3PCF residual (the costly part)
     * @param lmax       highest multipole of the residual (the paper: 8)
     * @param bins       radial bins of the 3PCF
     * @param rMax       outer edge of the radial bins [Mpc/h] (the paper: 10 bins of 5)
     * @param estimator  how the 3PCF multipoles are measured (the mesh by FFT, or the particles by pair counts)
     */
    public record Settings(int meshFactor, double dk, double[] kProbe, boolean threePoint, int lmax, int bins,
                           double rMax, int threads, ThreePointEstimator estimator) {
        public Settings {
            if (meshFactor < 1 || meshFactor > 8) {
                throw new IllegalArgumentException("mesh_factor must be in 1..8, got " + meshFactor);
            }
            if (!(dk > 0)) {
                throw new IllegalArgumentException("dk must be > 0 h/Mpc, got " + dk);
            }
            if (estimator == null) {
                throw new IllegalArgumentException("three_point_estimator must be given");
            }
        }

        /** The settings with the default 3PCF estimator ({@link ThreePointEstimator#DEFAULT}). */
        public Settings(int meshFactor, double dk, double[] kProbe, boolean threePoint, int lmax, int bins, double rMax,
                        int threads) {
            this(meshFactor, dk, kProbe, threePoint, lmax, bins, rMax, threads, ThreePointEstimator.DEFAULT);
        }

        /** The paper's: N^3 mesh, dk 0.02, k = 0.11 and 0.50, 3PCF l <= 8 in 10 bins of 5 Mpc/h. */
        public static Settings paper(int threads) {
            return new Settings(1, PowerSpectrum.DEFAULT_DK, new double[] {0.11, 0.50}, true, 8, 10, 50, threads);
        }

        public Settings withThreePoint(boolean on) {
            return new Settings(meshFactor, dk, kProbe, on, lmax, bins, rMax, threads, estimator);
        }

        public Settings withEstimator(ThreePointEstimator e) {
            return new Settings(meshFactor, dk, kProbe, threePoint, lmax, bins, rMax, threads, e);
        }
    }

    /** Spectra of one kind of field (density or displacement) for a prediction against the truth. */
    public record Spectra(Spectrum pred, Spectrum truth, Spectrum cross, TransferStats stats) {
    }

    /** The true field's products, computed once. */
    public record Truth(VectorField displacement, ScalarField density, Spectrum densityPower, Spectrum displacementPower,
                        Multipoles multipoles) {
    }

    /**
     * One prediction's row of the table: T and r at each probe k for density and displacement,
     * the point-wise error, the 3PCF residual (NaN when not computed) and the spectra.
     */
    public record Result(String name, PointwiseError pointwise, double[] densityT, double[] densityR,
                         double[] displacementT, double[] displacementR, double threePointResidual,
                         Spectra density, Spectra displacement, Multipoles multipoles) {
    }

    private final Settings settings;
    private MeshThreePoint mesh3pt;

    public Comparison(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Density, spectra and (if enabled) 3PCF multipoles of the true displacement [Mpc/h]. */
    public Truth truth(VectorField displacement) {
        ScalarField density = density(displacement);
        PowerSpectrum ps = new PowerSpectrum(density.box(), settings.dk(), settings.threads());
        PowerSpectrum pd = new PowerSpectrum(displacement.box(), settings.dk(), settings.threads());
        return new Truth(displacement, density, ps.auto(density), pd.auto(displacement),
                settings.threePoint() ? multipoles(displacement, density) : null);
    }

    /** Compares a predicted displacement [Mpc/h] (same box and grid) with the truth. */
    public Result compare(String name, VectorField pred, Truth truth) {
        Box box = truth.displacement().box();
        if (pred.box().n() != box.n() || Math.abs(pred.box().size() - box.size()) > 1e-6 * box.size()) {
            throw new IllegalArgumentException(name + " (grid " + pred.box().n() + ", L " + pred.box().size()
                    + ") does not match the truth (grid " + box.n() + ", L " + box.size() + ")");
        }
        ScalarField density = density(pred);
        PowerSpectrum ps = new PowerSpectrum(density.box(), settings.dk(), settings.threads());
        Spectrum dp = ps.auto(density);
        Spectrum dc = ps.cross(density, truth.density());
        Spectra ds = spectra(dp, truth.densityPower(), dc);
        PowerSpectrum pv = new PowerSpectrum(box, settings.dk(), settings.threads());
        Spectrum vp = pv.auto(pred);
        Spectrum vc = pv.cross(pred, truth.displacement());
        Spectra vs = spectra(vp, truth.displacementPower(), vc);
        int nk = settings.kProbe().length;
        double[][] read = new double[4][nk];
        for (int i = 0; i < nk; i++) {
            double k = settings.kProbe()[i];
            read[0][i] = probe(ds.stats().t(), k);
            read[1][i] = probe(ds.stats().r(), k);
            read[2][i] = probe(vs.stats().t(), k);
            read[3][i] = probe(vs.stats().r(), k);
        }
        Multipoles m = null;
        double residual = Double.NaN;
        if (settings.threePoint() && truth.multipoles() != null) {
            m = multipoles(pred, density);
            residual = ThreePoint.relativeResidual(m, truth.multipoles(), settings.lmax());
        }
        return new Result(name, PointwiseError.of(pred, truth.displacement(), settings.threads()),
                read[0], read[1], read[2], read[3], residual, ds, vs, m);
    }

    /** The value in the bin containing k, or NaN when k lies beyond the grid's last bin (a coarse grid). */
    private double probe(double[] perBin, double k) {
        return k < perBin.length * settings.dk() ? TransferStats.valueAt(perBin, k, settings.dk()) : Double.NaN;
    }

    /** CIC density contrast of the particles on the comparison mesh. */
    public ScalarField density(VectorField displacement) {
        Box box = displacement.box();
        return new CicPainter(box, box.refined(settings.meshFactor()), settings.threads()).density(displacement);
    }

    /** 3PCF multipoles of a displacement [Mpc/h] by the settings' estimator. */
    public Multipoles multipoles(VectorField displacement) {
        return multipoles(displacement, settings.estimator() == ThreePointEstimator.MESH ? density(displacement) : null);
    }

    /** The multipoles, from {@code density} (delta on the comparison mesh) for the mesh estimator. */
    private Multipoles multipoles(VectorField displacement, ScalarField density) {
        if (settings.estimator() == ThreePointEstimator.MESH) {
            return meshEstimator(density.box()).compute(ThreePointEstimator.onePlusDelta(density));
        }
        double[][] x = Particles.positions(displacement);
        return new ThreePoint(displacement.box().size(), settings.rMax(), settings.bins(), settings.lmax(),
                settings.threads()).compute(x[0], x[1], x[2], null);
    }

    /** One FFT estimator per comparison (its shell offsets and harmonics are set up once). */
    private synchronized MeshThreePoint meshEstimator(Box mesh) {
        if (mesh3pt == null || !mesh3pt.box().equals(mesh)) {
            mesh3pt = new MeshThreePoint(mesh, settings.rMax(), settings.bins(), settings.lmax(), settings.threads());
        }
        return mesh3pt;
    }

    private static Spectra spectra(Spectrum pred, Spectrum truth, Spectrum cross) {
        return new Spectra(pred, truth, cross, TransferStats.of(truth.k(), pred.p(), truth.p(), cross.p()));
    }
}
