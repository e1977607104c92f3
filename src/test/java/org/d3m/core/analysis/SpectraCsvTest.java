package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d3m.core.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SpectrumRows}, the one convention of spectrum tables, and {@link SpectraCsv}, its CSV. */
class SpectraCsvTest {

    @TempDir
    Path dir;

    /** Bin 0 empty (its centre 0.01 and P = 0), bins 1 and 3 with modes, bin 2 empty. */
    private static final Spectrum AUTO = new Spectrum(new double[] {0.01, 0.032, 0.05, 0.071},
            new double[] {0, 5, 0, 6}, new long[] {0, 6, 0, 12}, 0.02);

    @Test
    void rowsAreTheNonEmptyBinsWithTheirModesMeanK() {
        SpectrumRows r = SpectrumRows.of(AUTO);
        assertEquals(2, r.size());
        assertArrayEquals(new double[] {0.032, 0.071}, r.k(), "mean k of the modes, not bin centres; empty bins dropped");
        assertArrayEquals(new double[] {5, 6}, r.p());
        assertArrayEquals(new long[] {6, 12}, r.modes());
        assertArrayEquals(new double[] {6, 12}, r.modeCounts());
        assertEquals(0.02, r.dk());
        assertEquals(r, SpectrumRows.of(AUTO));
        assertEquals(r.hashCode(), SpectrumRows.of(AUTO).hashCode());
        assertThrows(IllegalArgumentException.class, () -> new SpectrumRows(new double[1], new double[2], new long[1], 0.02));
    }

    @Test
    void spectraTableLeavesOutEmptyBins() throws IOException {
        Spectrum cross = new Spectrum(AUTO.k(), new double[] {0, 4, 0, 3}, AUTO.modes(), 0.02);
        Map<String, Spectrum> m = new LinkedHashMap<>();
        m.put("pred", AUTO);
        m.put("cross", cross);
        Path p = dir.resolve("s.csv");
        SpectraCsv.write(p, m);
        assertEquals("k,modes,P_pred,P_cross\n0.032,6,5,4\n0.071,12,6,3\n", Files.readString(p));
        Csv.Table t = Csv.read(p);
        assertArrayEquals(new String[] {"k", "modes", "P_pred", "P_cross"}, t.header());
        assertArrayEquals(new double[] {0.032, 0.071}, t.column("k"));
        Spectrum other = new Spectrum(new double[] {1, 2}, new double[] {1, 2}, new long[] {1, 1}, 0.02);
        m.put("other", other);
        assertThrows(IllegalArgumentException.class, () -> SpectraCsv.write(p, m));
        assertThrows(IllegalArgumentException.class, () -> SpectraCsv.write(p, Map.of()));
    }
}
