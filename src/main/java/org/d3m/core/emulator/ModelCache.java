package org.d3m.core.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import org.d3m.core.io.AtomicFiles;
import org.d3m.core.io.TempFiles;

/**
 * Where the shipped models are unpacked: one file per model and content,
 * {@code <java.io.tmpdir>/d3m-models-<user>/<id>-<crc32>.d3mw}, written atomically (a temporary file,
 * then a rename), kept for the next process and never deleted on exit. A run killed while unpacking
 * (even by kill -9) thus leaves at most its temporary file, which the next unpacking of that model
 * removes ({@link org.d3m.core.io.TempFiles}); before, each process unpacked its own 7.4 MB copy and
 * a killed one left it behind for good. A file there is used only when its bytes equal the model's.
 * The folder is created private (0700) and must belong to this user.
 */
final class ModelCache {

    private ModelCache() {
    }

    /** The per-user cache folder in the temporary directory, created (0700) if missing. */
    static Path folder() throws IOException {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "d3m-models-" + user);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectory(dir); // not a POSIX file system
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile by another process
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a folder");
        }
        String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new IOException(dir + " belongs to " + owner);
        }
        return dir;
    }

    /**
     * The cached file of model {@code id} with content {@code bytes} in {@code dir}: the one there when its
     * bytes are these, else written now (atomically).
     */
    static Path file(Path dir, String id, byte[] bytes) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Path f = dir.resolve(String.format(Locale.ROOT, "%s-%08x.d3mw", id, crc.getValue()));
        if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) == bytes.length
                && Arrays.equals(Files.readAllBytes(f), bytes)) {
            TempFiles.removeStale(f); // a killed unpacking's leftovers, had another process finished it
            return f;
        }
        AtomicFiles.write(f, out -> out.write(bytes));
        return f;
    }
}
