package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path t = dir.resolve("out.txt");
        AtomicFiles.writeString(t, "first");
        AtomicFiles.write(t, out -> {
            out.write("second".getBytes());
            out.close(); // a body that closes its stream must not break the commit
        });
        assertEquals("second", Files.readString(t));
        assertEquals(List.of("out.txt"), names());
    }

    @Test
    void failingBodyLeavesTargetAndNoTempFile() throws IOException {
        Path t = dir.resolve("keep.txt");
        Files.writeString(t, "precious");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(t, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk on fire");
        }));
        assertEquals("disk on fire", e.getMessage());
        assertEquals("precious", Files.readString(t));
        assertEquals(List.of("keep.txt"), names());

        Path fresh = dir.resolve("new.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(fresh, out -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of("keep.txt"), names(), "no partial new file, no temp file");
    }

    @Test
    void checkWritableExplainsWhy() throws IOException {
        Path missing = dir.resolve("no_such_folder").resolve("x.npy");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.checkWritable(missing));
        assertTrue(e.getMessage().startsWith("cannot write output " + missing + ": folder "), e.getMessage());
        assertTrue(e.getMessage().endsWith("does not exist"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.writeString(missing, "x"));
        assertTrue(!Files.exists(missing.getParent()), "parent folders are not created");

        e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.checkWritable(dir));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());

        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.checkWritable(file.resolve("child.csv")));
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        AtomicFiles.checkWritable(dir.resolve("fine.csv"));
    }
}
