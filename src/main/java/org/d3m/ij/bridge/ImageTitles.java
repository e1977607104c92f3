package org.d3m.ij.bridge;

import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ij.ImagePlus;
import ij.WindowManager;

import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.d3m.ij.Commands;
import org.d3m.ij.ParamText;

/**
 * Titles of the images the bridge shows. A command names its image after what it is
 * ("FastPM displacement seed=42 z=0"); the bridge then
 * <ol>
 *   <li>appends the settings that differ from the command's defaults ({@code steps=4}), so two
 *   runs with the same seed but different settings are told apart, and</li>
 *   <li>makes the title unique among the open images: " (2)", " (3)", ... for the second and later
 *   (not ImageJ's "-1", which after "z=0" reads as a redshift range "z=0-1").</li>
 * </ol>
 * Titles matter: macros and dialogs pick field inputs by title ({@link org.d3m.ij.fields.FieldSource}).
 */
public final class ImageTitles {

    /** Keys never named in a title: their values are in the title already, or do not change the result. */
    static final Set<String> NOT_IN_TITLE = Set.of("seed", "redshift", "order", "threads", "device");

    private ImageTitles() {
    }

    /**
     * {@code title} followed by " key=value" for each user input whose value differs from the
     * default, in input order; left out are outputs, field inputs, booleans, the keys of
     * {@link #NOT_IN_TITLE} and any "key=value" the title already holds. Files are named by their
     * file name.
     */
    public static String withSettings(String title, CommandInfo info, Map<String, Object> values) {
        Map<String, Object> defaults = Commands.defaults(info);
        StringBuilder sb = new StringBuilder(title);
        for (ModuleItem<?> item : Commands.userInputs(info)) {
            String key = item.getName();
            Object v = values.get(key);
            if (NOT_IN_TITLE.contains(key) || ParamUi.isOutput(item) || ParamUi.isFieldInput(item)
                    || ParamText.box(item.getType()) == Boolean.class || v == null || same(v, defaults.get(key))) {
                continue;
            }
            String text = v instanceof File f ? f.getName() : ParamText.format(v);
            if (text.isEmpty()) {
                continue;
            }
            String kv = key + "=" + text;
            if (!(" " + sb + " ").contains(" " + kv + " ")) {
                sb.append(' ').append(kv);
            }
        }
        return sb.toString();
    }

    private static boolean same(Object v, Object d) {
        return d != null && Objects.equals(ParamText.format(v), ParamText.format(d));
    }

    /**
     * {@code title} if no open image (windows and batch-mode images) has it, else the first free
     * "title (2)", "title (3)", ...
     */
    public static String unique(String title) {
        return unique(title, openTitles(null));
    }

    /** {@link #unique(String)} among {@code taken}. */
    static String unique(String title, Set<String> taken) {
        if (!taken.contains(title)) {
            return title;
        }
        for (int i = 2; ; i++) {
            String t = title + " (" + i + ")";
            if (!taken.contains(t)) {
                return t;
            }
        }
    }

    /**
     * A title for a results table window: "{@code title} results", made unique among the open
     * non-image windows (so a second run does not overwrite the first one's table, and the
     * table is not taken for the command's dialog, which has the command's title).
     */
    static String table(String title) {
        Set<String> taken = new HashSet<>(java.util.Arrays.asList(WindowManager.getNonImageTitles()));
        return unique(title + " results", taken);
    }

    /** Titles of the open images (windows and batch-mode images), except {@code skip}. */
    static Set<String> openTitles(ImagePlus skip) {
        Set<String> titles = new HashSet<>();
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (imp != null && imp != skip) {
                    titles.add(imp.getTitle());
                }
            }
        }
        return titles;
    }

    /** Renames the images a command made before they are shown: settings, then a unique title each. */
    static void name(List<ImagePlus> images, CommandInfo info, Map<String, Object> values) {
        Set<String> taken = openTitles(null);
        for (ImagePlus imp : images) {
            String t = unique(values == null ? imp.getTitle() : withSettings(imp.getTitle(), info, values), taken);
            imp.setTitle(t);
            taken.add(t);
        }
    }
}
