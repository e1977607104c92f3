package org.d3m.core.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.d3m.core.field.Box;
import org.d3m.core.field.CicPainter;
import org.d3m.core.field.Fft;
import org.d3m.core.field.LaneFft3d;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.LptKernel;
import org.d3m.core.pm.FastPmSolver;
import org.d3m.core.pm.ForceMesh;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;

/**
 * Timings of the physics kernels (not a test): FFT round trips, memory copy bandwidth, CIC
 * painting, the PM force step by step at three mesh sizes, whole FastPM runs and their peak memory;
 * the 3PCF by pair counts and by the mesh FFT estimator; on request ("fft") the FFT alternatives.
 * Each wall time is the median of several repetitions after a warm-up. Where it can be taken, a row
 * also has the process CPU time per call (every thread of the JVM, JIT and GC included; the mean over
 * the same calls), the figure that still means something when other processes share the cores.
 * {@link #report} returns the Markdown table that docs/performance.md holds.
 */
public final class Benchmarks {

    /**
     * One measured figure: wall time [s] and process CPU time per call [s] (NaN where the row does not
     * measure it).
     */
    public record Row(String what, String size, double seconds, double cpuSeconds, String note) {

        /** A row with a wall time only. */
        public Row(String what, String size, double seconds, String note) {
            this(what, size, seconds, Double.NaN, note);
        }
    }

    /** Wall time [s] (median) and process CPU time per call [s] (mean) of repeated calls. */
    private record Timing(double wall, double cpu) {
    }

    private final int threads;
    private final boolean quick;
    private final java.util.Set<String> parts;
    private final List<Row> rows = new ArrayList<>();

    /**
     * Every group: PM kernels and runs, the 3PCF, the emulator network, and "fft", the FFT
     * alternatives the PM force does not use (JTransforms' FloatFFT_3D, libtorch through DJL).
     */
    public static final java.util.Set<String> ALL = java.util.Set.of("pm", "3pcf", "emulator", "fft");

