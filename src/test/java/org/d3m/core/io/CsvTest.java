package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryBit() throws IOException {
        double[] a = {0.1, 1.0 / 3, -2.5e-300, Math.PI, Double.NaN};
        double[] b = {1, 2, 3, Double.POSITIVE_INFINITY, -0.0};
        Path p = dir.resolve("t.csv");
        Csv.write(p, new String[] {"k", "P"}, new double[][] {a, b});
        assertEquals("k,P", Files.readAllLines(p).get(0));
        Csv.Table t = Csv.read(p);
        assertArrayEquals(new String[] {"k", "P"}, t.header());
        assertEquals(5, t.rows());
        assertArrayEquals(a, t.column("k"));
        assertArrayEquals(b, t.column("P"));
    }

    @Test
    void wholeNumberColumnsAreWrittenAsIntegers() throws IOException {
        Path p = dir.resolve("modes.csv");
        Csv.write(p, new String[] {"k", "modes"}, new double[][] {{0.05, 0.1}, {6, 18}});
        assertEquals("0.05,6", Files.readAllLines(p).get(1), "not 6.0 (issue 26)");
        assertArrayEquals(new double[] {6, 18}, Csv.read(p).column("modes"));
    }

    @Test
    void badInputIsRefused() throws IOException {
        Path p = dir.resolve("x.csv");
        assertThrows(IllegalArgumentException.class, () -> Csv.write(p, new String[] {"a"}, new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(p, new String[] {"a", "b"}, new double[][] {{1}, {2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(p, new String[] {"a,b"}, new double[][] {{1}}));
        Files.writeString(p, "# comment\na,b\n1,2\n3,oops\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(p));
        assertEquals(true, e.getMessage().contains("line 4"), e.getMessage());
    }
}
