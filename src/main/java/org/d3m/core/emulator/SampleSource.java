package org.d3m.core.emulator;

/** Makes the sample of one seed (the physics: ZA input, FastPM target, 2LPT). */
@FunctionalInterface
public interface SampleSource {

    /** The sample for random seed {@code seed}; must be a pure function of the seed. */
    Sample make(long seed);
}
