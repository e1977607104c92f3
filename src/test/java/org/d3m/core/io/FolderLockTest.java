package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per folder, within one JVM and across processes. */
class FolderLockTest {

    @TempDir
    Path dir;

    /** Holds a lock on args[0] in a separate JVM until its stdin closes. */
    public static void main(String[] args) throws Exception {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }

    private static String inUse(Path d, long pid) {
        return d + " is in use by process " + pid
                + " (one train or make-dataset run per folder); wait for it to finish or choose another folder";
    }

    @Test
    void aSecondLockInTheSameJvmFailsAtOnce() throws Exception {
        Path d = Files.createDirectory(dir.resolve("model"));
        try (FolderLock first = FolderLock.acquire(d)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FolderLock.acquire(d));
            assertEquals(inUse(d, ProcessHandle.current().pid()), e.getMessage());
        }
        FolderLock.acquire(d).close(); // free again once released
        assertTrue(Files.isRegularFile(d.resolve(FolderLock.NAME)), "the lock file stays in a folder that existed");
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedByItsPid() throws Exception {
        Path d = Files.createDirectory(dir.resolve("data"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FolderLockTest.class.getName(),
                d.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FolderLock.acquire(d));
            assertEquals(inUse(d, child.pid()), e.getMessage());
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the holder exits when its stdin closes");
        }
        FolderLock.acquire(d).close();
    }

    @Test
    void aFolderTheLockCreatedIsRemovedIfNothingWasWritten() throws Exception {
        Path fresh = dir.resolve("fresh");
        FolderLock.acquire(fresh).close();
        assertFalse(Files.exists(fresh), "a run that wrote nothing leaves no folder");
        try (FolderLock lock = FolderLock.acquire(fresh)) {
            Files.writeString(fresh.resolve("best.d3mw"), "w");
        }
        assertTrue(Files.isRegularFile(fresh.resolve("best.d3mw")));
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertEquals("cannot use " + file + " as a folder: it is a file",
                assertThrows(IllegalArgumentException.class, () -> FolderLock.acquire(file)).getMessage());
    }
}
