package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 24, low list: a DJL cache folder that cannot be written is named, with the variable that moves it. */
class DjlCacheHintTest {

    @Test
    void anExtractionFailureNamesTheFolderAndTheVariable() {
        String hint = DjlRuntime.cacheHint(new IllegalStateException("wrapped",
                new RuntimeException("Failed to extract PyTorch native library")));
        assertTrue(hint.startsWith("; DJL unpacks its natives into " + DjlRuntime.cacheDir()), hint);
        assertTrue(hint.endsWith("set DJL_CACHE_DIR (or ENGINE_CACHE_DIR) to a folder of your own"), hint);
        assertEquals("", DjlRuntime.cacheHint(new RuntimeException("something else")));
    }
}
