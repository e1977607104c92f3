package org.d3m.ij.results;

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
        assertEquals("0.05000\t6\t12345.678", rt.getRowAsString(0));
        assertEquals("0.10000\t18\t2.000", rt.getRowAsString(1), "a real column with a whole value stays real");
    }

    @Test
    void columnsReadAsATableNotAsDebuggingOutput() {
        // the review saw 4.908738521E-2 and 2.500000000E0, and NaN in cells that do not apply (issue 26)
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("k [h/Mpc]", new double[] {0.04908738521, 2.5});
        cols.put("T", new double[] {1.0123, Double.NaN});
        cols.put("P [(Mpc/h)^3]", new double[] {31234.6, 0.0123});
        ResultsTable rt = Plots.table(cols);
        assertEquals("0.04909\t1.012\t3.1235E4", rt.getRowAsString(0));
        assertEquals("2.50000\t\t1.2300E-2", rt.getRowAsString(1), "NaN is an empty cell; a column over 6 decades is scientific");
        assertEquals(0, Plots.decimalPlaces(new double[] {6, 18, Double.NaN}), "integers, whatever NaN cells");
    }
}
