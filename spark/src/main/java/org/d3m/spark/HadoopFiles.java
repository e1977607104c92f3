package org.d3m.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Files on any Hadoop-compatible file system (file:, hdfs:, s3a: with its connector): paths resolved as
 * Hadoop resolves them (a path without a scheme is on the default file system, the local one unless the
 * cluster says otherwise), small files read whole, and the driver's own outputs written atomically
 * (a temporary name in the same folder, then a rename over the target).
 */
final class HadoopFiles {

    private HadoopFiles() {
    }

    /** The fully qualified path of {@code text}. */
    static Path qualify(String text, Configuration conf) {
        try {
            Path p = new Path(text);
            return p.getFileSystem(conf).makeQualified(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use path " + text + ": " + e.getMessage());
        }
    }

    static FileSystem fs(Path p, Configuration conf) {
        try {
            return p.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("no file system for " + p + ": " + e.getMessage(), e);
        }
    }

    /** The status of {@code p}, or null when it does not exist. */
    static FileStatus status(FileSystem fs, Path p) {
        try {
            return fs.getFileStatus(p);
        } catch (java.io.FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** An output folder: refused when it exists and is not a folder. */
    static void requireFolderOrAbsent(FileSystem fs, Path dir, String key) {
        FileStatus st = status(fs, dir);
        if (st != null && !st.isDirectory()) {
            throw new IllegalArgumentException(key + "=" + dir + " is not a folder");
        }
    }

    /** The first {@code n} bytes (fewer for a shorter file). */
    static byte[] head(FileSystem fs, Path p, int n) throws IOException {
        try (InputStream in = fs.open(p)) {
            return in.readNBytes(n);
        }
    }

    static byte[] readAll(FileSystem fs, Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return in.readAllBytes();
        }
    }

    /** Writes {@code data} to {@code target} atomically (temporary name in the same folder, then a rename). */
    static void writeAtomically(Configuration conf, Path target, byte[] data) {
        FileSystem fs = fs(target, conf);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(target.getParent());
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                out.write(data);
                out.hsync();
            }
            FileContext.getFileContext(target.toUri(), conf).rename(tmp, target, Options.Rename.OVERWRITE);
        } catch (IOException e) {
            try {
                fs.delete(tmp, false);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