    /**
     * @param quick smaller sizes (for a smoke run); the full set includes 256^3 meshes and a 128^3 PM run
     * @param parts which groups to run, a subset of {@link #ALL}
     */
    public Benchmarks(int threads, boolean quick, java.util.Set<String> parts) {
        this.threads = threads;
        this.quick = quick;
        this.parts = parts;
        for (String p : parts) {
            if (!ALL.contains(p)) {
                throw new IllegalArgumentException("unknown benchmark part '" + p + "'; known: pm, 3pcf, emulator, fft");
            }
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** Runs every benchmark, reporting progress; returns the rows. */
    public List<Row> run(Progress progress) {
        if (parts.contains("pm")) {
            physics(progress.sub(0, 0.6));
        }
        if (parts.contains("fft")) {
            progress.report(0.55, "FFT alternatives");
            fftAlternatives(quick ? 64 : 256);
        }
        if (parts.contains("3pcf")) {
            progress.report(0.6, "3PCF of 32^3 particles");
            threePoint(quick ? 16 : 32);
        }
        if (parts.contains("emulator")) {
            for (int w : quick ? new int[] {8} : new int[] {16, 32, 64}) {
                progress.report(0.8, "emulator width " + w);
                double[] t = org.d3m.core.emulator.EmulatorBenchmark.time(w);
                rows.add(new Row("D3M forward, width " + w + " (" + (long) t[2] + " parameters)", "per 32^3 sample, batch 4",
                        t[0] / 1000, "CPU, DJL/libtorch"));
                rows.add(new Row("D3M training step, width " + w, "per 32^3 sample, batch 4", t[1] / 1000, "CPU, Adam"));
            }
        }
        progress.report(1, "done");
        return rows;
    }

    private void physics(Progress progress) {
        int[] meshes = quick ? new int[] {32, 64} : new int[] {64, 128, 256};
        warmUp(quick ? 0.2 : 1.5);
        for (int i = 0; i < meshes.length; i++) {
            progress.report(0.2 * i / meshes.length, "FFT " + meshes[i] + "^3");
            fftRoundTrip(meshes[i]);
        }
        copyBandwidth();
        int np = quick ? 32 : 128;
        progress.report(0.2, "CIC at " + np + "^3");
        cic(np);
        for (int i = 0; i < meshes.length; i++) {
            progress.report(0.25 + 0.2 * i / meshes.length, "PM force, mesh " + meshes[i] + "^3");
            forceSteps(meshes[i] / 2);
        }
        progress.report(0.45, "FastPM 32^3");
        fastPm(32, 10);
        if (!quick) {
            progress.report(0.55, "FastPM 64^3");
            fastPm(64, 10);
            progress.report(0.65, "FastPM 128^3");
            fastPm(128, 10);
        }
    }

    /**
     * The 3PCF of one field with the paper's binning (l <= 8, 10 bins of 5 Mpc/h) in the paper's box
     * (L = 128 Mpc/h, which r_max = 50 needs: at most L/2; quick: n = 16 in the same box), by
     * pair counts on n^3 clustered particles ({@code ThreePoint}, one call: its cost dwarfs the JIT's)
     * and by the mesh FFT estimator on an n^3 field ({@code MeshThreePoint}, best of 2 after a warm-up
     * call); the mesh row's note gives the CPU ratio of the two.
     */
    private void threePoint(int n) {
        double box = 128;
        double[] pairs = new double[1];
        double pairCpu = cpuPerCall(1, () -> pairs[0] = org.d3m.core.analysis.ThreePoint.benchmarkSeconds(n, box, threads, 1));
        rows.add(new Row("3PCF multipoles l <= 8, 10 bins of 5 Mpc/h, pair counts", n + "^3 particles, L = 128 Mpc/h",
                pairs[0], pairCpu, "`ThreePoint`, three_point_estimator=particles; Zel'dovich-like clustered points"));
        org.d3m.core.analysis.MeshThreePoint.benchmarkSeconds(n, box, threads, 1); // JIT warm-up
        double[] mesh = new double[1];
        double meshCpu = cpuPerCall(2, () -> mesh[0] = org.d3m.core.analysis.MeshThreePoint.benchmarkSeconds(n, box, threads, 2));
        rows.add(new Row("3PCF multipoles l <= 8, 10 bins of 5 Mpc/h, mesh FFT estimator", n + "^3 mesh, L = 128 Mpc/h",
                mesh[0], meshCpu, String.format(Locale.ROOT, "`MeshThreePoint`, three_point_estimator=mesh (the default); %d FFTs"
                        + " of %d^3; pair counts / mesh: %.0fx the CPU, %.0fx the wall time", 2 * 81 * 10 + 1, n,
                        pairCpu / meshCpu, pairs[0] / mesh[0])));
    }

    /** Process CPU time [s] of a body that makes {@code calls} calls, per call; NaN where the JVM does not report it. */
    private static double cpuPerCall(int calls, Runnable body) {
        long c0 = processCpuNanos();
        body.run();
        long c1 = processCpuNanos();
        return c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) * 1e-9 / calls;
    }

    /** CPU time of every thread of this process [ns], or -1 where the JVM does not report it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Runs the FFTs and a small force for a while, so that the JIT has compiled them before any timing. */
    private void warmUp(double seconds) {
        int n = 32;
        Fft fft = new Fft(n, threads);
        Fft lines = Fft.jtransforms(n, threads);
        LaneFft3d lanes = new LaneFft3d(n, threads);
        float[] f = random(n * n * n, 1);
        float[] spec = new float[fft.complexLength()];
        float[] back = new float[f.length];
        Box lag = new Box(4.0 * n / 2, n / 2);
        VectorField psi = displacement(lag);
        ForceMesh fm = new ForceMesh(lag, 2, 0.3089, threads, false, LptKernel.FASTPM.meshOffset());
        float[][] force = new float[3][lag.cells()];
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            fft.forward(f, spec);
            fft.inverseInPlace(spec, back);
            lines.forward(f, spec);
            lines.inverseInPlace(spec, back);
            lanes.forward(f, spec);
            lanes.inverse(spec, back);
            fm.forces(psi, force);
        }
    }

    private void fftRoundTrip(int n) {
        float[] f = random(n * n * n, n);
        float[] back = new float[f.length];
        for (Fft fft : new Fft[] {Fft.jtransforms(n, threads), new Fft(n, threads)}) {
            float[] spec = new float[fft.complexLength()];
            Timing t = timed(quick ? 3 : 5, () -> {
                fft.forward(f, spec);
                fft.inverseInPlace(spec, back);
                return null;
            });
            rows.add(fft.usesLanes()
                    ? new Row("FFT round trip (r2c + c2r), lanes, interleaved", n + "^3", t.wall(), t.cpu(), "`Fft` (power-of-two n): ICs, analysis")
                    : new Row("FFT round trip (r2c + c2r), JTransforms lines", n + "^3", t.wall(), t.cpu(), "`Fft.jtransforms` (`Fft` for other even n)"));
        }
        LaneFft3d lanes = new LaneFft3d(n, threads);
        float[] spectrum = new float[lanes.spectrumLength()];
        Timing t = timed(quick ? 3 : 5, () -> {
            lanes.forward(f, spectrum);
            lanes.inverse(spectrum, back);
            return null;
        });
        rows.add(new Row("FFT round trip (r2c + c2r), lanes", n + "^3", t.wall(), t.cpu(), "`LaneFft3d`, vectorised: PM force"));
    }

