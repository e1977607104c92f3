package org.d3m.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file output: the data go to a temporary file in the target's own folder, which is then
 * renamed over the target. A reader never sees a half-written file, and a failure leaves the old
 * target (if any) untouched and no temporary file behind. Parent folders are NOT created: a
 * missing folder is almost always a typo in an output path, so it is reported instead.
 */
public final class AtomicFiles {

    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /** A consumer that may throw {@link IOException}. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    /**
     * Writes {@code target} atomically from what {@code body} writes to the (buffered) stream it
     * is given. The body need not close the stream.
     *
     * @throws IllegalArgumentException if the target cannot be written (see {@link #checkWritable})
     * @throws IOException if the body or the file system fails; the target is then unchanged
     */
    public static void write(Path target, IoConsumer<OutputStream> body) throws IOException {
        checkWritable(target);
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER)) {
                body.accept(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush(); // the real close happens below, after the data are synced
                    }
                });
                out.flush();
                ch.force(true);
            }
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes a string as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Checks, before any heavy work, that {@code target} can be written: its folder exists, is a
     * folder and is writable, and the target is not a folder or a read-only file.
     *
     * @throws IllegalArgumentException "cannot write output X: reason"
     */
    public static void checkWritable(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String reason = null;
        if (parent == null) {
            reason = "it has no parent folder";
        } else if (!Files.exists(parent)) {
            reason = "folder " + parent + " does not exist";
        } else if (!Files.isDirectory(parent)) {
            reason = parent + " is not a folder";
        } else if (!Files.isWritable(parent)) {
            reason = "folder " + parent + " is not writable";
        } else if (Files.isDirectory(abs)) {
            reason = "it is a folder";
        } else if (Files.exists(abs) && !Files.isWritable(abs)) {
            reason = "the file exists and is read-only";
        }
        if (reason != null) {
            throw new IllegalArgumentException("cannot write output " + target + ": " + reason);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
