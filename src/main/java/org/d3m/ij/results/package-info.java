/**
 * Plots and tables: curves as ImageJ {@code Plot}s and {@code ResultsTable}s, saved atomically as
 * PNG and CSV ({@link org.d3m.ij.results.Plots}), and the 3-point multipoles as a table and a plot
 * ({@link org.d3m.ij.results.MultipoleTables}). Inputs are plain arrays and core results, so the
 * commands need no ImageJ knowledge. Depends on the core and ImageJ 1 only: no other
 * {@code org.d3m.ij} package.
 */
package org.d3m.ij.results;
