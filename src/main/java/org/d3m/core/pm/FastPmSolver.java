package org.d3m.core.pm;

import java.util.ArrayList;
import java.util.List;
import org.d3m.core.cosmology.Background;
import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.field.Box;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.LptKernel;
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

    /**
     * Run settings; {@code threads < 1} means all cores. {@code kernel} fixes the second-order
     * growth of the initial conditions and where particles sit on the force mesh (see
     * {@link LptKernel}); it must be the kernel the LPT fields were made with.
     */
    public record Config(int steps, double aStart, double aEnd, int meshFactor, int threads,
                         boolean fastPmFactors, boolean spectralGradient, LptKernel kernel) {
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
            if (kernel == null) {
                throw new IllegalArgumentException("kernel must be fastpm or exact");
            }
        }

        /** The paper's setup: 10 steps from a = 0.1 to 1, mesh factor 2, FastPM factors, FD gradient, FastPM kernel. */
        public static Config defaults() {
            return new Config(10, 0.1, 1.0, 2, 0, true, false, LptKernel.FASTPM);
        }

        public Config withSteps(int s) {
            return new Config(s, aStart, aEnd, meshFactor, threads, fastPmFactors, spectralGradient, kernel);
        }

        public Config withThreads(int t) {
            return new Config(steps, aStart, aEnd, meshFactor, t, fastPmFactors, spectralGradient, kernel);
        }

        public Config withAStart(double a) {
            return new Config(steps, a, aEnd, meshFactor, threads, fastPmFactors, spectralGradient, kernel);
        }

        public Config withAEnd(double a) {
            return new Config(steps, aStart, a, meshFactor, threads, fastPmFactors, spectralGradient, kernel);
        }

        /**
         * The run ending at redshift z, a_end = 1 / (1 + z), with the steps still from a_start: z must be
         * in [0, 1/a_start - 1). Set a_start first.
         *
         * @throws IllegalArgumentException one line naming the keys {@code redshift} and {@code a_start}
         */
        public Config withRedshift(double z) {
            double zMax = 1 / aStart - 1;
            if (!(z >= 0 && 1 / (1 + z) > aStart)) {
                throw new IllegalArgumentException("redshift must be in [0, 1/a_start - 1) = [0, " + number(zMax)
                        + "), got " + number(z));
            }
            return withAEnd(1 / (1 + z));
        }

        /** The redshift of a_end, 1/a_end - 1 (0 for a_end = 1). */
        public double redshift() {
            return 1 / aEnd - 1;
        }

        /**
         * The scale factors of the step boundaries, as the C FastPM's {@code time_step = linspace(a_start,
         * a_end, steps + 1)}: {@code a_start + (a_end - a_start) i / steps}, the last exactly a_end.
         */
        public double[] timeSteps() {
            double[] a = new double[steps + 1];
            for (int i = 0; i < steps; i++) {
                a[i] = (aEnd - aStart) * i / steps + aStart;
            }
            a[steps] = aEnd;
            return a;
        }

        /** A number as a person writes it: 9 rather than 9.0, at most 6 significant digits. */
        private static String number(double v) {
            if (!Double.isFinite(v)) {
                return Double.toString(v);
            }
            return new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
        }

        public Config withMeshFactor(int b) {
            return new Config(steps, aStart, aEnd, b, threads, fastPmFactors, spectralGradient, kernel);
        }

        public Config withFastPmFactors(boolean f) {
            return new Config(steps, aStart, aEnd, meshFactor, threads, f, spectralGradient, kernel);
        }

        public Config withSpectralGradient(boolean s) {
            return new Config(steps, aStart, aEnd, meshFactor, threads, fastPmFactors, s, kernel);
        }

        public Config withKernel(LptKernel k) {
            return new Config(steps, aStart, aEnd, meshFactor, threads, fastPmFactors, spectralGradient, k);
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
     * Evolves particles from 2LPT initial conditions at a_start to a_end, in the steps of
     * {@link Config#timeSteps()}.
     *
     * @param psi1 first-order displacement of the z = 0 linear field [Mpc/h]
     * @param psi2 second-order displacement [Mpc/h], or null for ZA initial conditions; both made with
     *     the config's kernel
     */
    public Result run(VectorField psi1, VectorField psi2, Progress progress) {
        return run(psi1, psi2, new double[] {config.aEnd()}, progress).get(0);
    }

    /**
     * Evolves particles from a_start to a_end and returns snapshots at the scale factors
     * {@code outputs} (each in [a_start, a_end], ascending), without changing the time steps.
     * A snapshot between steps is interpolated as the C FastPM does: while x sits at a_i and p at
     * the half step a_h (a snapshot time in (a_i, a_h]), or x at a_f and p at a_h (a snapshot in
     * (a_h, a_f]), x is drifted with p(a_h) and p kicked with the force of x, each with the
     * FastPM factors, to the snapshot time.
     */
    public List<Result> run(VectorField psi1, VectorField psi2, double[] outputs, Progress progress) {
        checkOutputs(outputs);
        int threads = Parallel.threads(config.threads());
        GrowthFactors g = GrowthFactors.of(omegaM);
        Background bg = new Background(omegaM);
        KickDriftFactors factors = new KickDriftFactors(omegaM, config.fastPmFactors());
        ForceMesh forceMesh = new ForceMesh(lagrangian, config.meshFactor(), omegaM, threads, config.spectralGradient(),
                config.kernel().meshOffset());

        double a0 = config.aStart();
        double d1 = g.d1(a0);
        double d2 = config.kernel().secondOrderGrowth(g, a0);
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
            Parallel.forRanges(np, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double second = s2 == null ? 0 : s2[i];
                    xd[i] = (float) (d1 * s1[i] + d2 * second);
                    pd[i] = (float) (p1 * s1[i] + p2 * second);
                }
            });
        }
        VectorField position = new VectorField(lagrangian, x);
        float[][] force = new float[3][np];
        forceMesh.forces(position, force);

        List<Result> snapshots = new ArrayList<>();
        int next = 0;
        while (next < outputs.length && outputs[next] == a0) {
            snapshots.add(snapshot(x, 0, p, force, 0, threads));
            next++;
        }
        // a last output at a_end is the particles themselves after the last kick (no copy)
        boolean endOutput = outputs[outputs.length - 1] == config.aEnd() && config.aEnd() > a0;
        int copies = endOutput ? outputs.length - 1 : outputs.length;
        int steps = config.steps();
        double[] time = config.timeSteps();
        for (int s = 0; s < steps && (next < copies || endOutput); s++) {
            progress.checkCancelled();
            double ai = time[s];
            double af = time[s + 1];
            double ah = Math.sqrt(ai * af);
            addScaled(p, force, factors.kick(ai, ah, ai), threads);
            for (; next < copies && outputs[next] <= ah; next++) {
                double a = outputs[next];
                snapshots.add(withTime(snapshot(x, factors.drift(ai, a, ah), p, force, factors.kick(ah, a, ai), threads), a));
            }
            addScaled(x, p, factors.drift(ai, af, ah), threads);
            forceMesh.forces(position, force);
            for (; next < copies && outputs[next] <= af; next++) {
                double a = outputs[next];
                snapshots.add(withTime(snapshot(x, factors.drift(af, a, ah), p, force, factors.kick(ah, a, af), threads), a));
            }
            addScaled(p, force, factors.kick(ah, af, af), threads);
            progress.report((s + 1.0) / steps, String.format("PM step %d/%d, a = %.3f", s + 1, steps, af));
        }
        if (endOutput) {
            for (int d = 0; d < 3; d++) {
                float[] xd = x[d];
                Parallel.forRanges(np, threads, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        xd[i] = (float) lagrangian.wrapCentered(xd[i]);
                    }
                });
            }
            snapshots.add(new Result(position, new VectorField(lagrangian, p), config.aEnd()));
        }
        return snapshots;
    }

    private void checkOutputs(double[] outputs) {
        if (outputs.length == 0) {
            throw new IllegalArgumentException("no output scale factor");
        }
        for (int i = 0; i < outputs.length; i++) {
            double a = outputs[i];
            if (!(a >= config.aStart() && a <= config.aEnd()) || (i > 0 && !(a > outputs[i - 1]))) {
                throw new IllegalArgumentException("output scale factors must be ascending in [a_start, a_end] = ["
                        + config.aStart() + ", " + config.aEnd() + "], got " + a);
            }
        }
    }

    /**
     * A copy of the particles with x moved by {@code drift * p} and p by {@code kick * force},
     * the displacement wrapped into [-L/2, L/2).
     */
    private Result snapshot(float[][] x, double drift, float[][] p, float[][] force, double kick, int threads) {
        int np = lagrangian.cells();
        float[][] xo = new float[3][np];
        float[][] po = new float[3][np];
        for (int d = 0; d < 3; d++) {
            float[] xs = x[d];
            float[] ps = p[d];
            float[] fs = force[d];
            float[] xd = xo[d];
            float[] pd = po[d];
            Parallel.forRanges(np, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    xd[i] = (float) lagrangian.wrapCentered(drift == 0 ? xs[i] : (float) (xs[i] + drift * ps[i]));
                    pd[i] = kick == 0 ? ps[i] : (float) (ps[i] + kick * fs[i]);
                }
            });
        }
        return new Result(new VectorField(lagrangian, xo), new VectorField(lagrangian, po), config.aStart());
    }

    private static Result withTime(Result r, double a) {
        return new Result(r.displacement(), r.momentum(), a);
    }

    private static void addScaled(float[][] target, float[][] source, double factor, int threads) {
        for (int d = 0; d < 3; d++) {
            float[] t = target[d];
            float[] s = source[d];
            Parallel.forRanges(t.length, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    t[i] = (float) (t[i] + factor * s[i]);
                }
            });
        }
    }
}
