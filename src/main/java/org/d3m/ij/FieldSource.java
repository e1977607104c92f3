package org.d3m.ij;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;

import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * Resolves a command's field input text ({@code @Parameter String input}) to a core field. The
 * text is, in this order:
 * <ol>
 *   <li>{@value #CURRENT}: the current image (ImageJ running, or an IJ1 batch macro);</li>
 *   <li>the title of an open image (a title that several open images have is an error that lists
 *   them: ImageJ allows duplicate titles, and picking one silently could pick the wrong field);</li>
 *   <li>a file path ending in .tif, .tiff or .npy.</li>
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
        return imp != null ? FieldImages.toScalar(imp, boxSize) : FieldFiles.readScalar(file(input), boxSize);
    }

    /** The vector field (for example a displacement [Mpc/h]) named by {@code input}. */
    public static VectorField vector(String input, double boxSize) {
        ImagePlus imp = openImage(input);
        return imp != null ? FieldImages.toVector(imp, boxSize) : FieldFiles.readVector(file(input), boxSize);
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
