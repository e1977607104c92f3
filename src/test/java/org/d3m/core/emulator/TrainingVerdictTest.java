package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 24, item 12: a diverged training is an error, a model no better than the identity map a warning. */
class TrainingVerdictTest {

    private static Trainer.Result result(double best, double identity) {
        Path out = Path.of("out", "model");
        return new Trainer.Result(out.resolve(Trainer.BEST), out.resolve(Trainer.FINAL), best, 1, identity, List.of(),
                10, false, "cpu");
    }

    @Test
    void divergedRunsAreErrors() {
        // learning_rate=1e4 on the paper's data: best 6.8e22 where ZA scores 0.22 and no displacement 30
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingVerdict.check(result(6.8e22, 0.22), 30, 1e4));
        assertTrue(e.getMessage().startsWith("training diverged") && e.getMessage().contains("learning_rate (now 10000.0)"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingVerdict.check(result(Double.NaN, 0.22), 30, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> TrainingVerdict.check(result(Double.POSITIVE_INFINITY, 1), 1, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> TrainingVerdict.check(result(10.5, 1), 1, 1e-3)); // conditioned
    }

    @Test
    void aModelNoBetterThanTheIdentityMapIsAWarning() {
        assertTrue(TrainingVerdict.check(result(25, 0.22), 30, 1e-4).startsWith("warning: the best model"));
        assertTrue(TrainingVerdict.check(result(1.2, 1), 1, 1e-4).startsWith("warning"));
        assertEquals("", TrainingVerdict.check(result(0.1, 0.22), 30, 1e-4));
        assertEquals("", TrainingVerdict.check(result(0.3, 1), 1, 1e-4));
    }
}
