package org.d3m.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of numbers with named columns and labelled rows, for example the paper's Table 1 from
 * {@link D3m#compare}: one row per field ("2LPT density", "2LPT displacement"), columns such as
 * "pointwise", "T(0.11)", "r(0.11)", "3PCF". NaN marks a cell the table has no value for.
 *
 * @param columns the column names (not counting the row label)
 * @param rows    the rows, each with one value per column
 */
public record Table(List<String> columns, List<Table.Row> rows) {

    /** One row: its label and its values, in the order of {@link Table#columns}. */
    public record Row(String label, double[] values) {
    }

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.values().length != columns.size()) {
                throw new IllegalArgumentException("row '" + r.label() + "' has " + r.values().length
                        + " values for " + columns.size() + " columns");
            }
        }
    }

    /** The value in the row labelled {@code row} and the column {@code column}. */
    public double get(String row, String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + column + "'; columns: " + String.join(", ", columns));
        }
        List<String> labels = new ArrayList<>();
        for (Row r : rows) {
            if (r.label().equals(row)) {
                return r.values()[c];
            }
            labels.add(r.label());
        }
        throw new IllegalArgumentException("no row '" + row + "'; rows: " + String.join(", ", labels));
    }

    /** Fixed-width text, 4 decimals, "-" for NaN. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s", ""));
        for (String c : columns) {
            sb.append(String.format(Locale.ROOT, "%10s", c));
        }
        sb.append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-24s", r.label()));
            for (double v : r.values()) {
                sb.append(String.format(Locale.ROOT, "%10s", Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
