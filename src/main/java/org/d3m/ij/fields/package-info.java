/**
 * Fields as images and files: core fields to and from ImagePlus
 * ({@link org.d3m.ij.fields.FieldImages}), TIFF/.npy files with their provenance sidecars
 * ({@link org.d3m.ij.fields.FieldFiles}), a command's field input text resolved to a field
 * ({@link org.d3m.ij.fields.FieldSource}), the ImgLib2 side ({@link org.d3m.ij.fields.FieldImgs},
 * {@link org.d3m.ij.fields.StackImgs} and the two SciJava processors of the {@code *_img} items),
 * the provenance of a command's outputs ({@link org.d3m.ij.fields.CommandProvenance}) and the zoom
 * an image opens at ({@link org.d3m.ij.fields.Display}). Depends on the core, {@code org.d3m.api}
 * (calibration, views) and {@code org.d3m.ij} (Commands, ParamText); not on bridge, results, help
 * or site.
 */
package org.d3m.ij.fields;
