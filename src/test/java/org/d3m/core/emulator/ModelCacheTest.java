package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 11: the shipped model is unpacked once per version into a per-user cache, atomically;
 * a killed unpacking's temporary file is removed by the next, and a damaged cache file is replaced.
 */
class ModelCacheTest {

    @TempDir
    Path tmp;

    @Test
    void oneFilePerContentWrittenOnceAndRepaired() throws IOException {
        byte[] bytes = "weights".getBytes();
        Path f = ModelCache.file(tmp, "m-v1", bytes);
        assertTrue(f.getFileName().toString().matches("m-v1-[0-9a-f]{8}\\.d3mw"), f.toString());
        long written = Files.getLastModifiedTime(f).toMillis();
        assertEquals(f, ModelCache.file(tmp, "m-v1", bytes));
        assertEquals(written, Files.getLastModifiedTime(f).toMillis(), "not written again");
        assertFalse(f.equals(ModelCache.file(tmp, "m-v1", "other".getBytes())), "other content, other file");

        // a run killed (kill -9) while unpacking left its temporary file; a damaged file is replaced
        Path stale = tmp.resolve("." + f.getFileName() + ".2147483646-12345.tmp");
        Files.write(stale, new byte[] {1, 2});
        Files.write(f, "weigh".getBytes());
        assertEquals(f, ModelCache.file(tmp, "m-v1", bytes));
        assertArrayEquals(bytes, Files.readAllBytes(f));
        assertFalse(Files.exists(stale));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "the two cache files, no temporary one");
        }
    }

    @Test
    void theShippedModelComesFromThePrivateCache() throws IOException {
        Path w = ShippedModel.defaultWeights();
        if (w == null) {
            return; // a build without the shipped model
        }
        Path dir = ModelCache.folder();
        assertEquals(dir, w.getParent());
        assertTrue(w.getFileName().toString().startsWith(ShippedModel.ID + "-"));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }
}
