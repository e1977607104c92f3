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
 * <p><b>Implementations.</b> With the real-space gradient on a power-of-two mesh (the default
 * setup) the force runs as {@link LaneForce}: painting fused with the first FFT steps plane by
 * plane, the Poisson kernel inside the x-transform, the finite differences inside the last FFT
 * step, one read-out pass for the three components, on vectorised {@link
 * org.d3m.core.field.LaneFft3d} transforms. Otherwise (the spectral gradient, or other mesh
 * sizes) it runs step by step on {@link Fft}. Both agree to float rounding (about 1e-6 relative).
 *
 * <p>Memory: two real meshes and one half-complex mesh (about 12 n_m^3 bytes), reused, and 8 bytes
 * per particle for the painting's buckets (16 are budgeted).
 *
 * <p><b>JIT warm-up.</b> The first fused force on a mesh of {@value #WARM_UP_MESH}^3 or more runs
 * mostly before C2 has compiled its loops (0.8-1.0 s instead of 0.25 s at 256^3 on 2 cores). So the
 * first such mesh in a JVM is preceded by {@value #WARM_UP_FORCES} forces of a 16^3 lattice on a
 * 32^3 mesh (about 0.17 s cold), which gets the same methods compiled: the first two forces at 256^3
 * then took 0.42 + 0.25 s instead of 0.85 + 0.34 s. Compiled code computes what the interpreter
 * does, bit for bit, so results do not depend on it.
 */
public final class ForceMesh {

    /** Meshes at least this many cells per side get the JIT warm-up (measured at 256). */
    static final int WARM_UP_MESH = 256;
    private static final int WARM_UP_FORCES = 20;
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED_UP = new java.util.concurrent.atomic.AtomicBoolean();

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
    /** The fused pipeline for power-of-two meshes with the real-space gradient; null otherwise. */
    private final LaneForce lanes;

    /**
     * @param meshOffset where particles sit relative to the mesh nodes, in mesh cells per axis: 0 (on
     *     the nodes, FastPM) or 0.5 (halfway, away from the CIC kernel's kinks); see
     *     {@link org.d3m.core.ic.LptKernel#meshOffset}
     */
    public ForceMesh(Box lagrangian, int meshFactor, double omegaM, int threads, boolean spectral, double meshOffset) {
        this(lagrangian, meshFactor, omegaM, threads, spectral, meshOffset, true);
    }

    /** @param fused whether to use the fused pipeline where it applies (tests compare it with the step-by-step one) */
    ForceMesh(Box lagrangian, int meshFactor, double omegaM, int threads, boolean spectral, double meshOffset, boolean fused) {
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
        this.lanes = fused && !spectral && LaneForce.supports(mesh)
                ? new LaneForce(lagrangian, mesh, omegaM, this.threads, painter, real, work, spectrum) : null;
        if (lanes != null && mesh.n() >= WARM_UP_MESH && WARMED_UP.compareAndSet(false, true)) {
            warmUp(this.threads, meshOffset);
        }
    }

    /** {@value #WARM_UP_FORCES} forces of a fixed random 16^3 lattice on a 32^3 mesh (see the class comment). */
    private static void warmUp(int threads, double meshOffset) {
        Box small = new Box(64, 16);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        float[][] d = new float[3][small.cells()];
        for (float[] c : d) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (3 * random.nextGaussian());
            }
        }
        VectorField displacement = new VectorField(small, d);
        ForceMesh m = new ForceMesh(small, 2, 0.3, threads, false, meshOffset);
        float[][] out = new float[3][small.cells()];
        for (int i = 0; i < WARM_UP_FORCES; i++) {
            m.forces(displacement, out);
        }
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
        if (lanes != null) {
            lanes.forces(displacement, out, null);
            return;
        }
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

    /**
     * The steps that {@link #forces(VectorField, float[][], double[])} times: those of the fused
     * pipeline on a power-of-two mesh with the real-space gradient, else a single "force".
     */
    public java.util.List<String> steps() {
        return lanes != null ? LaneForce.STEPS : java.util.List.of("force");
    }

    /** {@link #forces(VectorField, float[][])}, adding the wall time of each of the {@link #steps} [s] to {@code seconds}. */
    public void forces(VectorField displacement, float[][] out, double[] seconds) {
        if (lanes != null) {
            lanes.forces(displacement, out, seconds);
            return;
        }
        long t0 = System.nanoTime();
        forces(displacement, out);
        seconds[0] += (System.nanoTime() - t0) * 1e-9;
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
