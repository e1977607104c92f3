package org.d3m.core.emulator;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Starts DJL's PyTorch engine, picks the device and reports versions for provenance. Offline
 * ({@code ai.djl.offline=true}, never downloads) when a PyTorch native jar for this platform is on
 * the class path (the plugin ships linux-x86_64's); elsewhere (macOS, Windows) DJL may download its
 * natives for the platform once into ~/.djl.ai when online. A value the user set is kept.
 *
 * <p>GPU: the CPU natives ship with the plugin. For CUDA, point {@code PYTORCH_LIBRARY_PATH} at a
 * libtorch 2.7.1+cu128 and set {@code PYTORCH_FLAVOR=cu128} and {@code PYTORCH_VERSION=2.7.1}
 * before starting the JVM.
 */
public final class DjlRuntime {

    private DjlRuntime() {
    }

    /** The PyTorch engine, offline when the natives for this platform are bundled. */
    public static synchronized Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", String.valueOf(forceOffline(System.getProperty("os.name"),
                    System.getProperty("os.arch"), bundledNativeClassifier())));
        }
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot start DJL PyTorch engine (ai.djl.offline="
                    + System.getProperty("ai.djl.offline") + "; on macOS or Windows it needs the network once, or the"
                    + " platform's pytorch-native-cpu jar in Fiji.app/jars): " + e.getMessage() + cacheHint(e), e);
        }
    }

    /**
     * Whether to run DJL offline: true when the bundled native jar's classifier (e.g.
     * "linux-x86_64", null when none) is this platform's, so nothing needs downloading; false
     * elsewhere, so DJL can fetch the platform's natives when online.
     */
    static boolean forceOffline(String osName, String osArch, String bundledClassifier) {
        String platform = djlPlatform(osName, osArch);
        return bundledClassifier != null && platform != null && platform.equals(bundledClassifier.trim());
    }

    /** DJL's classifier of a platform ("linux-x86_64", "osx-aarch64", "win-x86_64"), null if unknown. */
    static String djlPlatform(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(java.util.Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("win") ? "win" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }

    /** The classifier in the bundled native jar's native/lib/pytorch.properties, null if none. */
    static String bundledNativeClassifier() {
        try (java.io.InputStream in = DjlRuntime.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("classifier");
        } catch (java.io.IOException e) {
            return null;
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