    /** STREAM-like copy: the memory bandwidth floor for the mesh sweeps of painting and read-out. */
    private void copyBandwidth() {
        int len = quick ? 1 << 22 : 1 << 25;
        float[] a = random(len, 3);
        float[] b = new float[len];
        int t = org.d3m.core.field.Parallel.threads(threads);
        Timing copy = timed(5, () -> {
            org.d3m.core.field.Parallel.forEach(t, t, k -> {
                int from = (int) ((long) len * k / t);
                int to = (int) ((long) len * (k + 1) / t);
                System.arraycopy(a, from, b, from, to - from);
            });
            return null;
        });
        rows.add(new Row("memory copy (STREAM-like, `System.arraycopy`, " + t + " threads)", (4L * len >> 20) + " MiB",
                copy.wall(), copy.cpu(), String.format(Locale.ROOT, "%.1f GB/s (read + write)", 8.0 * len / copy.wall() / 1e9)));
    }

    private void cic(int np) {
        Box lag = new Box(4.0 * np, np);
        VectorField psi = displacement(lag);
        Box mesh = lag.refined(2);
        CicPainter painter = new CicPainter(lag, mesh, threads, LptKernel.FASTPM.meshOffset());
        float[] m = new float[mesh.cells()];
        Timing paint = timed(5, () -> {
            painter.paint(psi, null, m);
            return null;
        });
        rows.add(new Row("CIC paint (`CicPainter`, density commands)", np + "^3 particles -> " + mesh.n() + "^3 mesh",
                paint.wall(), paint.cpu(), ""));
        float[] out = new float[lag.cells()];
        Timing read = timed(5, () -> {
            painter.readout(m, psi, out);
            return null;
        });
        rows.add(new Row("CIC read-out, one component (`CicPainter`)", np + "^3 particles <- " + mesh.n() + "^3 mesh",
                read.wall(), read.cpu(), ""));
    }

