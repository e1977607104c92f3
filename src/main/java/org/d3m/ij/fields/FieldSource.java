package org.d3m.ij.fields;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;

import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.FastPmFiles;
import org.d3m.core.io.FieldInputs;

/**
 * Resolves a command's field input text ({@code @Parameter String input}) to a core field. The
 * text is, in this order:
 * <ol>
 *   <li>{@value #CURRENT}: the current image (ImageJ running, or an IJ1 batch macro);</li>
 *   <li>the title of an open image (a title that several open images have is an error that lists
 *   them: ImageJ allows duplicate titles, and picking one silently could pick the wrong field);</li>
 *   <li>a .tif/.tiff file, read here with ImageJ ({@link FieldFiles});</li>
 *   <li>a .npy file or a C FastPM directory, read by the core ({@link FieldInputs}): a snapshot
 *   ({@code fastpm_1.0000/}, the displacement of its particles, see {@link FastPmFiles}) for a
 *   vector input, an initial-conditions directory ({@code IC/}, its {@code LinearDensityK}) for a
 *   scalar input. Their own BoxSize is used.</li>
 * </ol>
 * So this class adds the ImageJ inputs (open images, TIFF) and dispatches the rest to core.io.
 * An image or TIFF carries its box size in its Mpc/h calibration; {@code boxSize} [Mpc/h] is
 * used for .npy files and uncalibrated images (pass the command's {@code box_size}; values
 * &lt;= 0 mean "not given"). Shape problems give one-line IllegalArgumentExceptions.
 */
public final class FieldSource {

    /** The input text that means "the current image". */
    public static final String CURRENT = "current";

    private FieldSource() {
    }

    /** The scalar field named by {@code input}. */
    public static ScalarField scalar(String input, double boxSize) {
        ImagePlus imp = openImage(input);
        if (imp != null) {
            return FieldImages.toScalar(imp, boxSize);
        }
        Path p = path(input);
        return isTiff(p) ? FieldFiles.readScalar(p.toFile(), boxSize) : FieldInputs.scalar(p, boxSize);
    }

    /** The vector field (for example a displacement [Mpc/h]) named by {@code input}. */
    public static VectorField vector(String input, double boxSize) {
        ImagePlus imp = openImage(input);
        if (imp != null) {
            return FieldImages.toVector(imp, boxSize);
        }
        Path p = path(input);
        return isTiff(p) ? FieldFiles.readVector(p.toFile(), boxSize) : FieldInputs.vector(p, boxSize);
    }

    /**
     * A {@link ScalarField} or {@link VectorField} named by {@code input}, the kind read from the
     * data: an image with 3 channels, a (3, n, n, n) .npy or a C FastPM snapshot is a vector field.
     */
    public static Object field(String input, double boxSize) {
        ImagePlus imp = openImage(input);
        if (imp != null) {
            return imp.getNChannels() == 3 ? FieldImages.toVector(imp, boxSize) : FieldImages.toScalar(imp, boxSize);
        }
        Path p = path(input);
        return isTiff(p) ? FieldFiles.readField(p.toFile(), boxSize) : FieldInputs.field(p, boxSize);
    }

    /**
     * The linear overdensity at z = 0 named by a generator's {@code linear_input}: an open image or a
     * .tif (n, n, n) field read here, or a .npy or FastPM IC directory read by
     * {@link FieldInputs#linearDensity}. The field fixes the grid; {@code grid} and {@code boxSize}
     * [Mpc/h] are the command's keys and must agree with it ({@link FieldInputs#requireLinearDensity};
     * a .npy has no box size, so it takes {@code boxSize}).
     */
    public static ScalarField linearDensity(String input, double boxSize, int grid, int threads) {
        ImagePlus imp = openImage(input);
        if (imp == null && !isTiff(path(input))) {
            return FieldInputs.linearDensity(path(input), boxSize, grid, threads);
        }
        ScalarField f = imp != null ? FieldImages.toScalar(imp, boxSize) : FieldFiles.readScalar(path(input).toFile(), boxSize);
        return FieldInputs.requireLinearDensity(f, input, grid, boxSize);
    }

    /**
     * The provenance a field input carries: an open image's Info property ("key = value" lines), a
     * file's {@code .json} sidecar ({@link FieldInputs#provenance}), or an empty map (a FastPM
     * directory, a file without sidecar, an unreadable sidecar).
     */
    public static java.util.Map<String, String> provenance(String input) {
        if (input == null || input.isBlank()) {
            return new java.util.LinkedHashMap<>();
        }
        ImagePlus imp = openImage(input);
        return imp != null ? provenance(imp) : FieldInputs.provenance(Path.of(input.trim()));
    }

    /** The provenance an open image carries in its Info property ("key = value" lines); empty when none. */
    public static java.util.Map<String, String> provenance(ImagePlus imp) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (imp.getProperty("Info") instanceof String text) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf(" = ");
                if (eq > 0) {
                    m.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
                }
            }
        }
        return m;
    }

    /**
     * The open image named by {@code input} ({@value #CURRENT} or a title), or null when it names
     * none (then it is a file path). "current" with no open image is an error.
     */
    public static ImagePlus openImage(String input) {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("input is empty: give an open image's title, 'current' or a .tif/.npy file");
        }
        String s = input.trim();
        if (s.equalsIgnoreCase(CURRENT)) {
            ImagePlus imp = WindowManager.getCurrentImage();
            if (imp == null) {
                throw new IllegalArgumentException("input 'current': no image is open; give a .tif/.tiff/.npy file");
            }
            return imp;
        }
        List<ImagePlus> matches = new ArrayList<>();
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (imp != null && imp.getTitle().equals(s)) {
                    matches.add(imp);
                }
            }
        }
        if (matches.size() > 1) {
            StringBuilder sb = new StringBuilder();
            for (ImagePlus imp : matches) {
                sb.append(sb.length() > 0 ? ", " : "").append("ID ").append(imp.getID()).append(' ')
                        .append(FieldImages.shape(imp));
            }
            throw new IllegalArgumentException("input '" + s + "' matches " + matches.size() + " open images (" + sb
                    + "); rename one (Image > Rename...) or close it");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    /**
     * A short name of a field input for titles and legends: the current image's real title for
     * {@value #CURRENT}, a file's name for a path, else the text (an image title).
     */
    public static String displayName(String input) {
        String s = input == null ? "" : input.trim();
        if (s.equalsIgnoreCase(CURRENT)) {
            ImagePlus imp = WindowManager.getCurrentImage();
            return imp != null ? imp.getTitle() : s;
        }
        return s.contains("/") || s.contains(File.separator) ? new File(s).getName() : s;
    }

    /**
     * The file or directory named by {@code input} (not an open image): an existing directory, or
     * an existing file with a field extension ({@link FieldInputs#format}).
     */
    private static Path path(String input) {
        Path p = Path.of(input.trim());
        if (Files.isDirectory(p)) {
            return p;
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("input '" + input + "' is neither an open image nor an existing file");
        }
        FieldInputs.format(p);
        return p;
    }

    /** True for a TIFF file: ImageJ's to read, everything else is the core's ({@link FieldInputs}). */
    private static boolean isTiff(Path p) {
        return !Files.isDirectory(p) && FieldInputs.format(p) == FieldInputs.Format.TIFF;
    }
}
