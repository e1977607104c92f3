package org.d3m.core.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabulatedPowerTest {

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void sigma8OfEveryClassTableMatchesItsHeader() throws IOException {
        String[] names = {"class_pk_Om0.3089.txt", "class_pk_planck15.txt", "class_pk_Om0.1.txt",
            "class_pk_Om0.5.txt", "class_pk_As1.8x.txt", "class_pk_As0.2x.txt"};
        for (String name : names) {
            Path p = SharedData.file(name);
            double expected = SharedData.headerSigma8(p);
            TabulatedPower t = TabulatedPower.read(p);
            assertEquals(expected, Sigma8.of(t), 1e-4 * expected, name);
        }
        assertEquals(0.83066, Sigma8.of(TabulatedPower.read(SharedData.file("class_pk_Om0.3089.txt"))), 1e-3 * 0.83066);
    }

    @Test
    void readsClassTableRangeAndRows() {
        Path p = SharedData.file("class_pk_Om0.3089.txt");
        TabulatedPower t = TabulatedPower.read(p);
        assertEquals(356, t.rows());
        assertEquals(1.040771702e-05, t.kMin(), 1e-14);
        assertEquals(5.131653241e+01, t.kMax(), 1e-9);
        assertEquals(4.918869576e+01, t.at(1.040771702e-05), 1e-9);
        assertEquals("table " + p + " (356 rows)", t.describe());
    }

    @Test
    void interpolatesLogLogAndParsesCommasCommentsAndExtraColumns() throws IOException {
        // P = 100 k^-2 exactly at the nodes; log-log interpolation must reproduce the power law between them
        Path p = write("pk.csv", "# k, P\n\n0.01, 1e6, 7 # extra column ignored\n0.1,1e4\n  1\t100  \n# trailing\n10 1\n");
        TabulatedPower t = TabulatedPower.read(p);
        assertEquals(4, t.rows());
        for (double k : new double[] {0.01, 0.02, 0.0731, 0.5, 3.3, 10}) {
            assertEquals(100 / (k * k), t.at(k), 1e-10 * 100 / (k * k), "k=" + k);
        }
        assertThrows(IllegalArgumentException.class, () -> t.at(0.005));
        assertThrows(IllegalArgumentException.class, () -> t.at(11));
    }

    @Test
    void splineFollowsACurvedSpectrumBetweenRows() throws IOException {
        // ln P = 5 + sin(ln k), 20 rows per e-fold: the cubic spline is good to ~1e-6 between rows,
        // straight lines would be off by ~3e-4
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            double lk = -2.5 + i * 0.05;
            sb.append(Math.exp(lk)).append(' ').append(Math.exp(5 + Math.sin(lk))).append('\n');
        }
        TabulatedPower t = TabulatedPower.read(write("curved.txt", sb.toString()));
        for (double lk = -2.0; lk < 2.0; lk += 0.0173) {
            double exact = Math.exp(5 + Math.sin(lk));
            assertEquals(exact, t.at(Math.exp(lk)), 5e-6 * exact, "ln k=" + lk);
        }
    }

    private static String message(Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void clearErrorsForBadFiles() throws IOException {
        Path missing = tmp.resolve("nope.txt");
        assertTrue(message(() -> TabulatedPower.read(missing)).contains("pk_file not found: " + missing));
        assertTrue(message(() -> TabulatedPower.read(tmp)).contains("not a regular file"));

        Path malformed = write("bad.txt", "# header\n0.1 10\n0.2 abc\n");
        String m = message(() -> TabulatedPower.read(malformed));
        assertTrue(m.contains("line 3") && m.contains("0.2 abc"), m);

        Path oneColumn = write("one.txt", "0.1 10\n0.2\n");
        assertTrue(message(() -> TabulatedPower.read(oneColumn)).contains("line 2"));

        Path unsorted = write("unsorted.txt", "0.1 10\n0.3 5\n0.2 7\n");
        m = message(() -> TabulatedPower.read(unsorted));
        assertTrue(m.contains("line 3") && m.contains("increase"), m);

        Path negative = write("neg.txt", "0.1 10\n0.2 -1\n");
        m = message(() -> TabulatedPower.read(negative));
        assertTrue(m.contains("line 2") && m.contains("> 0"), m);

        Path empty = write("empty.txt", "# nothing\n\n0.1 1\n");
        assertTrue(message(() -> TabulatedPower.read(empty)).contains("at least 2"));
    }

    @Test
    void checkCoversNamesBothRanges() throws IOException {
        TabulatedPower t = TabulatedPower.read(write("pk.txt", "0.01 1e6\n10 1\n"));
        t.checkCovers(0.0491, 1.36);
        t.checkCovers(0.01, 10);
        String m = message(() -> t.checkCovers(0.005, 1.36));
        assertEquals("pk_file covers k in [0.01, 10] h/Mpc but the grid needs [0.005, 1.36] h/Mpc", m);
        assertThrows(IllegalArgumentException.class, () -> t.checkCovers(0.05, 20));
    }
}
