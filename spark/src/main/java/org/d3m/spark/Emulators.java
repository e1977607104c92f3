package org.d3m.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.d3m.core.emulator.DjlRuntime;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;

/**
 * The D3M network on an executor: loaded once per executor JVM (per weights file and device) and
 * shared by the tasks that run there, one prediction at a time.
 */
final class Emulators {

    private static final Map<String, Emulator> LOADED = new ConcurrentHashMap<>();
    /** How many times a network was loaded in this JVM (tests: once per executor). */
    static final AtomicInteger LOADS = new AtomicInteger();

    private Emulators() {
    }

    static Emulator get(Path weights, String device) {
        return LOADED.computeIfAbsent(weights.toAbsolutePath() + "|" + device, key -> {
            LOADS.incrementAndGet();
            Emulator e = Emulator.load(weights, device);
            Runtime.getRuntime().addShutdownHook(new Thread(e::close));
            return e;
        });
    }

    /**
     * The network's displacement from a ZA displacement [Mpc/h] at redshift z of a cosmology with this Omega_m,
     * averaged over {@code symmetries} cube symmetries (a validation: a conditioned model extrapolates outside its
     * trained range rather than fail the job), on {@code threads} libtorch threads: the task's cores
     * ({@link Sparks#taskThreads}), so local mode (libtorch's default: every core) and executors (where
     * Spark sets OMP_NUM_THREADS) give the same bytes.
     */
    static VectorField predict(Path weights, String device, int symmetries, int threads, VectorField za, double omegaM,
                               double redshift) {
        Emulator e = get(weights, device);
        synchronized (e) {
            DjlRuntime.setThreads(threads);
            e.setSymmetries(symmetries);
            return e.predict(za, omegaM, redshift, true, Progress.NONE);
        }
    }
}
