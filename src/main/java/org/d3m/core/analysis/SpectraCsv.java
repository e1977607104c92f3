package org.d3m.core.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.d3m.core.io.Csv;

/**
 * Several spectra measured with the same binning as one CSV table ({@link Csv}): columns
 * {@code k, modes, P_<name>...} (k [h/Mpc], P [(Mpc/h)^3] or [(Mpc/h)^5]), one row per non-empty
 * bin ({@link SpectrumRows}: empty bins left out, k the mean of the modes).
 */
public final class SpectraCsv {

    private SpectraCsv() {
    }

    /**
     * Writes the spectra, in the map's order, atomically.
     *
     * @throws IllegalArgumentException if the map is empty or the spectra have different bins
     */
    public static void write(Path p, Map<String, Spectrum> spectra) throws IOException {
        if (spectra.isEmpty()) {
            throw new IllegalArgumentException("no spectra to write");
        }
        Spectrum first = spectra.values().iterator().next();
        for (Map.Entry<String, Spectrum> e : spectra.entrySet()) {
            Spectrum s = e.getValue();
            if (s.dk() != first.dk() || !Arrays.equals(s.modes(), first.modes()) || !Arrays.equals(s.k(), first.k())) {
                throw new IllegalArgumentException("spectrum " + e.getKey() + " has different bins from the others");
            }
        }
        SpectrumRows rows = SpectrumRows.of(first);
        List<String> names = new ArrayList<>(List.of("k", "modes"));
        List<double[]> cols = new ArrayList<>(List.of(rows.k(), rows.modeCounts()));
        for (Map.Entry<String, Spectrum> e : spectra.entrySet()) {
            names.add("P_" + e.getKey());
            cols.add(SpectrumRows.of(e.getValue()).p());
        }
        Csv.write(p, names.toArray(String[]::new), cols.toArray(double[][]::new));
    }
}
