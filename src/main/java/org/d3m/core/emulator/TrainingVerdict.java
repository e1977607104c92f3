package org.d3m.core.emulator;

import java.util.Locale;

/**
 * What the end of a training run says about its best model, against two baselines on the validation
 * samples: the identity map (the prediction = the ZA input; for a conditioned model 2LPT, which scores 1
 * in its relative loss) and the zero map (no displacement at all; for a conditioned model again 2LPT,
 * the zero correction). Decisions:
 * <ul>
 *   <li>A best validation loss that is not finite, or over {@value #DIVERGED} times the larger baseline,
 *   means training diverged (a learning rate of 1e4 ended at 6.8e22 (Mpc/h)^2 where ZA scores 0.22): an
 *   error, so the command exits non-zero and nobody uses the model. A network that has learned nothing
 *   starts near the zero map, so no sane run, however short, gets there.</li>
 *   <li>A best model no better than the identity map (short runs, or a learning rate too low or too
 *   high) is a warning in the summary: the run is valid and the same command with more epochs resumes
 *   it.</li>
 * </ul>
 */
public final class TrainingVerdict {

    /** How many times the larger baseline a best validation loss may reach before the run counts as diverged. */
    public static final double DIVERGED = 10;

    private TrainingVerdict() {
    }

    /**
     * Checks a finished run.
     *
     * @param r            the run
     * @param zeroMap      the zero map's validation loss (unconditioned: mean target^2 [(Mpc/h)^2]; conditioned: 1)
     * @param learningRate the run's learning rate, for the message
     * @return "" for a model better than the identity map, else a warning sentence for the summary
     * @throws IllegalArgumentException when training diverged
     */
    public static String check(Trainer.Result r, double zeroMap, double learningRate) {
        double best = r.bestValLoss();
        double identity = r.identityValLoss();
        double bound = DIVERGED * Math.max(identity, zeroMap);
        if (!(best <= bound)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "training diverged: the best validation loss"
                    + " %.4g is over %.0f times that of the identity map (%.4g) and of predicting no displacement (%.4g);"
                    + " lower learning_rate (now %s) and train into a new output_dir; the models in %s are not usable",
                    best, DIVERGED, identity, zeroMap, learningRate, r.bestWeights().getParent()));
        }
        if (best >= identity) {
            return String.format(Locale.ROOT, "warning: the best model (%.4g) is no better than the identity map (%.4g);"
                    + " train longer (the same command with more epochs resumes) or change learning_rate", best, identity);
        }
        return "";
    }
}
