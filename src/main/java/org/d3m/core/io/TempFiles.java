package org.d3m.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files behind every atomic write ({@link AtomicFiles}, and the TIFF, PNG and CSV
 * writers of the ImageJ side): {@code .NAME.PID-RANDOM.tmp} (or {@code .tif}, {@code .png},
 * {@code .csv} where the writer picks its format by extension) in the target's own folder, then a
 * rename over the target. A name too long for that ({@link #stem}) is cut and given a hash.
 *
 * <ul>
 *   <li><b>Permissions.</b> A temporary file is created like any new file, so the process's umask
 *   applies (not the 0600 of {@link Files#createTempFile}); when the target already exists its
 *   permissions are copied before the rename. The result is what {@code cp} gives.</li>
 *   <li><b>Stale files.</b> A process killed while writing leaves its temporary file. Before a
 *   target is written, the temporary files of that same target whose process is gone are removed
 *   (the PID in the name tells; names without a PID, from older versions, count as stale). A live
 *   writer's file is never touched.</li>
 *   <li><b>Symbolic links.</b> A target that is a link is written through: its real file is
 *   replaced, the link stays.</li>
 * </ul>
 */
public final class TempFiles {

    private static final long PID = ProcessHandle.current().pid();
    /** Longest start of a temporary name: 255 bytes less the longest tail {@code .PID-RANDOM.tif} (1 + 7 + 1 + 19 + 4). */
    static final int MAX_STEM_BYTES = 255 - 32;
    private static final Pattern OWN = Pattern.compile("\\.(?:(\\d+)-)?\\d+\\.(?:tmp|tif|png|csv)");

    private TempFiles() {
    }

    /**
     * The file a write of {@code target} really replaces: the absolute path, or the real file of a
     * symbolic link.
     */
    public static Path target(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        return Files.isSymbolicLink(abs) ? abs.toRealPath() : abs;
    }

    /**
     * Creates the empty temporary file for a write of {@code target} (an absolute path from
     * {@link #target}), after removing stale ones of the same target.
     *
     * @param suffix ".tmp", or the extension a writer needs (".tif", ".png", ".csv")
     */
    public static Path create(Path target, String suffix) throws IOException {
        removeStale(target);
        for (int attempt = 0; ; attempt++) {
            long r = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path tmp = target.resolveSibling(stem(target.getFileName().toString()) + "." + PID + "-" + r + suffix);
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Gives {@code tmp} the permissions of an existing {@code target}, then renames it over the target. */
    public static void commit(Path tmp, Path target) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new IOException(target + " is not a regular file; it is not replaced");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(target)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code tmp} if it is still there, ignoring failures (the caller reports its own). */
    public static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: the failure that got us here is the one to report
        }
    }

    /**
     * Removes the temporary files of {@code target} left by processes that no longer run; returns
     * how many were removed. A missing folder removes nothing.
     */
    public static int removeStale(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = stem(abs.getFileName().toString());
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(prefix)) {
                    continue;
                }
                Matcher m = OWN.matcher(name.substring(prefix.length()));
                if (m.matches() && !alive(m.group(1)) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * The start of a temporary file's name for a target named {@code name}: {@code "." + name}, or,
     * when that is longer than {@link #MAX_STEM_BYTES} (a file name may have 255 bytes, and the
     * tail {@code .PID-RANDOM.tif} up to 32 more), the longest start of the name that fits, then
     * {@code ~} and the name's hash in hex, so that a valid long output name still gets a valid,
     * unique temporary name.
     */
    static String stem(String name) {
        String full = "." + name;
        if (bytes(full) <= MAX_STEM_BYTES) {
            return full;
        }
        String hash = String.format("~%08x", name.hashCode());
        StringBuilder b = new StringBuilder(".");
        int budget = MAX_STEM_BYTES - bytes(hash);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (bytes(b.toString()) + bytes(c) > budget) {
                break;
            }
            b.append(c);
            i += Character.charCount(cp);
        }
        return b + hash;
    }

    /** The length of a file name in UTF-8 bytes, as the file system counts it. */
    public static int bytes(String name) {
        return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static boolean alive(String pid) {
        if (pid == null) {
            return false;
        }
        try {
            long p = Long.parseLong(pid);
            return p == PID || ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