    /** One PM force (B = 2, the default kernel) and each of its steps, median over repetitions. */
    private void forceSteps(int np) {
        Box lag = new Box(4.0 * np, np);
        VectorField psi = displacement(lag);
        ForceMesh fm = new ForceMesh(lag, 2, 0.3089, threads, false, LptKernel.FASTPM.meshOffset());
        float[][] force = new float[3][lag.cells()];
        List<String> steps = fm.steps();
        int reps = quick ? 3 : np >= 128 ? 5 : 7;
        double[][] t = new double[steps.size() + 1][reps];
        long start = System.nanoTime();
        for (int w = 0; w < 50 && (w < 3 || System.nanoTime() - start < 300_000_000L); w++) {
            fm.forces(psi, force);
        }
        long cpu0 = processCpuNanos();
        for (int r = 0; r < reps; r++) {
            double[] s = new double[steps.size()];
            long t0 = System.nanoTime();
            fm.forces(psi, force, s);
            t[steps.size()][r] = (System.nanoTime() - t0) * 1e-9;
            for (int i = 0; i < s.length; i++) {
                t[i][r] = s[i];
            }
        }
        long cpu1 = processCpuNanos();
        double cpu = cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) * 1e-9 / reps;
        String size = np + "^3 particles, mesh " + 2 * np + "^3";
        if (steps.size() > 1) {
            for (int i = 0; i < steps.size(); i++) {
                rows.add(new Row("PM force step: " + steps.get(i), size, median(t[i]), ""));
            }
        }
        rows.add(new Row("PM force (paint, 2 FFTs, Poisson, FD gradient, read-out of 3 components)", size,
                median(t[steps.size()]), cpu, "B = 2, kernel=fastpm"));
    }

    /** JTransforms' own 3D transform and libtorch's, with and without threads (not used by D3M). */
    private void fftAlternatives(int n) {
        float[] f = random(n * n * n, n);
        float[][] out = new float[3][];
        for (int t = 1; t <= 2; t++) {
            pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(t);
            org.jtransforms.fft.FloatFFT_3D fft = new org.jtransforms.fft.FloatFFT_3D(n, n, n);
            float[] w = new float[f.length];
            Timing sec = timed(quick ? 3 : 5, () -> {
                System.arraycopy(f, 0, w, 0, f.length);
                fft.realForward(w);
                fft.realInverse(w, true);
                return null;
            });
            out[t] = f.clone();
            fft.realForward(out[t]);
            rows.add(new Row("FFT round trip, JTransforms `FloatFFT_3D` (in place), " + t + " thread" + (t > 1 ? "s" : ""),
                    n + "^3", sec.wall(), sec.cpu(), t == 2 ? "forward bit-identical to 1 thread: " + Arrays.equals(out[1], out[2]) : ""));
        }
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(org.d3m.core.field.Parallel.threads(0));
        float[][] torch = new float[3][];
        for (int t = 1; t <= 2; t++) {
            double[] sec = org.d3m.core.emulator.TorchFft.roundTripSeconds(f, n, t, quick ? 3 : 5);
            torch[t] = org.d3m.core.emulator.TorchFft.forward(f, n, t);
            rows.add(new Row("FFT round trip, libtorch via DJL (rfft, fft2, ifft2, irfft), " + t + " thread" + (t > 1 ? "s" : ""),
                    n + "^3", sec[0], String.format(Locale.ROOT, "%.4f s without the copies in and out%s", sec[1],
                    t == 2 ? "; forward bit-identical to 1 thread: " + Arrays.equals(torch[1], torch[2]) : "")));
        }
    }

    private VectorField displacement(Box lag) {
        return new Realization(new SimulationSetup(lag, org.d3m.core.cosmology.Cosmology.planck15(), null,
                Double.NaN, 1, threads)).lpt(2, 1.0);
    }

    private void fastPm(int np, int steps) {
        SimulationSetup s = new SimulationSetup(new Box(4.0 * np, np), org.d3m.core.cosmology.Cosmology.planck15(), null,
                Double.NaN, 1, threads);
        Realization r = new Realization(s);
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        r.psi2();
        double ics = (System.nanoTime() - t0) * 1e-9;
        double icsCpu = cpuSince(c0);
        FastPmSolver.Config cfg = FastPmSolver.Config.defaults().withSteps(steps).withThreads(threads);
        System.gc();
        long before = usedHeap();
        PeakHeap peak = new PeakHeap();
        t0 = System.nanoTime();
        c0 = processCpuNanos();
        r.fastPm(cfg, Progress.NONE);
        double run = (System.nanoTime() - t0) * 1e-9;
        double runCpu = cpuSince(c0);
        peak.stop();
        rows.add(new Row("2LPT initial conditions (Psi1, Psi2)", np + "^3", ics, icsCpu, ""));
        rows.add(new Row("FastPM run, " + steps + " steps, B=2", np + "^3 particles, mesh " + 2 * np + "^3", run, runCpu,
                String.format(Locale.ROOT, "heap peak +%.0f MB over the ICs (estimate %.0f MB)",
                        (peak.max - before) / 1e6, FastPmSolver.memoryBytes(s.box(), 2) / 1e6)));
    }

    /** Process CPU time [s] since {@code c0} ({@link #processCpuNanos}); NaN where not reported. */
    private static double cpuSince(long c0) {
        long c1 = processCpuNanos();
        return c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) * 1e-9;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples the used heap every few milliseconds until stopped. */
    private static final class PeakHeap {
        volatile boolean running = true;
        volatile long max = usedHeap();
        final Thread thread = new Thread(() -> {
            while (running) {
                max = Math.max(max, usedHeap());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "d3m-heap-sampler");

        PeakHeap() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            max = Math.max(max, usedHeap());
        }
    }

    private static double median(double[] t) {
        double[] c = t.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /**
     * Median wall time and mean process CPU time of {@code reps} timed calls after a warm-up of at
     * least 3 calls and 0.3 s (at most 50 calls), for the JIT.
     */
    private static Timing timed(int reps, Supplier<Object> body) {
        long start = System.nanoTime();
        for (int w = 0; w < 50 && (w < 3 || System.nanoTime() - start < 300_000_000L); w++) {
            body.get();
        }
        double[] t = new double[reps];
        long c0 = processCpuNanos();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            body.get();
            t[i] = (System.nanoTime() - t0) * 1e-9;
        }
        double cpu = cpuSince(c0) / reps;
        Arrays.sort(t);
        return new Timing(t[reps / 2], cpu);
    }

    private static float[] random(int len, long seed) {
        Random r = new Random(seed);
        float[] f = new float[len];
        for (int i = 0; i < len; i++) {
            f[i] = (float) r.nextGaussian();
        }
        return f;
    }

    /** The rows as a Markdown table. */
    public String report() {
        StringBuilder sb = new StringBuilder("| what | size | time [s] | CPU [s] | note |\n| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            String cpu = Double.isNaN(r.cpuSeconds()) ? "–" : String.format(Locale.ROOT, "%.4f", r.cpuSeconds());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %s | %s |%n", r.what(), r.size(), r.seconds(), cpu, r.note()));
        }
        return sb.toString();
    }

    /** Writes the table into {@code file}, between the markers, keeping the rest of the file. */
    public static void writeInto(Path file, String table, String header) throws java.io.IOException {
        String begin = "<!-- benchmark:begin -->";
        String end = "<!-- benchmark:end -->";
        String block = begin + "\n" + header + "\n\n" + table + end;
        String text = Files.exists(file) ? Files.readString(file) : "# Performance\n\n" + begin + "\n" + end + "\n";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        String updated = b >= 0 && e > b ? text.substring(0, b) + block + text.substring(e + end.length())
                : text + "\n" + block + "\n";
        org.d3m.core.io.AtomicFiles.writeString(file, updated);
    }
}
