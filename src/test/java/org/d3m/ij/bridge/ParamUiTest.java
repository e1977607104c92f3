package org.d3m.ij.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.Prefs;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.d3m.ij.Commands;

/** How dialogs present keys: labels, units, headings, field kinds, remembered values. */
class ParamUiTest {

    static CommandInfo info(String name) {
        return Commands.byName(CommandBridge.context(), name);
    }

    static ModuleItem<?> item(CommandInfo info, String key) {
        return Commands.userInputs(info).stream().filter(i -> i.getName().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void labelsAndUnitsACosmologistReads() {
        CommandInfo sim = info("simulate");
        assertEquals("As (primordial amplitude)", ParamUi.label(item(sim, "a_s")));
        assertEquals("\u03a9m (matter)", ParamUi.label(item(sim, "omega_m")));
        assertEquals("\u03c38 (0 = keep)", ParamUi.label(item(sim, "sigma8")));
        assertEquals("Box size", ParamUi.label(item(sim, "box_size")));
        assertEquals("Mpc/h", ParamUi.unit(item(sim, "box_size")));
        assertEquals("Threads (0 = all cores)", ParamUi.label(item(sim, "threads")));
        CommandInfo ps = info("power-spectrum");
        assertEquals("h/Mpc", ParamUi.unit(item(ps, "dk")));
        assertEquals("Field", ParamUi.label(item(ps, "input")), "a power spectrum takes any field");
        assertEquals("Displacement", ParamUi.label(item(info("paint-density"), "input")));
        assertEquals("Average over cube symmetries (1 = off)", ParamUi.label(item(info("emulate"), "symmetries")));
        assertEquals("Final learning rate (cosine)", ParamUi.label(item(info("train"), "min_learning_rate")));
    }

    @Test
    void everyKeyOfEveryCommandHasAReadableLabelAndAHeading() {
        for (CommandInfo c : Commands.all(CommandBridge.context())) {
            if (!c.getClassName().startsWith("org.d3m.commands.")) {
                continue; // test fixtures
            }
            List<ModuleItem<?>> items = Commands.userInputs(c);
            List<String> groups = ParamUi.groups(items);
            for (int i = 0; i < items.size(); i++) {
                String label = ParamUi.label(items.get(i));
                assertFalse(label.contains("_"), c.getName() + "." + items.get(i).getName() + " label '" + label
                        + "': GenericDialog shows '_' as a space");
                assertTrue(ParamUi.GROUPS.contains(groups.get(i)), groups.get(i));
                assertTrue(ParamUi.hasChosenLabel(items.get(i)), c.getName() + "." + items.get(i).getName()
                        + " has no entry in ParamUi's table: its dialog shows a label made from the key");
                assertTrue(items.get(i).getDescription() != null && !items.get(i).getDescription().isBlank(),
                        c.getName() + "." + items.get(i).getName() + " has a description (the tooltip)");
            }
        }
    }

    @Test
    void unknownKeysGetALabelFromTheirNameAndTheHeadingBefore() {
        CommandInfo echo = info("fixture-echo");
        assertEquals("Label", ParamUi.label(item(echo, "label")));
        assertFalse(ParamUi.hasChosenLabel(item(echo, "label")), "a label made from the key is not a chosen one");
        assertEquals("Mpc/h", ParamUi.unit(item(echo, "box_size")));
        assertEquals("1", ParamUi.unit(item(echo, "a_s")).isEmpty() ? "1" : ParamUi.unit(item(echo, "a_s")));
    }

    @Test
    void simulateIsGroupedCosmologyBoxSolverOutput() {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (BridgeDialog.Row r : BridgeDialog.layout(info("simulate"))) {
            byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r.item().getName());
        }
        assertEquals(List.of("Cosmology", "Box", "Solver", "Output"), new ArrayList<>(byGroup.keySet()));
        assertTrue(byGroup.get("Solver").contains("kernel"), byGroup.toString());
        assertEquals(List.of("a_s", "n_s", "h", "omega_m", "omega_b", "pk_file", "sigma8"), byGroup.get("Cosmology"));
        assertEquals(List.of("box_size", "grid", "seed", "linear_input"), byGroup.get("Box"));
        assertTrue(byGroup.get("Solver").containsAll(List.of("steps", "a_start", "mesh_factor", "threads")), byGroup.toString());
        assertEquals(List.of("output", "momentum_output"), byGroup.get("Output"));
        List<String> ps = BridgeDialog.layout(info("power-spectrum")).stream().map(BridgeDialog.Row::group).distinct().toList();
        assertEquals(List.of("Input", "Analysis", "Output"), ps, "box_size of .npy inputs sits with the inputs");
    }

    @Test
    void fieldInputsAndTheirKinds() {
        CommandInfo compare = info("compare");
        for (String k : new String[] {"truth", "prediction", "prediction2", "prediction3"}) {
            assertTrue(ParamUi.isFieldInput(item(compare, k)), k + " is an image choice");
            assertEquals(ParamUi.Kind.DISPLACEMENT, ParamUi.kind(item(compare, k)), k);
        }
        assertEquals(ParamUi.Kind.ANY, ParamUi.kind(item(info("power-spectrum"), "input")));
        assertEquals(ParamUi.Kind.DISPLACEMENT, ParamUi.kind(item(info("emulate"), "input")));
        assertFalse(ParamUi.isFieldInput(item(compare, "names")));
        assertTrue(ParamUi.isOutput(item(compare, "output_dir")));
        assertFalse(ParamUi.isOutput(item(info("simulate"), "pk_file")));
    }

    @Test
    void dialogsRememberTheirLastValuesInPrefsButNotOutputs() {
        CommandInfo sim = info("simulate");
        Map<String, Object> v = new LinkedHashMap<>(Commands.defaults(sim));
        v.put("seed", 4242L);
        v.put("a_s", 2.5e-9);
        v.put("output", new java.io.File("/tmp/never-remembered.tif"));
        try {
            BridgeDialog.remember(sim, v);
            assertEquals("4242", Prefs.get("d3m.setup.seed", null), "a setup key every generator shares");
            assertEquals(4242L, BridgeDialog.remembered(info("lpt")).get("seed"), "issue 26: LPT after Simulate at seed 4242");
            assertEquals(4242L, BridgeDialog.remembered(info("emulate")).get("seed"));
            assertEquals(0, BridgeDialog.remembered(info("lpt")).get("threads"), "threads are not shared");
            Map<String, Object> r = BridgeDialog.remembered(sim);
            assertEquals(4242L, r.get("seed"));
            assertEquals(2.5e-9, r.get("a_s"));
            assertEquals(null, r.get("output"), "outputs are not remembered (a rerun would overwrite them)");
            Prefs.set("d3m.simulate.steps", "not a number");
            assertEquals(10, BridgeDialog.remembered(sim).get("steps"), "an unreadable value falls back to the default");
            Map<String, Object> macro = MacroOptions.parse(sim, "grid=16", null);
            assertEquals(1L, macro.get("seed"), "macros never read remembered values");
        } finally {
            for (ModuleItem<?> item : Commands.userInputs(sim)) {
                Prefs.set(BridgeDialog.prefsKey(sim, item), "");
            }
        }
    }

    @Test
    void aChosenInputDropsTheRememberedSetupKeysTheUserDidNotTouch() {
        // issue 26: a remembered seed plus a preselected input made Emulate fail every time ("leave it out")
        CommandInfo em = info("emulate");
        Map<String, Object> shown = new LinkedHashMap<>(Commands.defaults(em));
        shown.put("seed", 42L);
        shown.put("omega_m", 0.25);
        Map<String, Object> values = new LinkedHashMap<>(shown);
        values.put("input", "ZA displacement seed=42 z=0");
        Map<String, Object> run = BridgeDialog.withoutUntouchedSetup(em, shown, values);
        assertEquals(1L, run.get("seed"), "the remembered seed is not used with an input");
        assertEquals(0.25, run.get("omega_m"), "omega_m still acts with an input");
        values.put("seed", 7L);                                   // typed by the user: kept, and refused by the command
        assertEquals(7L, BridgeDialog.withoutUntouchedSetup(em, shown, values).get("seed"));
        values.put("input", "");
        values.put("seed", 42L);
        assertEquals(42L, BridgeDialog.withoutUntouchedSetup(em, shown, values).get("seed"), "generating: the seed acts");
    }

    @Test
    void dialogsPutRelativeDefaultOutputsUnderTheHomeFolder() {
        // issue 26: "out/demo" was written into ImageJ's working folder (Fiji.app), where nobody looks
        java.io.File home = new java.io.File(System.getProperty("user.home"));
        assertEquals(new java.io.File(home, "D3M/demo"), BridgeDialog.remembered(info("demo")).get("output_dir"));
        assertEquals(new java.io.File(home, "D3M/model"), BridgeDialog.remembered(info("train")).get("output_dir"));
        assertEquals(new java.io.File("out/demo"), MacroOptions.parse(info("demo"), "", null).get("output_dir"),
                "macros (and the CLI) keep the relative default");
    }
}
