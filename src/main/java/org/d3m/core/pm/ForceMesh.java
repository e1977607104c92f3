package org.d3m.core.pm;

import org.d3m.core.field.Box;
import org.d3m.core.field.CicPainter;
import org.d3m.core.field.Fft;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.VectorField;

/**
 * The particle-mesh force F = -grad phi with lap phi = 1.5 Omega_m delta, in the units of
 * FastPM (x in Mpc/h, H0 = 1): CIC paint on a mesh B times finer than the particle grid, r2c
 * FFT, exact Poisson kernel -1/k^2, the 4-point finite-difference gradient, CIC read-out. No
 * deconvolution of the CIC window.
 *
 * <p>Two equivalent gradient paths: {@code spectral = true} multiplies phi(k) by the gradient's
 * Fourier symbol {@code i (8 sin(k h) - sin(2 k h)) / (6 h)} per axis (1 forward + 3 inverse
 * FFTs); {@code spectral = false} (default) inverse-transforms phi once and applies the same
 * stencil {@code [8 (phi(x+h) - phi(x-h)) - (phi(x+2h) - phi(x-2h))] / (12 h)} in real space
 * (2 FFTs). Their symbols are identical, so they agree to float rounding.
 *
 * <p>Memory: two real meshes and one half-complex mesh (about 12 n_m^3 bytes), reused.
 */
public final class ForceMesh {

    private final Box mesh;
    private final CicPainter painter;
    private final Fft fft;
    private final double omegaM;
    private final boolean spectral;
    private final int threads;
    private final float[] real;
    private final float[] work;
    private final float[] spectrum;
    private final float[] gradientSpectrum;

    /**
     * @param meshOffset where particles sit relative to the mesh nodes, in mesh cells per axis: 0 (on
     *     the nodes, FastPM) or 0.5 (halfway, away from the CIC kernel's kinks); see
     *     {@link org.d3m.core.ic.LptKernel#meshOffset}
     */
    public ForceMesh(Box lagrangian, int meshFactor, double omegaM, int threads, boolean spectral, double meshOffset) {
        this.mesh = lagrangian.refined(meshFactor);
        this.threads = Parallel.threads(threads);
        this.painter = new CicPainter(lagrangian, mesh, this.threads, meshOffset);
        this.fft = new Fft(mesh.n(), this.threads);
        this.omegaM = omegaM;
        this.spectral = spectral;
        this.real = new float[mesh.cells()];
        this.work = new float[mesh.cells()];
        this.spectrum = new float[fft.complexLength()];
        this.gradientSpectrum = spectral ? new float[fft.complexLength()] : null;
    }

    /** Bytes held by a force mesh for this particle grid and mesh factor. */
    public static long memoryBytes(Box lagrangian, int meshFactor) {
        long nm = (long) lagrangian.n() * meshFactor;
        return 4L * nm * nm * nm * 2 + 4L * nm * nm * (nm / 2 + 1) * 2 + 16L * lagrangian.cells();
    }

    public Box mesh() {
        return mesh;
    }

    /** Writes the force F = -grad phi at every particle into {@code out[3][n_p^3]} [Mpc/h in FastPM units]. */
    public void forces(VectorField displacement, float[][] out) {
        painter.paint(displacement, null, real);
        double mean = (double) displacement.box().cells() / mesh.cells();
        int nm = mesh.n();
        Parallel.forEach(nm, threads, p -> {
            for (int j = p * nm * nm; j < (p + 1) * nm * nm; j++) {
                real[j] = (float) (real[j] / mean - 1);
            }
        });
        fft.forward(real, spectrum);
        applyPoisson();
        if (spectral) {
            for (int d = 0; d < 3; d++) {
                spectralGradient(d);
                fft.inverseInPlace(gradientSpectrum, real);
                painter.readout(real, displacement, out[d]);
            }
        } else {
            fft.inverseInPlace(spectrum, real);
            for (int d = 0; d < 3; d++) {
                finiteDifference(real, work, d);
                painter.readout(work, displacement, out[d]);
            }
        }
    }

    /** phi(k) = -1.5 Om delta(k) / k^2, k = 0 set to zero. */
    private void applyPoisson() {
        int n = mesh.n();
        int half = n / 2;
        double c = -1.5 * omegaM;
        Parallel.forEach(n, threads, ix -> {
            double kx = mesh.k(ix);
            for (int iy = 0; iy < n; iy++) {
                double ky = mesh.k(iy);
                for (int kz = 0; kz <= half; kz++) {
                    double kzv = mesh.k(kz);
                    double k2 = kx * kx + ky * ky + kzv * kzv;
                    int p = fft.index(ix, iy, kz);
                    double f = k2 == 0 ? 0 : c / k2;
                    spectrum[p] *= (float) f;
                    spectrum[p + 1] *= (float) f;
                }
            }
        });
    }

    /** gradientSpectrum = -i D_axis(k) phi(k): the force component's spectrum. */
    private void spectralGradient(int axis) {
        int n = mesh.n();
        int half = n / 2;
        double h = mesh.cell();
        Parallel.forEach(n, threads, ix -> {
            for (int iy = 0; iy < n; iy++) {
                for (int kz = 0; kz <= half; kz++) {
                    int i = axis == 0 ? ix : axis == 1 ? iy : kz;
                    double kh = mesh.k(i) * h;
                    double symbol = (8 * Math.sin(kh) - Math.sin(2 * kh)) / (6 * h);
                    int p = fft.index(ix, iy, kz);
                    // -i * symbol * (re + i im) = symbol * im - i symbol * re
                    gradientSpectrum[p] = (float) (symbol * spectrum[p + 1]);
                    gradientSpectrum[p + 1] = (float) (-symbol * spectrum[p]);
                }
            }
        });
    }

    /** out = -d phi / d x_axis by the 4-point stencil on the periodic mesh. */
    private void finiteDifference(float[] phi, float[] out, int axis) {
        int n = mesh.n();
        double inv12h = 1.0 / (12 * mesh.cell());
        int stride = axis == 0 ? n * n : axis == 1 ? n : 1;
        // periodic neighbour offsets along the axis, in units of the stride (no % in the inner loop)
        int[] p1 = new int[n];
        int[] m1 = new int[n];
        int[] p2 = new int[n];
        int[] m2 = new int[n];
        for (int i = 0; i < n; i++) {
            p1[i] = ((i + 1) % n - i) * stride;
            m1[i] = ((i - 1 + n) % n - i) * stride;
            p2[i] = ((i + 2) % n - i) * stride;
            m2[i] = ((i - 2 + n) % n - i) * stride;
        }
        Parallel.forEach(n, threads, ix -> {
            for (int iy = 0; iy < n; iy++) {
                int row = (ix * n + iy) * n;
                int outer = axis == 0 ? ix : axis == 1 ? iy : -1;
                for (int iz = 0; iz < n; iz++) {
                    int c = row + iz;
                    int i = outer >= 0 ? outer : iz;
                    double d1 = (double) phi[c + p1[i]] - phi[c + m1[i]];
                    double d2 = (double) phi[c + p2[i]] - phi[c + m2[i]];
                    out[c] = (float) (-(8 * d1 - d2) * inv12h);
                }
            }
        });
    }
}
