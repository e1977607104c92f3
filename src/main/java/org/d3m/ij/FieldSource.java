package org.d3m.ij;

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

/**
 * Resolves a command's field input text ({@code @Parameter String input}) to a core field. The
 * text is, in this order:
 * <ol>
 *   <li>{@value #CURRENT}: the current image (ImageJ running, or an IJ1 batch macro);</li>
 *   <li>the title of an open image (a title that several open images have is an error that lists
 *   them: ImageJ allows duplicate titles, and picking one silently could pick the wrong field);</li>
 *   <li>a file path ending in .tif, .tiff or .npy;</li>
 *   <li>a C FastPM directory: a snapshot ({@code fastpm_1.0000/}, read as the displacement of its
 *   particles, see {@link FastPmFiles}) for a vector input, an initial-conditions directory
 *   ({@code IC/}, its {@code LinearDensityK}) for a scalar input. Their own BoxSize is used.</li>
 * </ol>
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
        Path dir = fastPmDirectory(input);
        if (dir != null) {
            if (!FastPmFiles.isLinearDensity(dir)) {
                throw new IllegalArgumentException("input '" + input + "' is a directory but not a FastPM IC directory"
                        + " (no LinearDensityK block)");
            }
            return FastPmFiles.linearDensity(dir, boxSize, 0); // a given box_size must agree with the file's BoxSize
        }
        return FieldFiles.readScalar(file(input), boxSize);
    }

    /** The vector field (for example a displacement [Mpc/h]) named by {@code input}. */
    public static VectorField vector(String input, double boxSize) {
        ImagePlus imp = openImage(input);
        if (imp != null) {
            return FieldImages.toVector(imp, boxSize);
        }
        Path dir = fastPmDirectory(input);
        if (dir != null) {
            if (!FastPmFiles.isSnapshot(dir)) {
                throw new IllegalArgumentException("input '" + input + "' is a directory but not a FastPM snapshot"
                        + " (no 1/Position and 1/ID blocks)");
            }
            return FastPmFiles.snapshot(dir, boxSize).displacement(); // a given box_size must agree with BoxSize
        }
        return FieldFiles.readVector(file(input), boxSize);
    }

    /**
     * The linear overdensity at z = 0 named by a generator's {@code linear_input}: an open image, a
     * .tif/.npy (n, n, n) field or a FastPM IC directory. The file fixes the grid; {@code grid} and
     * {@code boxSize} [Mpc/h] are the command's keys and must agree with it (a .npy has no box
     * size, so it takes {@code boxSize}). Values must be finite.
     */
    public static ScalarField linearDensity(String input, double boxSize, int grid, int threads) {
        Path dir = fastPmDirectory(input);
        ScalarField f;
        if (dir != null) {
            if (!FastPmFiles.isLinearDensity(dir)) {
                throw new IllegalArgumentException("linear_input '" + input + "' is a directory but not a FastPM IC"
                        + " directory (no LinearDensityK block)");
            }
            f = FastPmFiles.linearDensity(dir, boxSize, threads);
        } else {
            f = scalar(input, boxSize);
        }
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
     * The provenance a field input carries: an open image's Info property ("key = value" lines), a
     * file's {@code .json} sidecar, or an empty map (a FastPM directory, a file without sidecar, an
     * unreadable sidecar).
     */
    public static java.util.Map<String, String> provenance(String input) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (input == null || input.isBlank()) {
            return m;
        }
        ImagePlus imp = openImage(input);
        if (imp != null) {
            return provenance(imp);
        }
        Path f = Path.of(input.trim());
        Path side = org.d3m.core.io.Provenance.sidecarOf(f);
        if (Files.isRegularFile(f) && Files.isRegularFile(side)) {
            try {
                m.putAll(org.d3m.core.io.Provenance.parseJson(Files.readString(side)).entries());
            } catch (java.io.IOException | RuntimeException e) {
                return m; // an unreadable sidecar says nothing
            }
        }
        return m;
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

    /** The directory named by {@code input}, or null when it names no directory. */
    private static Path fastPmDirectory(String input) {
        Path p = Path.of(input.trim());
        return Files.isDirectory(p) ? p : null;
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

    private static File file(String input) {
        File f = new File(input.trim());
        if (!f.isFile()) {
            throw new IllegalArgumentException("input '" + input + "' is neither an open image nor an existing file");
        }
        FieldFiles.format(f);
        return f;
    }
}
