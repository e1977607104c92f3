package org.d3m.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file output: the data go to a temporary file in the target's own folder, which is then
 * renamed over the target. A reader never sees a half-written file, and a failure leaves the old
 * target (if any) untouched and no temporary file behind. Parent folders are NOT created: a
 * missing folder is almost always a typo in an output path, so it is reported instead. Only a
 * regular file (or a new path) is ever replaced; see {@link TempFiles} for the temporary files'
 * names, permissions and clean-up.
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
        Path abs = TempFiles.target(target);
        Path tmp = TempFiles.create(abs, ".tmp");
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
            TempFiles.commit(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                TempFiles.discard(tmp);
            }
        }
    }

    /** Writes a string as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Checks, before any heavy work, that {@code target} can be written: its folder exists, is a
     * folder and is writable, and the target is new or a writable regular file (never a folder, a
     * device, a pipe or a socket). A symbolic link is checked as the file it points to.
     *
     * @throws IllegalArgumentException "cannot write output X: reason"
     */
    public static void checkWritable(Path target) {
        String reason = reasonNotWritable(target.toAbsolutePath().normalize());
        if (reason != null) {
            throw new IllegalArgumentException("cannot write output " + target + ": " + reason);
        }
    }

    private static String reasonNotWritable(Path abs) {
        if (Files.isSymbolicLink(abs)) {
            try {
                abs = abs.toRealPath();
            } catch (IOException e) {
                return "it is a broken symbolic link";
            }
        }
        Path parent = abs.getParent();
        if (parent == null) {
            return "it has no parent folder";
        } else if (!Files.exists(parent)) {
            return "folder " + parent + " does not exist";
        } else if (!Files.isDirectory(parent)) {
            return parent + " is not a folder";
        } else if (!Files.isWritable(parent)) {
            return "folder " + parent + " is not writable";
        } else if (Files.isDirectory(abs)) {
            return "it is a folder";
        } else if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            return "it is not a regular file (devices, pipes and sockets are never replaced)";
        } else if (Files.exists(abs) && !Files.isWritable(abs)) {
            return "the file exists and is read-only";
        }
        return null;
    }
}
