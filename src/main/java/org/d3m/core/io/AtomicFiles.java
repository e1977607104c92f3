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
    /** The longest file name (in UTF-8 bytes) that Linux, macOS and Windows file systems accept. */
    public static final int MAX_NAME_BYTES = 255;

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
        try (Pending p = prepare(target, body)) {
            p.commit();
        }
    }

    /**
     * Writes what {@code body} writes to a temporary file next to {@code target} (synced to disk),
     * but does not rename it yet: {@link Pending#commit} does, {@link Pending#close} removes it if
     * it was not committed. Two files that belong together (a field and its sidecar) are both
     * prepared before either is committed, so a full disk leaves both old files as they were.
     *
     * @throws IllegalArgumentException if the target cannot be written (see {@link #checkWritable})
     * @throws IOException if the body or the file system fails; nothing is then left behind
     */
    public static Pending prepare(Path target, IoConsumer<OutputStream> body) throws IOException {
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
            done = true;
            return new Pending(tmp, abs);
        } finally {
            if (!done) {
                TempFiles.discard(tmp);
            }
        }
    }

    /** A file written to its temporary file, waiting to be renamed over its target ({@link #prepare}). */
    public static final class Pending implements AutoCloseable {
        private final Path tmp;
        private final Path target;
        private boolean committed;

        private Pending(Path tmp, Path target) {
            this.tmp = tmp;
            this.target = target;
        }

        /** Renames the temporary file over the target (keeping an existing target's permissions). */
        public void commit() throws IOException {
            TempFiles.commit(tmp, target);
            committed = true;
        }

        /** Removes the temporary file unless it was committed. */
        @Override
        public void close() {
            if (!committed) {
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
     * folder and is writable, the name has at most 255 bytes, and the target is new or a writable regular file (never a folder, a
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
        int length = abs.getFileName() == null ? 0 : TempFiles.bytes(abs.getFileName().toString());
        if (parent == null) {
            return "it has no parent folder";
        } else if (length > MAX_NAME_BYTES) {
            return "its name is " + length + " bytes long (UTF-8); file systems allow " + MAX_NAME_BYTES;
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
