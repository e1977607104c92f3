package org.d3m.ij.bridge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.WindowManager;
import org.d3m.ij.fields.FieldSource;

/**
 * The open images a field input offers in a dialog: only those of the right kind (a displacement
 * input lists 3-channel n^3 hyperstacks, a density input single-channel n^3 stacks, never plots or
 * other 2D images), and which one is preselected. An input whose description begins with the kind of
 * field it wants ("ZA displacement ...", as Emulate's) prefers open images whose provenance
 * ({@code what}) says they are that kind: they are listed first and preselected, images of another
 * kind are never preselected, and images without provenance come last.
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

    /** The kinds of field a description can begin with, as provenance's {@code what} names them. */
    private static final List<String> FIELD_KINDS = List.of("ZA", "2LPT", "FastPM", "D3M");

    /**
     * The kind of field (e.g. "ZA") an input's description asks for by its first word, or null when it
     * names none.
     */
    public static String wantedKind(String description) {
        if (description == null) {
            return null;
        }
        String first = description.trim().split("[\\s(:;,]", 2)[0];
        return FIELD_KINDS.contains(first) ? first : null;
    }

    /**
     * The kind of field an image's provenance records (the first word of its {@code what}, e.g. "ZA"
     * for "ZA displacement"), "" for an image with provenance of no known kind, null without provenance.
     */
    public static String kindOf(ImagePlus imp) {
        String what = FieldSource.provenance(imp).get("what");
        if (what == null || what.isBlank()) {
            return null;
        }
        String first = what.trim().split("\\s", 2)[0];
        return FIELD_KINDS.stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(first.toLowerCase(Locale.ROOT)))
                .findFirst().orElse("");
    }

    /**
     * {@code candidates} (oldest first) ordered for an input that wants {@code kind}: those of that kind
     * first, then those of another recorded kind, then those without provenance; each group keeps its
     * order. Unchanged when {@code kind} is null.
     */
    public static List<ImagePlus> ordered(List<ImagePlus> candidates, String kind) {
        if (kind == null) {
            return candidates;
        }
        List<ImagePlus> out = new ArrayList<>(candidates);
        out.sort(Comparator.comparingInt(imp -> {
            String k = kindOf(imp);
            return kind.equals(k) ? 0 : k != null ? 1 : 2;
        }));
        return out;
    }

    /**
     * The image to preselect for an input that wants {@code kind} (null: any): as
     * {@link #preselect(List, ImagePlus, List)} among the candidates of that kind, else among those
     * without provenance; never one whose provenance names another kind.
     */
    public static ImagePlus preselect(List<ImagePlus> candidates, ImagePlus current, List<ImagePlus> taken, String kind) {
        if (kind == null) {
            return preselect(candidates, current, taken);
        }
        List<ImagePlus> same = candidates.stream().filter(imp -> kind.equals(kindOf(imp))).toList();
        ImagePlus pick = preselect(same, current, taken);
        return pick != null ? pick : preselect(candidates.stream().filter(imp -> kindOf(imp) == null).toList(), current, taken);
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
