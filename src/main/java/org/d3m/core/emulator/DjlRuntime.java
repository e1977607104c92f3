package org.d3m.core.emulator;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts DJL's PyTorch engine offline (never downloads: {@code ai.djl.offline=true} is forced
 * unless the user set it), picks the device and reports versions for provenance.
 *
 * <p>GPU: the CPU natives ship with the plugin. For CUDA, point {@code PYTORCH_LIBRARY_PATH} at a
 * libtorch 2.7.1+cu128 and set {@code PYTORCH_FLAVOR=cu128} and {@code PYTORCH_VERSION=2.7.1}
 * before starting the JVM.
 */
public final class DjlRuntime {

    private DjlRuntime() {
    }

    /** The PyTorch engine, started offline. */
    public static synchronized Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot start DJL PyTorch engine offline: " + e.getMessage() + cacheHint(e), e);
        }
    }

    /**
     * When the natives could not be unpacked (DJL says "Failed to extract PyTorch native library",
     * typically a cache folder owned by another user or read-only): the folder DJL used and the
     * variable that moves it; else "".
     */
    static String cacheHint(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && m.contains("Failed to extract")) {
                return "; DJL unpacks its natives into " + cacheDir() + ", which must be writable by you:"
                        + " set DJL_CACHE_DIR (or ENGINE_CACHE_DIR) to a folder of your own";
            }
        }
        return "";
    }

    /** The folder DJL unpacks the engine into: $ENGINE_CACHE_DIR, else $DJL_CACHE_DIR, else ~/.djl.ai. */
    static String cacheDir() {
        for (String key : new String[] {"ENGINE_CACHE_DIR", "DJL_CACHE_DIR"}) {
            String v = System.getProperty(key, System.getenv(key));
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return System.getProperty("user.home") + "/.djl.ai";
    }

    /**
     * The device for a request: "cpu", "gpu" (fails if DJL finds none) or "auto" (GPU when DJL finds
     * one, else CPU).
     */
    public static Device device(String request) {
        String r = request == null ? "auto" : request.trim().toLowerCase(java.util.Locale.ROOT);
        Engine e = engine();
        switch (r) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (!gpuUsable(e)) {
                    throw new IllegalArgumentException("device gpu requested but DJL finds no GPU (see PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR=cu128)");
                }
                return Device.gpu();
            case "auto":
                return gpuUsable(e) ? Device.gpu() : Device.cpu();
            default:
                throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + request + "'");
        }
    }

    /** A GPU is usable when libtorch was built with CUDA (not the CPU jar) and DJL counts a GPU. */
    static boolean gpuUsable(Engine e) {
        try {
            return e.hasCapability(ai.djl.engine.StandardCapabilities.CUDA) && e.getGpuCount() > 0;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** Sets libtorch's intra-op thread count (values &lt; 1: leave libtorch's default, one per core). */
    public static void setThreads(int threads) {
        engine();
        if (threads >= 1) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** "DJL x, PyTorch y" for provenance. */
    public static String versions() {
        Engine e = engine();
        return "DJL " + Engine.getDjlVersion() + ", " + e.getEngineName() + " " + e.getVersion();
    }

    /** Device name plus versions, e.g. "cpu() (DJL 0.36.0, PyTorch 2.7.1, 2 threads)". */
    public static String describe(Device d) {
        return d + " (" + versions() + ", " + JniUtils.getNumThreads() + " threads)";
    }
}
