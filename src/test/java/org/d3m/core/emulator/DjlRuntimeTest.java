package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Offline only where the bundled natives fit (docs/user-guide.md, "Natives on macOS and Windows"). */
class DjlRuntimeTest {

    @Test
    void offlineWhereTheBundledNativesFitElseDjlMayDownload() {
        // the shipped jar is linux-x86_64: Linux x86-64 runs offline
        assertTrue(DjlRuntime.forceOffline("Linux", "amd64", "linux-x86_64"));
        // macOS (Apple Silicon or Intel), Windows and Linux on ARM: DJL may fetch its natives
        assertFalse(DjlRuntime.forceOffline("Mac OS X", "aarch64", "linux-x86_64"));
        assertFalse(DjlRuntime.forceOffline("Mac OS X", "x86_64", "linux-x86_64"));
        assertFalse(DjlRuntime.forceOffline("Windows 11", "amd64", "linux-x86_64"));
        assertFalse(DjlRuntime.forceOffline("Linux", "aarch64", "linux-x86_64"));
        // no native jar at all: online is the only way
        assertFalse(DjlRuntime.forceOffline("Linux", "amd64", null));
        // the user copied the platform's jar into Fiji.app/jars: offline again
        assertTrue(DjlRuntime.forceOffline("Windows 10", "amd64", "win-x86_64"));
        assertTrue(DjlRuntime.forceOffline("Mac OS X", "aarch64", "osx-aarch64"));
    }

    @Test
    void platformNamesAreDjlClassifiers() {
        assertEquals("linux-x86_64", DjlRuntime.djlPlatform("Linux", "amd64"));
        assertEquals("osx-aarch64", DjlRuntime.djlPlatform("Mac OS X", "aarch64"));
        assertEquals("win-x86_64", DjlRuntime.djlPlatform("Windows 11", "amd64"));
        assertNull(DjlRuntime.djlPlatform("SunOS", "sparcv9"));
    }

    @Test
    void theBundledNativeJarIsFoundAndFitsLinuxX86() {
        // the class path carries the jar the plugin ships (pytorch-native-cpu linux-x86_64)
        assertEquals("linux-x86_64", DjlRuntime.bundledNativeClassifier());
        assertTrue(DjlRuntime.forceOffline("Linux", "amd64", DjlRuntime.bundledNativeClassifier()));
    }
}
