package org.d3m.commands;

import java.util.Locale;
import java.util.Map;
import org.d3m.core.emulator.Emulator;

/**
 * The cosmology an emulator is told about its input: a key's value, or the value the input's
 * provenance records when the key keeps its default; a key that contradicts the provenance is an
 * error. And the checks that the input is a ZA field and that a model knows that cosmology.
 */
final class InputCosmology {

    private InputCosmology() {
    }

    /**
     * The value to use for {@code key}: the provenance's when the key is at its default (or equal to the
     * provenance's), the key's when the provenance has none; else a one-line IllegalArgumentException.
     */
    static double resolve(String key, double value, double dflt, Map<String, String> provenance) {
        String recorded = provenance.get(key);
        if (recorded == null || recorded.isBlank()) {
            return value;
        }
        double p;
        try {
            p = Double.parseDouble(recorded.trim());
        } catch (NumberFormatException e) {
            return value;
        }
        if (value == dflt || Math.abs(value - p) <= 1e-9 * Math.max(1, Math.abs(p))) {
            return p;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s=%s contradicts the input's provenance (%s=%s);"
                + " leave %s out, or give the field it describes", key, Outputs.number(value), key, recorded, key));
    }

    /**
     * Refuses an input whose provenance says it is not a ZA displacement (a FastPM, 2LPT or D3M field,
     * a momentum) unless {@code allowNonZa}: the network maps ZA to FastPM, and another input gives a
     * plausible-looking wrong field. An input without provenance (a bare .npy, a FastPM directory) passes.
     */
    static void requireZa(Map<String, String> provenance, boolean allowNonZa) {
        String what = provenance.get("what");
        if (allowNonZa || what == null || what.isBlank() || what.trim().toUpperCase(Locale.ROOT).startsWith("ZA ")) {
            return;
        }
        throw new IllegalArgumentException("the input is a " + what.trim() + ", not a ZA displacement: D3M maps ZA to"
                + " FastPM; give the ZA field of the same seed (lpt order=1, or initial-conditions), or pass allow_non_za=true");
    }

    /**
     * An unconditioned model knows only the cosmology it was trained on, at z = 0: refuses another redshift,
     * Omega_m or A_s (its training set's, as its metadata records them) unless {@code extrapolate}.
     */
    static void requireKnown(Emulator e, String model, double omegaM, double aS, double redshift, boolean extrapolate) {
        if (e.conditioned() || extrapolate) {
            return;
        }
        Map<String, String> info = e.meta().info();
        double om = number(info.get("dataset.omega_m"), omegaM);
        double as = number(info.get("dataset.a_s"), aS);
        boolean same = Math.abs(om - omegaM) <= 1e-9 * om && Math.abs(as - aS) <= 1e-9 * as;
        if (redshift != 0 || !same) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "model %s was trained on one cosmology"
                    + " (omega_m=%s, a_s=%s) at z=0 only, not omega_m=%s, a_s=%s, redshift=%s; use the default model, or pass"
                    + " extrapolate=true", model, Outputs.number(om), Outputs.number(as), Outputs.number(omegaM),
                    Outputs.number(aS), Outputs.number(redshift)));
        }
    }

    private static double number(String s, double fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
