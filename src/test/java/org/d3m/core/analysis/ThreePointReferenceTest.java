package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Validates {@link ThreePoint} against nbodykit's SimulationBox3PCF reference vector (shared data):
 * 1000 weighted points in a periodic box of side 400 Mpc/h, 8 bins of 25 Mpc/h, l = 0..10.
 */
class ThreePointReferenceTest {

    private static final double BOX = 400;

    private static Path dataDir() {
        String p = System.getProperty("d3m.shared.data");
        Assumptions.assumeTrue(p != null, "d3m.shared.data not set");
        Path dir = Path.of(p);
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared data absent: " + dir);
        return dir;
    }

    @Test
    void matchesNbodykitReferenceAtRtol1e3() throws IOException {
        Path dir = dataDir();
        List<String> pts = Files.readAllLines(dir.resolve("nbodykit_threeptcf_sim_data.dat")).stream()
                .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        int n = pts.size();
        assertEquals(1000, n);
        double[] x = new double[n], y = new double[n], z = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = pts.get(i).split("\\s+");
            x[i] = Double.parseDouble(f[0]) * BOX;
            y[i] = Double.parseDouble(f[1]) * BOX;
            z[i] = Double.parseDouble(f[2]) * BOX;
            w[i] = Double.parseDouble(f[3]);
        }
        Multipoles m = new ThreePoint(BOX, 200, 8, 10, 2).compute(x, y, z, w);

        List<String> rows = Files.readAllLines(dir.resolve("nbodykit_threeptcf_sim_result.dat")).stream()
                .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        assertEquals(36, rows.size());
        int checked = 0;
        double worst = 0;
        for (String row : rows) {
            String[] f = row.split("\\s+");
            int i = Integer.parseInt(f[0]);
            int j = Integer.parseInt(f[1]);
            for (int l = 0; l <= 10; l++) {
                double want = Double.parseDouble(f[2 + l]);
                double got = m.get(l, i, j);
                assertEquals(got, m.get(l, j, i), 0.0, "symmetry");
                // pure rtol 1e-3 as nbodykit's own test; no absolute floor is needed (measured
                // worst deviation ~5e-7, the reference accumulated a_lm in single precision)
                double tol = 1e-3 * Math.abs(want);
                assertEquals(want, got, tol, "zeta_" + l + "(" + i + "," + j + ")");
                worst = Math.max(worst, Math.abs(got - want) / Math.abs(want));
                checked++;
            }
        }
        assertEquals(36 * 11, checked);
        System.out.println("nbodykit 3PCF reference: worst relative deviation " + worst);
        assertTrue(worst < 1e-3);
    }
}
