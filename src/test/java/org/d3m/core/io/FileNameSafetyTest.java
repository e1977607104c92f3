package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 6: every output name the file system accepts (up to 255 bytes) can be written,
 * although its temporary file needs about 32 bytes more; a longer name is refused before any work.
 */
class FileNameSafetyTest {

    @TempDir
    Path dir;

    private static String name(int bytes, String ext) {
        return "f".repeat(bytes - ext.length()) + ext;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void namesUpTo255BytesAreWrittenWithAShortenedTemporaryName() throws IOException {
        for (int len : new int[] {224, 240, 255}) {
            Path target = dir.resolve(name(len, ".csv"));
            AtomicFiles.writeString(target, "a,b\n");
            assertEquals("a,b\n", Files.readString(target));
            AtomicFiles.writeString(target, "c,d\n"); // replacing goes through the temporary name too
            assertEquals("c,d\n", Files.readString(target));
        }
        assertEquals(3, files().size(), "no temporary file left: " + files());
    }

    @Test
    void multiByteNamesCountInBytes() throws IOException {
        Path target = dir.resolve("Δ".repeat(125) + ".npy"); // 254 bytes, 129 characters
        AtomicFiles.writeString(target, "x");
        assertEquals(List.of(target.getFileName().toString()), files());
        String stem = TempFiles.stem(target.getFileName().toString());
        assertTrue(TempFiles.bytes(stem) <= TempFiles.MAX_STEM_BYTES, stem);
        assertFalse(stem.contains("\uFFFD"), "cut between characters, never inside one");
    }

    @Test
    void aStaleTemporaryFileOfALongNameIsRemoved() throws IOException {
        Path target = dir.resolve(name(250, ".csv"));
        Path stale = dir.resolve(TempFiles.stem(target.getFileName().toString()) + ".999999-12345.tmp");
        Files.writeString(stale, "left by a killed run");
        AtomicFiles.writeString(target, "new");
        assertEquals(List.of(target.getFileName().toString()), files());
    }

    @Test
    void aNameLongerThan255BytesIsRefusedUpFront() {
        Path target = dir.resolve(name(256, ".npy"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.checkWritable(target));
        assertEquals("cannot write output " + target + ": its name is 256 bytes long (UTF-8); file systems allow 255", e.getMessage());
    }
}
