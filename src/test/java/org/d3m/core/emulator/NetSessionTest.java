package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training steps, save/load and native memory of {@link NetSession}. */
class NetSessionTest {

    @TempDir
    Path tmp;

    /** Resident set size [kB] from /proc/self/status (Linux), or -1. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    @Test
    void trainingStepsReduceTheLossOnAFixedBatch() {
        int n = 16;
        float[] x = D3mNetTest.random(2 * 3 * n * n * n, 1);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5f * x[i];
        }
        try (NetSession s = NetSession.create(4, false, 3, Device.cpu())) {
            Adam adam = new Adam(s.trainableSizes(), 1e-2, 0.9, 0.999, 1e-8, 1e-4);
            double first = s.trainStep(x, y, 2, n, adam);
            double last = first;
            for (int i = 0; i < 14; i++) {
                last = s.trainStep(x, y, 2, n, adam);
            }
            assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
            assertTrue(adam.steps() == 15);
        }
    }

    @Test
    void saveAndLoadGiveIdenticalOutput() {
        int n = 16;
        float[] x = D3mNetTest.random(3 * n * n * n, 2);
        Path f = tmp.resolve("w.d3mw");
        float[] before;
        try (NetSession s = NetSession.create(4, true, 4, Device.cpu())) {
            Adam adam = new Adam(s.trainableSizes(), 1e-3, 0.9, 0.999, 1e-8, 1e-4);
            s.trainStep(x, x, 1, n, adam); // changes weights and running statistics
            before = s.infer(x, 1, n);
            WeightsFile.save(f, s.net(), new ModelMeta(4, n, 4.0, true, Map.of("note", "test")));
        }
        ModelMeta[] meta = new ModelMeta[1];
        try (NetSession s = NetSession.load(f, Device.cpu(), meta)) {
            assertArrayEquals(before, s.infer(x, 1, n), 0f);
            assertTrue(meta[0].residual() && meta[0].grid() == n && "test".equals(meta[0].info().get("note")));
        }
    }

    /** RSS minus the committed Java heap [kB], after a GC: an estimate of native memory. */
    static long nativeKb() {
        System.gc();
        long heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        return rssKb() - heap / 1024;
    }

    @Test
    void nativeMemoryStaysFlatOverManyCalls() {
        int n = 32;
        float[] x = D3mNetTest.random(3 * n * n * n, 5);
        try (NetSession s = NetSession.create(4, false, 6, Device.cpu())) {
            Adam adam = new Adam(s.trainableSizes(), 1e-3, 0.9, 0.999, 1e-8, 1e-4);
            for (int i = 0; i < 3; i++) { // warm up allocator pools
                s.infer(x, 1, n);
                s.trainStep(x, x, 1, n, adam);
            }
            long start = nativeKb();
            int arrays = s.liveArrays();
            for (int i = 0; i < 10; i++) {
                s.infer(x, 1, n);
                s.trainStep(x, x, 1, n, adam);
            }
            long end = nativeKb();
            org.junit.jupiter.api.Assertions.assertEquals(arrays, s.liveArrays(), "arrays leaked into the parameter manager");
            System.out.printf("native memory %d kB -> %d kB over 10 inference + 10 training steps%n", start, end);
            // a leaked step graph at this size is ~30 MB per step, i.e. ~300 MB here
            assertTrue(rssKb() < 0 || end - start < 150_000, "native memory grew from " + start + " to " + end + " kB");
        }
    }
}
