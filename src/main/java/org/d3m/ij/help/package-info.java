/**
 * The menu entries that are not commands: About D3M ({@link org.d3m.ij.help.AboutD3M}, with the
 * whole user guide) and File &gt; Open Samples &gt; D3M ({@link org.d3m.ij.help.SampleData}).
 * Depends on {@code org.d3m.ij}, {@link org.d3m.ij.fields} and {@link org.d3m.ij.bridge} (the user
 * guide's rendering, image titles, the one-line failure report); nothing depends on it but
 * {@link org.d3m.ij.site}.
 */
package org.d3m.ij.help;
