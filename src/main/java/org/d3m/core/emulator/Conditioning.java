package org.d3m.core.emulator;

import java.util.Locale;

/**
 * How a {@link D3mNet} is told its cosmology (a vector of {@link ResidualFrame#CONDITIONS} numbers per
 * sample, see {@link ResidualFrame#conditions}).
 * <ul>
 *   <li>{@link #NONE}: not at all: the paper's network, ZA in (3 channels), displacement out.</li>
 *   <li>{@link #FILM}: feature-wise linear modulation: every {@link ConvBlock} scales and shifts each
 *       channel after its BatchNorm, {@code y = BN(x) (1 + gamma(c)) + beta(c)}, with gamma and beta
 *       linear in the conditions c (initialised to zero, so a new network starts unconditioned).</li>
 *   <li>{@link #CHANNELS}: the conditions enter as constant extra input channels.</li>
 * </ul>
 * The conditioned designs work in the {@link ResidualFrame} (6 input channels, output the scaled
 * correction to 2LPT).
 */
public enum Conditioning {
    NONE, FILM, CHANNELS;

    /** The key's value: none, film or channels. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key value; one-line IllegalArgumentException otherwise. */
    public static Conditioning parse(String s) {
        for (Conditioning c : values()) {
            if (c.key().equals(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("conditioning must be none, film or channels, got '" + s + "'");
    }

    /** Input channels of the network's first layer proper (before any constant condition channels). */
    public int inputChannels() {
        return this == NONE ? 3 : ResidualFrame.CHANNELS;
    }

    /** Length of the condition vector (0 for none). */
    public int conditionCount() {
        return this == NONE ? 0 : ResidualFrame.CONDITIONS;
    }
}
