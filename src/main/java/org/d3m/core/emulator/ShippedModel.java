package org.d3m.core.emulator;

import java.nio.file.Path;

/**
 * The model that ships in the plugin jar, used by the commands when no {@code model} is given.
 * None ships yet: {@link #defaultWeights()} returns null, and {@link #resolve} turns that into the
 * one-line error the commands print. Shipping one is a change to {@link #defaultWeights()} only
 * (e.g. copy {@code /models/<id>.d3mw} from the class path to a temporary file and return its path).
 */
public final class ShippedModel {

    /** The message when neither a model was given nor one ships. */
    public static final String NONE = "no model given and none ships; train one with make-dataset and train,"
            + " then pass model=out/model/best.d3mw";

    private ShippedModel() {
    }

    /** The shipped weights file ({@link WeightsFile}), or null while none ships. */
    public static Path defaultWeights() {
        return null;
    }

    /**
     * The given weights file, else the shipped one.
     *
     * @param given a .d3mw file, or null when the user gave none
     * @throws IllegalArgumentException {@link #NONE} when neither exists
     */
    public static Path resolve(Path given) {
        Path p = given != null ? given : defaultWeights();
        if (p == null) {
            throw new IllegalArgumentException(NONE);
        }
        return p;
    }
}
