/**
 * Build and distribution: ImageJ 1's {@code plugins.config}, generated at build time from the
 * SciJava plugin index ({@link org.d3m.ij.site.PluginsConfigGenerator}, naming the bridge's and
 * help's classes), and the ImageJ update site ({@link org.d3m.ij.site.UpdateSiteBuilder}). The top
 * of the layout: depends on {@code org.d3m.ij}, {@link org.d3m.ij.bridge} and
 * {@link org.d3m.ij.help}; nothing at run time depends on it.
 */
package org.d3m.ij.site;
