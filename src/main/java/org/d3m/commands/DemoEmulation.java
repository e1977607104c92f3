package org.d3m.commands;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.d3m.core.analysis.PointwiseError;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;

/** The demo's D3M step: the shipped model on the run's ZA field, where the model fits the box. */
final class DemoEmulation {

    private DemoEmulation() {
    }

    /**
     * Adds {@code "d3m"} to the fields (after {@code "za"}'s prediction) when a model ships and fits.
     *
     * @return a summary line: the model and device used, or why D3M was skipped
     */
    static String addD3m(SimulationSetup s, double redshift, Map<String, VectorField> fields) {
        Path weights = ShippedModel.defaultWeights();
        if (weights == null) {
            return "d3m: skipped (no model ships in this build)\n";
        }
        try (Emulator e = Emulator.load(weights, "auto")) {
            String why = e.meta().mismatch(s.box(), s.kernel().key());
            if (why != null) {
                return "d3m: skipped (" + why + ")\n";
            }
            Progress progress = CommandProgress.get();
            progress.report(0.8, "D3M emulation");
            try {
                InputCosmology.requireKnown(e, ShippedModel.ID, s.cosmology().omegaM(), s.cosmology().aS(), redshift, false);
                fields.put("d3m", e.predict(fields.get("za"), s.cosmology().omegaM(), redshift, false, progress.sub(0.8, 0.9)));
            } catch (IllegalArgumentException outside) {
                return "d3m: skipped (" + outside.getMessage() + ")\n";
            }
            return "d3m: model " + ShippedModel.ID + " on " + e.describeDevice() + ", "
                    + Emulator.describeAveraging(e.symmetries()) + "\n";
        }
    }

    /** One line: each field's mean point-wise displacement error against FastPM (paper's eq. 6). */
    static String errors(Map<String, VectorField> fields, VectorField truth, int threads) {
        StringBuilder sb = new StringBuilder("point-wise error against fastpm:");
        for (Map.Entry<String, VectorField> f : fields.entrySet()) {
            if (f.getValue() != truth) {
                sb.append(String.format(Locale.ROOT, " %s %.4f", f.getKey(), PointwiseError.of(f.getValue(), truth, threads).mean()));
            }
        }
        return sb.append('\n').toString();
    }
}
