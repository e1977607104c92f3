package org.d3m.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.d3m.core.field.FieldChecks;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * The field inputs read without an image library, for every command and the scripting API:
 * <ul>
 *   <li>a {@code .npy} file ({@link Npy}): float32 or float64, shape (n, n, n) for a scalar field or
 *   (3, n, n, n) for a vector field; it has no box size, so the caller passes one [Mpc/h] &gt; 0;</li>
 *   <li>a C FastPM directory ({@link FastPmFiles}): a snapshot ({@code fastpm_1.0000/}) is the
 *   displacement of its particles, an initial-conditions directory ({@code IC/}, its
 *   {@code LinearDensityK}) a linear density; their own BoxSize is used, and a given box size
 *   (&gt; 0) must agree with it.</li>
 * </ul>
 * A TIFF ({@link Format#TIFF}) is an ImageJ image: {@code org.d3m.ij.fields.FieldFiles} reads it and sends
 * every other input here. Every value read must be finite and a displacement at most the box size
 * ({@link FieldChecks}). Problems are one-line IllegalArgumentExceptions; I/O failures
 * UncheckedIOExceptions.
 */
public final class FieldInputs {

    private FieldInputs() {
    }

    /** The field file formats, by extension. */
    public enum Format { TIFF, NPY }

    /** The format of {@code f} by its extension, or a one-line error naming the allowed ones. */
    public static Format format(Path f) {
        String n = f.getFileName() == null ? "" : f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return Format.TIFF;
        }
        if (n.endsWith(".npy")) {
            return Format.NPY;
        }
        throw new IllegalArgumentException("'" + f + "': unknown field file type; use .tif, .tiff or .npy");
    }

    /** A scalar field: an (n, n, n) .npy, or the linear density of a FastPM IC directory. */
    public static ScalarField scalar(Path in, double boxSize) {
        if (Files.isDirectory(in)) {
            return icDirectory(in, "input", boxSize, 0);
        }
        requireBox(npy(in), boxSize);
        return FieldChecks.requireFinite(io(() -> Npy.readScalar(in, boxSize)), in.getFileName().toString());
    }

    /** A vector field (a displacement [Mpc/h]): a (3, n, n, n) .npy, or a FastPM snapshot directory. */
    public static VectorField vector(Path in, double boxSize) {
        if (Files.isDirectory(in)) {
            if (!FastPmFiles.isSnapshot(in)) {
                throw new IllegalArgumentException("input '" + in + "' is a directory but not a FastPM snapshot"
                        + " (no 1/Position and 1/ID blocks)");
            }
            return FastPmFiles.snapshot(in, boxSize).displacement(); // a given box_size must agree with BoxSize
        }
        requireBox(npy(in), boxSize);
        return FieldChecks.requireDisplacement(io(() -> Npy.readVector(in, boxSize)), in.getFileName().toString());
    }

    /**
     * A {@link ScalarField} or a {@link VectorField}, the kind read from the data: a .npy of rank 4
     * or a FastPM snapshot is a vector field, a .npy of rank 3 or a FastPM IC directory a scalar one.
     */
    public static Object field(Path in, double boxSize) {
        if (Files.isDirectory(in)) {
            return FastPmFiles.isSnapshot(in) ? vector(in, boxSize) : scalar(in, boxSize);
        }
        int rank;
        try {
            rank = Npy.readShape(npy(in)).length;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + in + ": " + e.getMessage());
        }
        return rank == 4 ? vector(in, boxSize) : scalar(in, boxSize);
    }

    /**
     * The linear overdensity at z = 0 named by a generator's {@code linear_input}: an (n, n, n)
     * .npy or a FastPM IC directory (its inverse FFT on {@code threads} threads, 0 = all cores),
     * checked by {@link #requireLinearDensity}.
     */
    public static ScalarField linearDensity(Path in, double boxSize, int grid, int threads) {
        ScalarField f = Files.isDirectory(in) ? icDirectory(in, "linear_input", boxSize, threads) : scalar(in, boxSize);
        return requireLinearDensity(f, in.toString(), grid, boxSize);
    }

    /**
     * Checks a given linear field against the generator's keys: the field fixes the grid, and
     * {@code grid} and {@code boxSize} [Mpc/h] must agree with it; values must be finite. The
     * messages name {@code input} and say which key to pass.
     */
    public static ScalarField requireLinearDensity(ScalarField f, String input, int grid, double boxSize) {
        if (f.box().n() != grid) {
            throw new IllegalArgumentException("linear_input '" + input + "' has grid " + f.box().n() + " but grid="
                    + grid + "; pass grid=" + f.box().n());
        }
        if (Math.abs(f.box().size() - boxSize) > 1e-6 * boxSize) {
            throw new IllegalArgumentException("linear_input '" + input + "' spans " + f.box().size()
                    + " Mpc/h but box_size=" + boxSize + "; pass box_size=" + f.box().size());
        }
        float[] d = f.data();
        for (int i = 0; i < d.length; i++) {
            if (!Float.isFinite(d[i])) {
                throw new IllegalArgumentException("linear_input '" + input + "': non-finite value (index " + i + ")");
            }
        }
        return f;
    }

    /**
     * The provenance a field file carries in its {@code .json} sidecar ({@link Provenance#sidecarOf}),
     * in order; empty for a directory, a file without sidecar, or an unreadable one.
     */
    public static Map<String, String> provenance(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        Path side = Provenance.sidecarOf(file);
        if (Files.isRegularFile(file) && Files.isRegularFile(side)) {
            try {
                m.putAll(Provenance.parseJson(Files.readString(side)).entries());
            } catch (IOException | RuntimeException e) {
                return new LinkedHashMap<>(); // an unreadable sidecar says nothing
            }
        }
        return m;
    }

    /** The linear density of a FastPM IC directory; {@code key} names the input in the message. */
    private static ScalarField icDirectory(Path dir, String key, double boxSize, int threads) {
        if (!FastPmFiles.isLinearDensity(dir)) {
            throw new IllegalArgumentException(key + " '" + dir + "' is a directory but not a FastPM IC directory"
                    + " (no LinearDensityK block)");
        }
        return FastPmFiles.linearDensity(dir, boxSize, threads); // a given box_size must agree with the file's BoxSize
    }

    /** {@code in}, an existing .npy file (a TIFF is ImageJ's to read). */
    private static Path npy(Path in) {
        if (!Files.isRegularFile(in)) {
            throw new IllegalArgumentException("input '" + in + "' is not an existing file or directory");
        }
        if (format(in) != Format.NPY) {
            throw new IllegalArgumentException("'" + in + "': a TIFF field is read through ImageJ (org.d3m.ij.fields.FieldFiles)");
        }
        return in;
    }

    private static void requireBox(Path in, double boxSize) {
        if (boxSize < 0 || Double.isNaN(boxSize) || Double.isInfinite(boxSize)) {
            throw new IllegalArgumentException("box_size must be a positive number of Mpc/h, got " + boxSize);
        }
        if (!(boxSize > 0)) {
            throw new IllegalArgumentException(in.getFileName() + ": a .npy file has no box size; give box_size (Mpc/h)");
        }
    }

    /** An I/O action. */
    @FunctionalInterface
    private interface Io<T> {
        T get() throws IOException;
    }

    private static <T> T io(Io<T> a) {
        try {
            return a.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
}
