package org.d3m.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;

/** Tables as ImageJ shows them: whole-number columns as integers, named columns with units. */
class PlotsTest {

    @Test
    void wholeNumberColumnsShowAsIntegers() {
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("k [h/Mpc]", new double[] {0.05, 0.1});
        cols.put("modes", new double[] {6, 18});
        cols.put("P [(Mpc/h)^3]", new double[] {12345.678, 2.0});
        ResultsTable rt = Plots.table(cols);
        assertEquals("k [h/Mpc]\tmodes\tP [(Mpc/h)^3]", rt.getColumnHeadings().strip());
        assertEquals("5.000000000E-2\t6\t1.234567800E4", rt.getRowAsString(0));
        assertEquals("1.000000000E-1\t18\t2.000000000E0", rt.getRowAsString(1), "a real column with a whole value stays real");
    }
}
