package org.d3m.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One writer per folder: an exclusive lock ({@link FileChannel#tryLock}) on the file
 * {@value #NAME} in the folder, held while a long run (training, making a dataset) writes there.
 * A second run into the same folder fails at once with "FOLDER is in use by process P", whether
 * it is another process or another command in the same JVM (a Fiji session).
 *
 * <p>The operating system drops the lock when the process ends, even by kill -9, so a stale lock
 * file never blocks. The lock file holds the owner's PID (for the message) and stays in the
 * folder, except in a folder the lock itself created and that holds nothing else on release:
 * then the folder is removed again, so a run that fails early leaves nothing behind.
 *
 * <p>Within one JVM a registry is checked first: opening and closing a second channel on a file
 * would release the locks this process holds on it (POSIX semantics).
 */
public final class FolderLock implements AutoCloseable {

    /** Name of the lock file in a locked folder. */
    public static final String NAME = ".d3m.lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path key;
    private final boolean created;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path dir, Path key, boolean created, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.key = key;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it.
     *
     * @throws IllegalArgumentException "DIR is in use by process P (...)" when another run holds
     *                                  it, or a one-line message when the folder cannot be made
     */
    public static FolderLock acquire(Path dir) {
        boolean created = !Files.exists(dir);
        if (!created && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot use " + dir + " as a folder: it is a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create folder " + dir + ": " + e.getMessage());
        }
        Path key;
        try {
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + dir + ": " + e.getMessage(), e);
        }
        if (!HELD.add(key)) {
            throw inUse(dir, ProcessHandle.current().pid());
        }
        Path file = key.resolve(NAME);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                long owner = owner(ch);
                ch.close();
                throw inUse(dir, owner);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new FolderLock(dir, key, created, ch, lock);
        } catch (IOException e) {
            HELD.remove(key);
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    /** The locked folder. */
    public Path dir() {
        return dir;
    }

    /** Releases the lock; removes the folder again if the lock created it and nothing else is in it. */
    @Override
    public void close() {
        try {
            if (created && onlyLockFileLeft()) {
                Files.deleteIfExists(key.resolve(NAME));
                Files.deleteIfExists(key);
            }
        } catch (IOException ignored) {
            // an empty folder left behind is harmless; the run's own result is what to report
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it too
            }
            closeQuietly(channel);
            HELD.remove(key);
        }
    }

    private boolean onlyLockFileLeft() throws IOException {
        try (Stream<Path> s = Files.list(key)) {
            return s.allMatch(p -> p.getFileName().toString().equals(NAME));
        }
    }

    private static long owner(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            return Long.parseLong(new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static IllegalArgumentException inUse(Path dir, long pid) {
        return new IllegalArgumentException(dir + " is in use by " + (pid > 0 ? "process " + pid : "another process")
                + " (one train or make-dataset run per folder); wait for it to finish or choose another folder");
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
