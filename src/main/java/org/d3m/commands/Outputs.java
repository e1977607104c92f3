package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import java.util.Locale;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Provenance;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.fields.CommandProvenance;
import org.d3m.ij.fields.FieldFiles;
import org.d3m.ij.fields.FieldImages;

/**
 * What generator commands do with a result: provenance from the command's parameters, a title
 * that says what the field is ("FastPM displacement seed=7 z=0"), the file if one was asked for,
 * and the image to show.
 */
final class Outputs {

    private Outputs() {
    }

    /** True when an optional file parameter was given (SciJava leaves it null or empty). */
    static boolean given(File f) {
        return f != null && !f.getPath().isEmpty();
    }

    /** Writes columns as CSV with a header row when {@code file} was given (atomically). */
    static void csv(File file, String[] header, double[][] columns) {
        if (!given(file)) {
            return;
        }
        try {
            org.d3m.core.io.Csv.write(file.toPath(), header, columns);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes columns as CSV (atomically) with its provenance in the sidecar {@code <file>.json}, when
     * {@code file} was given: the sidecar goes to a temporary file first and is renamed after the CSV,
     * so a failed write leaves neither behind.
     */
    static void csv(File file, String[] header, double[][] columns, Provenance provenance) {
        if (!given(file)) {
            return;
        }
        try (org.d3m.core.io.AtomicFiles.Pending side = provenance.prepareSidecar(file.toPath())) {
            org.d3m.core.io.Csv.write(file.toPath(), header, columns);
            side.commit();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * "FastPM displacement seed=7 z=0": what, the source of the linear field, and the epoch, no word
     * twice (a linear field titled "linear density seed=42 z=0" gives "ZA displacement linear density
     * seed=42 z=0", not "... z=0 z=0").
     */
    static String title(String what, SetupParameters command, SimulationSetup s, String epoch) {
        return withoutRepeats(what + " " + command.source(s) + (epoch.isEmpty() ? "" : " " + epoch));
    }

    /** {@code text} with each space-separated word after its first occurrence left out. */
    static String withoutRepeats(String text) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        StringBuilder sb = new StringBuilder();
        for (String w : text.trim().split(" +")) {
            if (seen.add(w)) {
                sb.append(sb.length() > 0 ? " " : "").append(w);
            }
        }
        return sb.toString();
    }

    /** Writes {@code v} to {@code file} when given, and returns it as a 3-channel hyperstack. */
    static ImagePlus vector(SetupParameters command, VectorField v, String what, SimulationSetup s, String epoch, File file) {
        Provenance p = CommandProvenance.of(command, what);
        if (Outputs.given(file)) {
            FieldFiles.write(file, v, p);
        }
        return FieldImages.vector(v, title(what, command, s, epoch), p.toInfo());
    }

    /** Writes {@code f} to {@code file} when given, and returns it as a 32-bit stack. */
    static ImagePlus scalar(Object command, ScalarField f, String what, String title, File file) {
        Provenance p = CommandProvenance.of(command, what);
        if (Outputs.given(file)) {
            FieldFiles.write(file, f, p);
        }
        return FieldImages.scalar(f, title, p.toInfo());
    }

    /** A number as a person writes it: 0 rather than 0.0, 0.5 as 0.5. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A short name of a field input for legends: the file name, or the image title. */
    static String inputName(String input) {
        return org.d3m.ij.fields.FieldSource.displayName(input);
    }

    /** One line: what, rms and where it went. */
    static String describe(String what, VectorField v, File file) {
        return String.format(Locale.ROOT, "%s: grid %d^3, rms %.4f Mpc/h%s", what, v.box().n(), v.rms(),
                Outputs.given(file) ? ", written to " + file : "");
    }

    static String describe(String what, ScalarField f, File file) {
        return String.format(Locale.ROOT, "%s: grid %d^3, rms %.4f%s", what, f.box().n(), f.rms(),
                Outputs.given(file) ? ", written to " + file : "");
    }
}
