package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of atomic writes: names, stale clean-up, permissions, links and special files. */
class TempFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriteRemovesStaleTempFilesOfItsTargetOnly() throws Exception {
        long dead = SpecialFiles.deadPid();
        long me = ProcessHandle.current().pid();
        String legacy = ".out.npy.8123456789012345678.tmp";       // Files.createTempFile's name, older versions
        String killed = ".out.npy." + dead + "-42.tmp";           // a writer killed by kill -9
        String killedTif = ".out.npy." + dead + "-43.tif";
        String live = ".out.npy." + me + "-44.tmp";               // a writer still running (this JVM)
        String other = ".other.npy." + dead + "-45.tmp";          // another target's
        String user = ".out.npy.notes";                           // not ours at all
        for (String n : List.of(legacy, killed, killedTif, live, other, user)) {
            Files.writeString(dir.resolve(n), "x");
        }
        AtomicFiles.writeString(dir.resolve("out.npy"), "new");
        assertEquals(List.of(live, other, user, "out.npy").stream().sorted().toList(), names());
    }

    @Test
    void newFilesHonourTheUmaskAndReplacedFilesKeepTheirMode() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path reference = Files.createFile(dir.resolve("reference")); // what cp or touch would make
        Path fresh = dir.resolve("fresh.csv");
        AtomicFiles.writeString(fresh, "a");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));

        Path kept = dir.resolve("kept.csv");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(kept, "new");
        assertEquals("new", Files.readString(kept));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }

    @Test
    void aSymbolicLinkIsWrittenThrough() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("new", Files.readString(real));
    }

    @Test
    void specialFilesAreNeverReplaced() throws Exception {
        Path pipe = SpecialFiles.fifo(dir.resolve("pipe.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.writeString(pipe, "x"));
        assertEquals("cannot write output " + pipe + ": it is not a regular file (devices, pipes and sockets are never replaced)",
                e.getMessage());
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe) && !Files.isDirectory(pipe), "still a FIFO");
        assertEquals(List.of("pipe.csv"), names());
    }
}
