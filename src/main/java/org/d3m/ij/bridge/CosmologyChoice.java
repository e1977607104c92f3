package org.d3m.ij.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.d3m.commands.CosmologyPresets;
import org.d3m.ij.ParamText;

/**
 * The dialogs' one "Cosmology" choice in place of the seven cosmology fields (issue 26: a dialog fits a
 * 1366x768 screen): the five presets of {@link CosmologyPresets} (the paper's Planck 2015 and the rest of
 * Table 1), "last used (...)" when the remembered values are none of them (it names what differs from
 * Planck 2015), and {@value #CUSTOM}, which opens a second small dialog with the seven fields after OK.
 * Only the dialog changes: it resolves the choice to the seven keys, which the recorder writes as before.
 */
final class CosmologyChoice {

    /** The item that opens the seven fields. */
    static final String CUSTOM = "custom\u2026";
    /** The start of the item that keeps remembered values that are no preset. */
    static final String LAST_USED = "last used";

    /** The choice's label, under the heading "Cosmology". */
    static final String LABEL = "Parameters";
    /** The second dialog's title after the command's: "Simulate FastPM: custom cosmology". */
    static final String CUSTOM_TITLE = "custom cosmology";
    /** The choice's tooltip. */
    static final String TOOLTIP = "the paper's Planck 2015, another cosmology of its Table 1, or custom\u2026 to type"
            + " As, ns, h, \u03a9m, \u03a9b, a P(k) table or \u03c38 (a second dialog after OK); macros: the keys"
            + " a_s n_s h omega_m omega_b pk_file sigma8";

    private CosmologyChoice() {
    }

    /** True when the dialog folds the cosmology: the command has all seven keys. */
    static boolean folds(List<BridgeDialog.Row> rows) {
        return rows.stream().map(r -> r.item().getName()).toList().containsAll(CosmologyPresets.KEYS);
    }

    /** True for one of the seven keys. */
    static boolean isKey(String key) {
        return CosmologyPresets.KEYS.contains(key);
    }

    /** The choice's items for the values the dialog shows: the presets, "last used (...)" if none matches, custom…. */
    static List<String> items(Map<String, Object> shown) {
        List<String> items = new ArrayList<>();
        CosmologyPresets.all().forEach(p -> items.add(p.label()));
        if (CosmologyPresets.matching(shown) == null) {
            items.add(lastUsed(shown));
        }
        items.add(CUSTOM);
        return items;
    }

    /** The item selected at first: the matching preset, else "last used (...)". */
    static String selected(Map<String, Object> shown) {
        CosmologyPresets.Preset p = CosmologyPresets.matching(shown);
        return p != null ? p.label() : lastUsed(shown);
    }

    /**
     * The seven keys' values for a chosen item: a preset's, or the shown ones for "last used"; null for
     * {@value #CUSTOM} (the caller asks for them).
     */
    static Map<String, Object> values(String item, Map<String, Object> shown) {
        CosmologyPresets.Preset p = CosmologyPresets.byLabel(item);
        if (p != null) {
            return p.values();
        }
        if (CUSTOM.equals(item)) {
            return null;
        }
        return shown(shown);
    }

    /** The seven keys' values among the shown ones. */
    static Map<String, Object> shown(Map<String, Object> shown) {
        Map<String, Object> v = new LinkedHashMap<>();
        CosmologyPresets.KEYS.forEach(k -> v.put(k, shown.get(k)));
        return v;
    }

    /** "last used (Ωm 0.25, σ8 0.8)": the keys that differ from Planck 2015, with the dialog's short labels. */
    static String lastUsed(Map<String, Object> shown) {
        Map<String, Object> planck = CosmologyPresets.all().get(0).values();
        List<String> parts = new ArrayList<>();
        for (String k : CosmologyPresets.KEYS) {
            Object v = shown.get(k);
            if (!CosmologyPresets.same(planck.get(k), v)) {
                String name = switch (k) {
                    case "a_s" -> "As";
                    case "n_s" -> "ns";
                    case "omega_m" -> "\u03a9m";
                    case "omega_b" -> "\u03a9b";
                    case "sigma8" -> "\u03c38";
                    case "pk_file" -> "P(k)";
                    default -> k;
                };
                String text = v instanceof java.io.File f ? f.getName() : ParamText.format(v);
                parts.add(name + " " + text);
            }
        }
        String s = String.join(", ", parts);
        return LAST_USED + " (" + (s.length() > 48 ? s.substring(0, 47) + "\u2026" : s) + ")";
    }
}
