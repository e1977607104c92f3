package org.d3m.core.emulator;

import org.d3m.core.field.VectorField;

/**
 * One training pair on the Lagrangian grid: the ZA displacement (network input) and the target
 * displacement (for example FastPM), both [Mpc/h] on the same box; {@code lpt2} is the 2LPT
 * displacement [Mpc/h], stored only for the test split (nullable).
 */
public record Sample(VectorField za, VectorField target, VectorField lpt2) {

    public Sample {
        if (za == null || target == null) {
            throw new IllegalArgumentException("a sample needs a ZA input and a target");
        }
        if (!za.box().equals(target.box()) || (lpt2 != null && !lpt2.box().equals(za.box()))) {
            throw new IllegalArgumentException("sample fields must share one box, got " + za.box() + " and "
                    + target.box());
        }
    }
}
