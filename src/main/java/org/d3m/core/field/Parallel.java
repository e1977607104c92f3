package org.d3m.core.field;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Deterministic data parallelism over an index range. Work is split into contiguous ranges, one
 * per thread; bodies must write disjoint outputs, so results do not depend on the thread count.
 * Reductions go through {@link #sum}, which adds per-item partial sums in item order.
 */
public final class Parallel {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "d3m-worker");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** Number of threads to use for a request: values &lt; 1 mean "all cores". */
    public static int threads(int requested) {
        return requested >= 1 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code body.accept(i)} for i in [0, n) on {@code threads} threads. */
    public static void forEach(int n, int threads, IntConsumer body) {
        int t = Math.min(threads(threads), n);
        if (t <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            int from = (int) ((long) n * k / t);
            int to = (int) ((long) n * (k + 1) / t);
            futures.add(POOL.submit(() -> {
                for (int i = from; i < to; i++) {
                    body.accept(i);
                }
            }));
        }
        join(futures);
    }

    /**
     * Runs {@code body.accept(i)} for i in [0, n) on {@code threads} threads that take the next item
     * as they finish one (for items of uneven cost). Bodies must write disjoint outputs, as for
     * {@link #forEach}; which thread runs an item then does not change the result.
     */
    public static void forEachDynamic(int n, int threads, IntConsumer body) {
        int t = Math.min(threads(threads), n);
        if (t <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            futures.add(POOL.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    body.accept(i);
                }
            }));
        }
        join(futures);
    }

    /** A body over a range of indices [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void accept(int from, int to);
    }

    /**
     * Runs {@code body} on [0, n) split into one contiguous range per thread. For element-wise loops
     * over large arrays: the loop then sits in the body, where the JIT inlines and vectorises it
     * (a lambda per element, called through {@link #forEach}'s shared call site, is not inlined).
     */
    public static void forRanges(int n, int threads, RangeBody body) {
        int t = Math.max(1, Math.min(threads(threads), n));
        forEach(t, t, k -> body.accept((int) ((long) n * k / t), (int) ((long) n * (k + 1) / t)));
    }

    /** Per-item values summed in item order (bit-identical for any thread count). */
    public static double sum(int n, int threads, java.util.function.IntToDoubleFunction item) {
        double[] parts = new double[n];
        forEach(n, threads, i -> parts[i] = item.applyAsDouble(i));
        double s = 0;
        for (double p : parts) {
            s += p;
        }
        return s;
    }

    private static void join(List<Future<?>> futures) {
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (failure == null) {
                    failure = c instanceof RuntimeException re ? re
                            : c instanceof Error err ? new IllegalStateException(err) : new IllegalStateException(c);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
