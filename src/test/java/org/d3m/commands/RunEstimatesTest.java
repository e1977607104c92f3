package org.d3m.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunEstimatesTest {

    /** reproduce-table's defaults, as its dialog or a macro gives them. */
    static Map<String, Object> defaults() {
        Map<String, Object> v = new HashMap<>();
        v.put("grid", 32);
        v.put("box_size", 128.0);
        v.put("steps", 10);
        v.put("mesh_factor", 2);
        v.put("cosmologies", "all");
        v.put("seeds", 100);
        v.put("three_point_seeds", 10);
        v.put("three_point_estimator", "mesh");
        v.put("symmetries", 4);
        return v;
    }

    @Test
    void theDefaultsAskForConfirmationAQuickRunDoesNot() {
        double full = RunEstimates.seconds("reproduce-table", defaults()).getAsDouble();
        assertTrue(full > RunEstimates.CONFIRM_ABOVE_S, "the defaults (500 runs) are a long job: " + full);
        assertEquals("Estimated time: about 10 min (500 runs, the 3PCF on 50) on 2 cores", RunEstimates.describe(full, defaults()));
        Map<String, Object> quick = defaults();
        quick.put("seeds", 2);
        quick.put("three_point_seeds", 0);
        quick.put("cosmologies", "trained,Om0.5");
        double q = RunEstimates.seconds("reproduce-table", quick).getAsDouble();
        assertTrue(q < RunEstimates.CONFIRM_ABOVE_S, "4 runs: " + q);
        assertEquals("Estimated time: about 13 s (4 runs, the 3PCF on 0) on 2 cores", RunEstimates.describe(q, quick));
    }

    @Test
    void noEstimateForOtherCommandsOrUnusableValues() {
        assertFalse(RunEstimates.seconds("simulate", defaults()).isPresent());
        Map<String, Object> bad = defaults();
        bad.put("cosmologies", "Om0.7");
        assertFalse(RunEstimates.seconds("reproduce-table", bad).isPresent(), "an unknown cosmology: the command says why");
        bad = defaults();
        bad.put("seeds", 0);
        assertFalse(RunEstimates.seconds("reproduce-table", bad).isPresent());
        bad = defaults();
        bad.remove("grid");
        assertFalse(RunEstimates.seconds("reproduce-table", bad).isPresent());
    }
}
