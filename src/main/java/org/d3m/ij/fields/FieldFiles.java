package org.d3m.ij.fields;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

import org.d3m.core.field.FieldChecks;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.AtomicFiles;
import org.d3m.core.io.FieldInputs;
import org.d3m.core.io.FieldInputs.Format;
import org.d3m.core.io.Npy;
import org.d3m.core.io.Provenance;
import org.d3m.core.io.TempFiles;

/**
 * Reads and writes fields by file extension ({@link FieldInputs#format}):
 * <ul>
 *   <li>{@code .tif}/{@code .tiff}: an ImageJ TIFF stack made by {@link FieldImages} (a vector
 *   field is a 3-channel hyperstack), calibrated in Mpc/h, so the box size travels with the
 *   file; provenance in the "Info" property. Read and written here, with ImageJ.</li>
 *   <li>{@code .npy}: float32, C order, shape (n, n, n) or (3, n, n, n); read by the core
 *   ({@link FieldInputs}), written with {@link Npy}. It has no box size, so readers pass one [Mpc/h].</li>
 * </ul>
 * Every write is atomic (temporary file in the same folder, then rename) and also writes the
 * provenance as a JSON sidecar {@code <file>.json}: both are written to temporary files before
 * either is renamed, so a failure (a full disk) leaves the old field and sidecar as they were. I/O failures become one-line
 * IllegalArgumentExceptions or UncheckedIOExceptions.
 */
public final class FieldFiles {

    private FieldFiles() {
    }

    /** The format of {@code f} by its extension, or a one-line error naming the allowed ones. */
    public static Format format(File f) {
        return FieldInputs.format(f.toPath());
    }

    /**
     * Checks before any work that {@code out} has a known extension and can be written (its
     * folder exists and is writable). Commands call this first on their {@code output}.
     */
    public static void checkWritable(File out) {
        format(out);
        AtomicFiles.checkWritable(out.toPath());
    }

    /** Writes a scalar field (format by extension) and its provenance sidecar. */
    public static void write(File out, ScalarField f, Provenance prov) {
        checkWritable(out);
        try (AtomicFiles.Pending side = prepareSidecar(out, prov)) {
            if (format(out) == Format.NPY) {
                run(() -> Npy.write(out.toPath(), f));
            } else {
                writeTiff(FieldImages.scalar(f, out.getName(), prov == null ? null : prov.toInfo()), out);
            }
            commit(side);
        }
    }

    /** Writes a vector field (format by extension) and its provenance sidecar. */
    public static void write(File out, VectorField v, Provenance prov) {
        checkWritable(out);
        try (AtomicFiles.Pending side = prepareSidecar(out, prov)) {
            if (format(out) == Format.NPY) {
                run(() -> Npy.write(out.toPath(), v));
            } else {
                writeTiff(FieldImages.vector(v, out.getName(), prov == null ? null : prov.toInfo()), out);
            }
            commit(side);
        }
    }

    /**
     * Reads a scalar field: a TIFF here, a .npy by {@link FieldInputs}; {@code boxSize} [Mpc/h] is
     * used for .npy and uncalibrated TIFFs. Every value must be finite ({@link FieldChecks}).
     */
    public static ScalarField readScalar(File in, double boxSize) {
        if (format(in) == Format.TIFF) {
            return FieldImages.toScalar(readTiff(in), boxSize);
        }
        return FieldInputs.scalar(in.toPath(), boxSize);
    }

    /**
     * Reads a vector field: a TIFF here, a .npy by {@link FieldInputs}; {@code boxSize} [Mpc/h] is
     * used for .npy and uncalibrated TIFFs. Every value must be finite and |Psi| &lt;= box size
     * ({@link FieldChecks}).
     */
    public static VectorField readVector(File in, double boxSize) {
        if (format(in) == Format.TIFF) {
            return FieldImages.toVector(readTiff(in), boxSize);
        }
        return FieldInputs.vector(in.toPath(), boxSize);
    }

    /** A scalar or vector field, the kind read from the file: a 3-channel TIFF or a (3, n, n, n) .npy is a vector field. */
    public static Object readField(File in, double boxSize) {
        if (format(in) != Format.TIFF) {
            return FieldInputs.field(in.toPath(), boxSize);
        }
        ImagePlus imp = readTiff(in);
        return imp.getNChannels() == 3 ? FieldImages.toVector(imp, boxSize) : FieldImages.toScalar(imp, boxSize);
    }

    /**
     * Saves any image as a TIFF (a stack if it has more than one slice) atomically: FileSaver
     * writes a temporary file in the target's folder, which is then renamed over the target.
     */
    public static void writeTiff(ImagePlus imp, File out) {
        AtomicFiles.checkWritable(out.toPath());
        Path target = io(() -> TempFiles.target(out.toPath()));
        Path tmp = io(() -> TempFiles.create(target, ".tif"));
        boolean ok = false;
        try {
            FileSaver saver = new FileSaver(imp);
            boolean saved = imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString()) : saver.saveAsTiff(tmp.toString());
            if (!saved) {
                throw new IllegalArgumentException("cannot write output " + out + ": ImageJ's TIFF writer failed");
            }
            run(() -> TempFiles.commit(tmp, target));
            ok = true;
        } finally {
            if (!ok) {
                TempFiles.discard(tmp);
            }
        }
    }

    /** Opens a TIFF with ImageJ's Opener (calibration, hyperstack layout and Info restored). */
    public static ImagePlus readTiff(File in) {
        if (!in.isFile()) {
            throw new IllegalArgumentException("cannot read " + in + ": no such file");
        }
        ImagePlus imp;
        try {
            imp = new Opener().openImage(in.getAbsolutePath());
        } catch (RuntimeException e) { // a corrupt header: NegativeArraySizeException and the like, without the file's name
            throw new IllegalArgumentException("cannot read " + in + ": a damaged or unsupported TIFF (" + e + ")", e);
        }
        if (imp == null) {
            throw new IllegalArgumentException("cannot read " + in + ": not a TIFF ImageJ can open");
        }
        return imp;
    }

    /**
     * The sidecar, written to its temporary file before the field (a full disk then fails before
     * the field is touched) and renamed after it ({@link #commit}); null without provenance.
     */
    private static AtomicFiles.Pending prepareSidecar(File out, Provenance prov) {
        return prov == null ? null : io(() -> prov.prepareSidecar(out.toPath()));
    }

    private static void commit(AtomicFiles.Pending side) {
        if (side != null) {
            run(side::commit);
        }
    }

    /** An I/O action. */
    @FunctionalInterface
    interface Io<T> {
        T get() throws IOException;
    }

    /** An I/O action without result. */
    @FunctionalInterface
    interface IoRun {
        void run() throws IOException;
    }

    static <T> T io(Io<T> a) {
        try {
            return a.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    static void run(IoRun a) {
        io(() -> {
            a.run();
            return null;
        });
    }
}
