package org.d3m.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plain comma-separated tables of numbers: one header row of column names, then one row per
 * value. Numbers are written with {@link Double#toString} (shortest text that reads back to the
 * same double; NaN and Infinity as Java spells them), except that a column of whole numbers (mode
 * counts, seeds, indices) is written as integers ("6", not "6.0"). Files are written atomically. Lines that
 * start with '#' and blank lines are skipped on reading. Generic over named columns: what the
 * columns mean (spectra: {@link org.d3m.core.analysis.SpectraCsv}) is for their callers.
 */
public final class Csv {

    private Csv() {
    }

    /** A table read back: column names and columns of values. */
    public record Table(String[] header, double[][] columns) {

        /** The column called {@code name}; IllegalArgumentException if there is none. */
        public double[] column(String name) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].equals(name)) {
                    return columns[i];
                }
            }
            throw new IllegalArgumentException("no column '" + name + "' in " + Arrays.toString(header));
        }

        /** Number of data rows. */
        public int rows() {
            return columns.length == 0 ? 0 : columns[0].length;
        }
    }

    /**
     * Writes the columns under the header, atomically.
     *
     * @throws IllegalArgumentException if the header and columns do not match, a name is empty or
     *                                  holds a comma or newline, or the columns differ in length
     */
    public static void write(Path p, String[] header, double[][] columns) throws IOException {
        if (header.length != columns.length || header.length == 0) {
            throw new IllegalArgumentException("CSV needs one name per column: " + header.length
                    + " names for " + columns.length + " columns");
        }
        for (String h : header) {
            if (h == null || h.isBlank() || h.contains(",") || h.contains("\n") || h.contains("\r")) {
                throw new IllegalArgumentException("bad CSV column name '" + h + "'");
            }
        }
        int rows = columns[0].length;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != rows) {
                throw new IllegalArgumentException("CSV column " + header[c] + " has " + columns[c].length
                        + " rows, " + header[0] + " has " + rows);
            }
        }
        boolean[] whole = new boolean[columns.length];
        for (int c = 0; c < columns.length; c++) {
            whole[c] = rows > 0 && Arrays.stream(columns[c]).allMatch(v -> v == Math.rint(v) && Math.abs(v) <= 1e15);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", header)).append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.length; c++) {
                b.append(c > 0 ? "," : "");
                if (whole[c]) {
                    b.append((long) columns[c][r]);
                } else {
                    b.append(columns[c][r]);
                }
            }
            b.append('\n');
        }
        AtomicFiles.writeString(p, b.toString());
    }

    /** Reads a table written by {@link #write} (or any all-numeric CSV with one header row). */
    public static Table read(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String[] header = null;
        List<double[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(",", -1);
            if (header == null) {
                header = new String[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    header[i] = cells[i].strip();
                }
                continue;
            }
            if (cells.length != header.length) {
                throw new IllegalArgumentException(p + " line " + lineNo + " has " + cells.length
                        + " values, the header has " + header.length);
            }
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                try {
                    row[i] = Double.parseDouble(cells[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(p + " line " + lineNo + ": '" + cells[i].strip() + "' is not a number");
                }
            }
            rows.add(row);
        }
        if (header == null) {
            throw new IllegalArgumentException(p + " is empty (no header row)");
        }
        double[][] columns = new double[header.length][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.length; c++) {
                columns[c][r] = rows.get(r)[c];
            }
        }
        return new Table(header, columns);
    }
}
