/**
 * The ImageJ 1 bridge: one PlugIn for every D3M command ({@link org.d3m.ij.bridge.CommandBridge})
 * with its dialog ({@link org.d3m.ij.bridge.BridgeDialog}, {@link org.d3m.ij.bridge.ParamUi},
 * {@link org.d3m.ij.bridge.CosmologyChoice}, {@link org.d3m.ij.bridge.ImageChoices},
 * {@link org.d3m.ij.bridge.Tooltips}, the Help text {@link org.d3m.ij.bridge.UserGuide}), macro
 * options ({@link org.d3m.ij.bridge.MacroOptions}), the titles of the images it shows
 * ({@link org.d3m.ij.bridge.ImageTitles}), and {@code ./d3m macro}
 * ({@link org.d3m.ij.bridge.HeadlessMacro}, {@link org.d3m.ij.bridge.HeadlessMath},
 * {@link org.d3m.ij.bridge.Ij1Commands}). Depends on {@code org.d3m.ij}, {@link org.d3m.ij.fields}
 * and two tables of {@code org.d3m.commands} (cosmology presets, run estimates); not on results,
 * help or site.
 */
package org.d3m.ij.bridge;
