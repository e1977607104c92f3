package org.d3m.core.pm;

import org.d3m.core.cosmology.Background;
import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.field.Box;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;

/**
 * FastPM particle-mesh N-body solver (Feng et al. 2016): kick-drift-kick leapfrog with steps
 * linear in a, half steps at the geometric mean, FastPM kick/drift factors, 2LPT initial
 * conditions at a_start, forces from {@link ForceMesh}.
 *
 * <p>Particles are stored as float displacements from their Lagrangian grid point (not absolute
 * positions), which keeps 7 significant digits of the displacement itself. Memory: 36 bytes per
 * particle (displacement, momentum, force) plus the force mesh ({@link ForceMesh#memoryBytes}).
 * Forces per run: steps + 1.
 */
public final class FastPmSolver {

    /** Run settings; {@code threads < 1} means all cores. */
    public record Config(int steps, double aStart, double aEnd, int meshFactor, int threads,
                         boolean fastPmFactors, boolean spectralGradient) {
        public Config {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            }
            if (!(aStart > 0 && aStart < 1)) {
                throw new IllegalArgumentException("a_start must be in (0, 1), got " + aStart);
            }
            if (!(aEnd > aStart && aEnd <= 1)) {
                throw new IllegalArgumentException("a_end must be in (a_start, 1], got " + aEnd);
            }
            if (meshFactor < 1 || meshFactor > 8) {
                throw new IllegalArgumentException("mesh_factor must be in 1..8, got " + meshFactor);
            }
        }

        /** The paper's setup: 10 steps from a = 0.1 to 1, mesh factor 2, FastPM factors, FD gradient. */
        public static Config defaults() {
            return new Config(10, 0.1, 1.0, 2, 0, true, false);
        }

        public Config withSteps(int s) {
            return new Config(s, aStart, aEnd, meshFactor, threads, fastPmFactors, spectralGradient);
        }

        public Config withThreads(int t) {
            return new Config(steps, aStart, aEnd, meshFactor, t, fastPmFactors, spectralGradient);
        }

        public Config withAEnd(double a) {
            return new Config(steps, aStart, a, meshFactor, threads, fastPmFactors, spectralGradient);
        }

        public Config withMeshFactor(int b) {
            return new Config(steps, aStart, aEnd, b, threads, fastPmFactors, spectralGradient);
        }

        public Config withFastPmFactors(boolean f) {
            return new Config(steps, aStart, aEnd, meshFactor, threads, f, spectralGradient);
        }

        public Config withSpectralGradient(boolean s) {
            return new Config(steps, aStart, aEnd, meshFactor, threads, fastPmFactors, s);
        }
    }

    /** Displacement wrapped into [-L/2, L/2) [Mpc/h] and momentum p = a^3 E dx/da [Mpc/h] at {@code a}. */
    public record Result(VectorField displacement, VectorField momentum, double a) {
    }

    private final Box lagrangian;
    private final double omegaM;
    private final Config config;

    public FastPmSolver(Box lagrangian, double omegaM, Config config) {
        this.lagrangian = lagrangian;
        this.omegaM = omegaM;
        this.config = config;
    }

    /** Bytes a run needs: particles (displacement, momentum, force) and the force mesh. */
    public static long memoryBytes(Box lagrangian, int meshFactor) {
        return 36L * lagrangian.cells() + ForceMesh.memoryBytes(lagrangian, meshFactor);
    }

    /**
     * Evolves particles from 2LPT initial conditions at a_start to a_end.
     *
     * @param psi1 first-order displacement of the z = 0 linear field [Mpc/h]
     * @param psi2 second-order displacement [Mpc/h], or null for ZA initial conditions
     */
    public Result run(VectorField psi1, VectorField psi2, Progress progress) {
        int threads = Parallel.threads(config.threads());
        GrowthFactors g = GrowthFactors.of(omegaM);
        Background bg = new Background(omegaM);
        KickDriftFactors factors = new KickDriftFactors(omegaM, config.fastPmFactors());
        ForceMesh forceMesh = new ForceMesh(lagrangian, config.meshFactor(), omegaM, threads, config.spectralGradient());

        double a0 = config.aStart();
        double d1 = g.d1(a0);
        double d2 = g.d2(a0);
        double pNorm = a0 * a0 * bg.e(a0);
        double p1 = pNorm * g.f1(a0) * d1;
        double p2 = pNorm * g.f2(a0) * d2;
        int np = lagrangian.cells();
        float[][] x = new float[3][np];
        float[][] p = new float[3][np];
        for (int d = 0; d < 3; d++) {
            float[] s1 = psi1.c()[d];
            float[] s2 = psi2 == null ? null : psi2.c()[d];
            float[] xd = x[d];
            float[] pd = p[d];
            Parallel.forEach(np, threads, i -> {
                double second = s2 == null ? 0 : s2[i];
                xd[i] = (float) (d1 * s1[i] + d2 * second);
                pd[i] = (float) (p1 * s1[i] + p2 * second);
            });
        }
        VectorField position = new VectorField(lagrangian, x);
        float[][] force = new float[3][np];
        forceMesh.forces(position, force);

        int steps = config.steps();
        for (int s = 0; s < steps; s++) {
            progress.checkCancelled();
            double ai = a0 + (config.aEnd() - a0) * s / steps;
            double af = a0 + (config.aEnd() - a0) * (s + 1) / steps;
            double ah = Math.sqrt(ai * af);
            addScaled(p, force, factors.kick(ai, ah, ai), threads);
            addScaled(x, p, factors.drift(ai, af, ah), threads);
            forceMesh.forces(position, force);
            addScaled(p, force, factors.kick(ah, af, af), threads);
            progress.report((s + 1.0) / steps, String.format("PM step %d/%d, a = %.3f", s + 1, steps, af));
        }
        for (int d = 0; d < 3; d++) {
            float[] xd = x[d];
            Parallel.forEach(np, threads, i -> xd[i] = (float) lagrangian.wrapCentered(xd[i]));
        }
        return new Result(position, new VectorField(lagrangian, p), config.aEnd());
    }

    private static void addScaled(float[][] target, float[][] source, double factor, int threads) {
        for (int d = 0; d < 3; d++) {
            float[] t = target[d];
            float[] s = source[d];
            Parallel.forEach(t.length, threads, i -> t[i] = (float) (t[i] + factor * s[i]));
        }
    }
}
