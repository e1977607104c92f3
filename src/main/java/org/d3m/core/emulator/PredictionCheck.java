package org.d3m.core.emulator;

import java.util.Locale;
import org.d3m.core.field.VectorField;

/**
 * What a prediction must look like before anyone writes it: every value finite, no |Psi| beyond the
 * box (the rule the field readers apply to every displacement, {@code FieldChecks}), and an rms |Psi| of
 * at most a quarter of the box. Physical displacements stay far below that: the rms |Psi| of FastPM at
 * z = 0 in the paper's 128 Mpc/h box is about 0.06 L (FastPM's own runs in shared/data), and even the
 * largest single |Psi| of a 1 Mpc/h box is 0.6 L; a field of uniform noise across the box has an rms
 * of L/2. A model with NaN weights, or one
 * whose training diverged (an rms of 5.6e11 Mpc/h in a 128 Mpc/h box was seen), is caught here with one
 * line instead of writing a field that the readers would refuse.
 */
final class PredictionCheck {

    /** The largest rms |Psi| accepted, as a fraction of the box side. */
    static final double MAX_RMS_FRACTION = 0.25;

    private PredictionCheck() {
    }

    /**
     * Returns {@code psi}; IllegalArgumentException naming {@code model} when it is not a sane displacement.
     */
    static VectorField require(VectorField psi, String model) {
        double l = psi.box().size();
        double sum = 0;
        double max2 = 0;
        float[][] c = psi.c();
        for (int i = 0; i < c[0].length; i++) {
            float x = c[0][i];
            float y = c[1][i];
            float z = c[2][i];
            if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(z)) {
                throw new IllegalArgumentException("model " + model + " predicts a non-finite displacement (index " + i
                        + "): its weights are broken or it does not fit this input; nothing was written");
            }
            double m2 = (double) x * x + (double) y * y + (double) z * z;
            sum += m2;
            max2 = Math.max(max2, m2);
        }
        double rms = Math.sqrt(sum / c[0].length);
        if (max2 > l * l || rms > MAX_RMS_FRACTION * l) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "model %s predicts |Psi| up to %.4g Mpc/h"
                    + " (rms %.4g) in a %.4g Mpc/h box, where a displacement stays within the box (rms at most %.2g of it):"
                    + " the model diverged or does not fit this input; nothing was written", model, Math.sqrt(max2),
                    rms, l, MAX_RMS_FRACTION));
        }
        return psi;
    }
}
