package org.d3m.ij;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;

/**
 * The open images a field input offers in a dialog: only those of the right kind (a displacement
 * input lists 3-channel n^3 hyperstacks, a density input single-channel n^3 stacks, never plots or
 * other 2D images), and which one is preselected.
 */
public final class ImageChoices {

    private ImageChoices() {
    }

    /** True when {@code imp} is an n x n x n field of {@code kind}. */
    public static boolean accepts(ImagePlus imp, ParamUi.Kind kind) {
        int n = imp.getWidth();
        boolean cube = n > 1 && imp.getHeight() == n && imp.getNSlices() == n && imp.getNFrames() == 1;
        return switch (kind) {
            case DISPLACEMENT -> cube && imp.getNChannels() == 3;
            case DENSITY -> cube && imp.getNChannels() == 1;
            case ANY -> cube && (imp.getNChannels() == 1 || imp.getNChannels() == 3);
        };
    }

    /** The open images (windows and batch-mode images) of {@code kind}, oldest first. */
    public static List<ImagePlus> open(ParamUi.Kind kind) {
        List<ImagePlus> out = new ArrayList<>();
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (imp != null && accepts(imp, kind)) {
                    out.add(imp);
                }
            }
        }
        return out;
    }

    /**
     * The image to preselect for a field input among {@code candidates} (oldest first), or null
     * for none: the current image when it fits and is not {@code taken} already by an earlier
     * input of the dialog, else the newest candidate not taken, else null.
     */
    public static ImagePlus preselect(List<ImagePlus> candidates, ImagePlus current, List<ImagePlus> taken) {
        if (current != null && candidates.contains(current) && !taken.contains(current)) {
            return current;
        }
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (!taken.contains(candidates.get(i))) {
                return candidates.get(i);
            }
        }
        return null;
    }
}
