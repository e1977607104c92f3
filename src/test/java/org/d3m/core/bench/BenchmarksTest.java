package org.d3m.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.d3m.core.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's 3PCF group times both estimators on one field (pair counts and the mesh FFT estimator),
 * each with a wall and a CPU time, and the report has the CPU column. Nothing here judges a speed.
 */
class BenchmarksTest {

    @Test
    void threePointGroupHasBothEstimatorsWithCpuTime() {
        Benchmarks b = new Benchmarks(2, true, Set.of("3pcf"));
        List<Benchmarks.Row> rows = b.run(Progress.NONE);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).what().contains("pair counts") && rows.get(0).size().equals("16^3 particles, L = 128 Mpc/h"),
                rows.get(0).toString());
        assertTrue(rows.get(1).what().contains("mesh FFT estimator") && rows.get(1).note().contains("1621 FFTs of 16^3")
                && rows.get(1).note().contains("pair counts / mesh:"), rows.get(1).toString());
        for (Benchmarks.Row r : rows) {
            assertTrue(r.seconds() > 0 && Double.isFinite(r.seconds()), r.toString());
            // CPU time is reported by HotSpot on Linux; NaN would print "–"
            assertTrue(r.cpuSeconds() > 0 && Double.isFinite(r.cpuSeconds()), r.toString());
        }
        String report = b.report();
        assertTrue(report.startsWith("| what | size | time [s] | CPU [s] | note |\n| --- | --- | --- | --- | --- |\n"), report);
        assertEquals(2 + rows.size(), report.lines().count());
        assertTrue(report.lines().skip(2).allMatch(l -> l.split("\\|", -1).length == 7), "five cells per row:\n" + report);
    }

    @Test
    void aRowWithoutCpuTimeShowsADash() {
        Benchmarks b = new Benchmarks(1, true, Set.of());
        b.rows().add(new Benchmarks.Row("x", "1", 0.5, "n"));
        assertEquals("| x | 1 | 0.5000 | – | n |", b.report().lines().skip(2).findFirst().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new Benchmarks(1, true, Set.of("gpu")));
    }
}
