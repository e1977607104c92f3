package org.d3m.commands;

import java.util.Map;
import java.util.OptionalDouble;

import org.d3m.core.analysis.ThreePointEstimator;
import org.d3m.core.validation.PaperCosmology;
import org.d3m.core.validation.PaperTableCost;

/**
 * The time a command will take, estimated from its keys before it runs, for the commands whose
 * defaults start long jobs (today: reproduce-table, {@link PaperTableCost}). The ImageJ dialog shows it
 * and asks for confirmation above {@link #CONFIRM_ABOVE_S}; the command itself reports it when it starts.
 */
public final class RunEstimates {

    /** Above this estimate [s] the dialog asks "run it?" before starting (3 min). */
    public static final double CONFIRM_ABOVE_S = 180;

    private RunEstimates() {
    }

    /**
     * The estimated wall time [s] of command {@code name} run with {@code values} (its keys, as the dialog
     * or the macro gives them), or empty when the command has no estimate or a value is unusable.
     */
    public static OptionalDouble seconds(String name, Map<String, Object> values) {
        if (!"reproduce-table".equals(name)) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(reproduceTable(integer(values, "grid"), number(values, "box_size"),
                    integer(values, "steps"), integer(values, "mesh_factor"),
                    PaperCosmology.parse((String) values.get("cosmologies")).size(), integer(values, "seeds"),
                    integer(values, "three_point_seeds"),
                    ThreePointEstimator.parse((String) values.get("three_point_estimator")), integer(values, "symmetries")));
        } catch (RuntimeException e) { // a missing, mistyped or invalid key: the command's own check will say which
            return OptionalDouble.empty();
        }
    }

    /** {@link PaperTableCost#seconds} for reproduce-table's keys; an error for values the command refuses. */
    static double reproduceTable(int grid, double boxSize, int steps, int meshFactor, int cosmologies, int seeds,
                                 int threePointSeeds, ThreePointEstimator estimator, int symmetries) {
        if (grid < 8 || boxSize <= 0 || steps < 1 || meshFactor < 1 || seeds < 1 || symmetries < 1) {
            throw new IllegalArgumentException("no estimate for these values");
        }
        return PaperTableCost.seconds(grid, boxSize, steps, meshFactor, cosmologies, seeds, threePointSeeds, estimator,
                symmetries);
    }

    /** One line: "Estimated time: about 10 min (500 runs, the 3PCF on 50) on 2 cores", from reproduce-table's keys. */
    public static String describe(double seconds, Map<String, Object> values) {
        try {
            int n = PaperCosmology.parse((String) values.get("cosmologies")).size();
            int seeds = integer(values, "seeds");
            return describe(seconds, n * seeds, n * Math.min(Math.max(integer(values, "three_point_seeds"), 0), seeds));
        } catch (RuntimeException e) {
            return "Estimated time: " + PaperTableCost.describe(seconds) + " on 2 cores";
        }
    }

    /** One line: "Estimated time: about 10 min (500 runs, the 3PCF on 50) on 2 cores". */
    public static String describe(double seconds, long runs, long threePointRuns) {
        return "Estimated time: " + PaperTableCost.describe(seconds) + " (" + runs + " runs, the 3PCF on " + threePointRuns
                + ") on 2 cores";
    }

    private static int integer(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).intValue();
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }
}
