package org.d3m.core.emulator;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;

/**
 * Timing and memory benchmark (not a test). Usage:
 * {@code java -Dai.djl.offline=true -cp ... org.d3m.core.emulator.EmulatorBenchmark [widths] [threads]}
 * with the allocator environment MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0
 * MALLOC_TRIM_THRESHOLD_=68719476736. Prints, per width, the median forward time per 32^3 sample
 * (batch 4, eval mode) and training step time per sample (batch 4). With a third argument
 * "memory": the peak RSS of a 128^3 box done in tiles (core 32, passes of 88^3), then whole, at the
 * first width. With "box [weights|shipped] [k,k,...]" instead: the mean time of
 * {@link Emulator#predict} on one 32^3 ZA field (Planck 2015, seed 5) in a warm process, for each
 * symmetry count k (3 warm-up calls, then the mean of 10).
 */
public final class EmulatorBenchmark {

    private EmulatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("box")) {
            box(args.length > 1 ? args[1] : "shipped", args.length > 2 ? args[2] : "1,4,8");
            return;
        }
        int[] widths = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {16, 32, 64};
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        DjlRuntime.setThreads(threads);
        System.out.println("engine: " + DjlRuntime.describe(Device.cpu()));
        if (args.length > 2 && args[2].equals("memory")) {
            memory(widths[0]); // run in a fresh JVM: the allocator keeps freed memory (RSS never drops)
            return;
        }
        for (int w : widths) {
            double[] t = time(w);
            System.out.printf(Locale.ROOT,
                    "width %d: %d params, forward %.0f ms per 32^3 sample, train step %.0f ms per sample (batch 4), RSS %d MB%n",
                    w, (long) t[2], t[0], t[1], rssKb("VmRSS") / 1024);
        }
    }

    /**
     * Median forward time per 32^3 sample [ms] and training step time per sample [ms] at batch 4,
     * and the parameter count, for a network of base width {@code w} on the CPU.
     */
    public static double[] time(int w) {
        int n = 32;
        int b = 4;
        float[] x = random(b * 3 * n * n * n, 1);
        float[] y = random(b * 3 * n * n * n, 2);
        try (NetSession s = NetSession.create(w, false, 1, Device.cpu())) {
            Adam adam = new Adam(s.trainableSizes(), 1e-4, 0.9, 0.999, 1e-8, 1e-4);
            s.infer(x, b, n);
            double[] fwd = new double[5];
            for (int r = 0; r < fwd.length; r++) {
                long t0 = System.nanoTime();
                s.infer(x, b, n);
                fwd[r] = (System.nanoTime() - t0) / 1e6 / b;
            }
            s.trainStep(x, y, b, n, adam);
            double[] tr = new double[w >= 64 ? 3 : 5];
            for (int r = 0; r < tr.length; r++) {
                long t0 = System.nanoTime();
                s.trainStep(x, y, b, n, adam);
                tr[r] = (System.nanoTime() - t0) / 1e6 / b;
            }
            return new double[] {median(fwd), median(tr), s.net().trainableParameterCount()};
        }
    }

    /** Warm {@link Emulator#predict} time on one 32^3 box per symmetry count. */
    static void box(String model, String counts) {
        Path weights = model.equals("shipped") ? ShippedModel.resolve(null) : Path.of(model);
        VectorField za = new org.d3m.core.sim.Realization(new org.d3m.core.sim.SimulationSetup(new Box(128, 32),
                org.d3m.core.cosmology.Cosmology.planck15(), null, Double.NaN, 5, 2)).lpt(1, 1);
        try (Emulator e = Emulator.load(weights, "cpu")) {
            System.out.println("model: " + (model.equals("shipped") ? ShippedModel.ID : weights) + ", width "
                    + e.meta().width() + ", on " + e.describeDevice());
            for (String k : counts.split(",")) {
                e.setSymmetries(Integer.parseInt(k.trim()));
                for (int r = 0; r < 3; r++) {
                    e.predict(za, 0.3089, 0, true, Progress.NONE);
                }
                int reps = 10;
                long t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    e.predict(za, 0.3089, 0, true, Progress.NONE);
                }
                System.out.printf(Locale.ROOT, "symmetries %d: %.3f s per 32^3 box%n", e.symmetries(),
                        (System.nanoTime() - t0) / 1e9 / reps);
            }
        }
    }

    /** Peak RSS of a 128^3 emulation whole and tiled (core 32, tiles 88^3) at width {@code w}. */
    static void memory(int w) throws IOException {
        Path dir = Files.createTempDirectory("d3m-bench");
        Path f = dir.resolve("m.d3mw");
        try (NetSession s = NetSession.create(w, false, 1, Device.cpu())) {
            WeightsFile.save(f, s.net(), new ModelMeta(w, 32, 4.0, false, Map.of()));
        }
        int n = 128;
        Random r = new Random(3);
        float[][] c = new float[3][n * n * n];
        for (float[] a : c) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
        }
        VectorField za = new VectorField(new Box(n * 4.0, n), c);
        try (Emulator e = Emulator.load(f, "cpu")) {
            e.setSymmetries(1); // one network pass
            for (int core : new int[] {32, 128}) { // tiles first: peak RSS only grows
                resetPeak();
                long base = rssKb("VmRSS");
                long t0 = System.nanoTime();
                e.predict(za, core, Progress.NONE);
                System.out.printf(Locale.ROOT, "width %d, 128^3 box, tile core %d (pass %d^3): %.1f s, peak RSS %d MB (%d MB before)%n",
                        w, core, core == n ? n : core + 2 * ReceptiveField.HALO, (System.nanoTime() - t0) / 1e9,
                        rssKb("VmHWM") / 1024, base / 1024);
            }
        }
        Files.deleteIfExists(f);
        Files.deleteIfExists(dir);
    }

    static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            System.out.println("(cannot reset peak RSS: " + e.getMessage() + ")");
        }
    }

    static long rssKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static float[] random(int size, long seed) {
        Random r = new Random(seed);
        float[] v = new float[size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
