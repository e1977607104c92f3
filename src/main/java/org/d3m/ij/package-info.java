/**
 * The SciJava command layer every front end shares ({@link org.d3m.ij.Commands}: finding, listing
 * and running D3M commands; {@link org.d3m.ij.ParamText}: text &lt;-&gt; value;
 * {@link org.d3m.ij.CommandProgress}: where progress goes). Used by the CLI, the commands and every
 * {@code org.d3m.ij.*} package; depends on the core, SciJava and ImageJ 1 only, never on a
 * sub-package.
 *
 * <p>Layout of the ImageJ side (docs/commands.md, "Helper API"), lowest first; each package may
 * use the ones before it, never one after it:
 * <ol>
 *   <li>{@code org.d3m.ij}: this layer;</li>
 *   <li>{@link org.d3m.ij.results}: plots and tables (core only);</li>
 *   <li>{@link org.d3m.ij.fields}: fields as images and files, ImgLib2 views, provenance (uses this layer);</li>
 *   <li>{@link org.d3m.ij.bridge}: the ImageJ 1 bridge: dialogs, macros, headless macros (uses this
 *   layer and fields);</li>
 *   <li>{@link org.d3m.ij.help}: About and the samples (uses this layer, fields and bridge);</li>
 *   <li>{@link org.d3m.ij.site}: build and distribution: plugins.config and the update site (uses
 *   this layer, bridge and help).</li>
 * </ol>
 */
package org.d3m.ij;
