package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.d3m.commands.CosmologyPresets;
import org.junit.jupiter.api.Test;
import org.d3m.ij.Commands;
import org.d3m.ij.ParamText;

/** The dialogs' one cosmology choice (issue 26 item 5): presets, last used, custom…, and what it resolves to. */
class CosmologyChoiceTest {

    @Test
    void everyGeneratorFoldsItsSevenCosmologyFieldsIntoOneChoice() {
        for (String name : List.of("simulate", "initial-conditions", "lpt", "emulate", "linear-power", "reproduce-table",
                "make-dataset", "ensemble-compare", "validate-range", "demo")) {
            List<BridgeDialog.Row> rows = BridgeDialog.layout(ParamUiTest.info(name));
            assertTrue(CosmologyChoice.folds(rows), name);
            assertEquals(rows.size() + inputs(rows) - 6, BridgeDialog.rowsShown(rows, true), name);
        }
        assertFalse(CosmologyChoice.folds(BridgeDialog.layout(ParamUiTest.info("power-spectrum"))), "no cosmology keys");
    }

    @Test
    void theDefaultsArePlanck2015AndResolveToTheSameSevenKeys() {
        Map<String, Object> shown = Commands.defaults(ParamUiTest.info("simulate"));
        assertEquals("Planck 2015 (the paper)", CosmologyChoice.selected(shown));
        List<String> items = CosmologyChoice.items(shown);
        assertEquals(List.of("Planck 2015 (the paper)", "Table 1: As \u00d7 1.8", "Table 1: As \u00d7 0.2", "Table 1: \u03a9m = 0.5",
                "Table 1: \u03a9m = 0.1", CosmologyChoice.CUSTOM), items, "no 'last used' item when the values are a preset");
        Map<String, Object> v = CosmologyChoice.values(items.get(0), shown);
        for (String k : CosmologyPresets.KEYS) {
            assertTrue(CosmologyPresets.same(shown.get(k), v.get(k)), k + ": " + shown.get(k) + " vs " + v.get(k));
        }
        assertNull(CosmologyChoice.values(CosmologyChoice.CUSTOM, shown), "custom…: the second dialog gives them");
    }

    @Test
    void table1PresetsChangeOneParameterAsThePaperDoes() {
        Map<String, Object> shown = Commands.defaults(ParamUiTest.info("simulate"));
        Map<String, Object> as = CosmologyChoice.values("Table 1: As \u00d7 1.8", shown);
        assertEquals(3.8556e-9, (Double) as.get("a_s"), 0.0, "exactly 1.8 x 2.142e-9, no rounding noise in a recorded line");
        assertEquals("3.8556e-9", ParamText.format(as.get("a_s")));
        assertEquals(0.3089, (Double) as.get("omega_m"), 0.0);
        Map<String, Object> om = CosmologyChoice.values("Table 1: \u03a9m = 0.1", shown);
        assertEquals(0.1, (Double) om.get("omega_m"), 0.0);
        assertEquals(2.142e-9, (Double) om.get("a_s"), 0.0);
        assertEquals(0.0486, (Double) om.get("omega_b"), 0.0, "Omega_b fixed: CDM varied");
    }

    @Test
    void rememberedValuesThatAreNoPresetAreOfferedAsLastUsed() {
        Map<String, Object> shown = Commands.defaults(ParamUiTest.info("simulate"));
        shown.put("omega_m", 0.25);
        shown.put("sigma8", 0.8);
        shown.put("pk_file", new File("/data/class_pk.txt"));
        String last = CosmologyChoice.selected(shown);
        assertEquals("last used (\u03a9m 0.25, P(k) class_pk.txt, \u03c38 0.8)", last);
        assertEquals(last, CosmologyChoice.items(shown).get(5));
        Map<String, Object> v = CosmologyChoice.values(last, shown);
        assertEquals(0.25, v.get("omega_m"));
        assertEquals(new File("/data/class_pk.txt"), v.get("pk_file"));
        assertEquals(0.8, v.get("sigma8"));
        assertEquals(0.9667, v.get("n_s"));
    }

    private static int inputs(List<BridgeDialog.Row> rows) {
        return (int) rows.stream().filter(r -> ParamUi.isFieldInput(r.item())).count();
    }
}
