// D3M for Fiji: the sample data of File > Open Samples > D3M, opened from a macro.
// The samples are the paper's box (L = 128 Mpc/h, 32^3, Planck 2015) for seed 42 at z = 0,
// generated offline in a few seconds; they equal the files in the repository's sample-data/.
// This macro opens the ZA / FastPM pair, saves them as TIFF, and measures their power spectra
// (auto and cross) from the open images.
//
// Usage (the macro argument is the output folder; default ~/d3m-samples):
//   headless: ./d3m macro macros/open-samples.ijm /data/out   (no display needed; exit code 1 on errors)
//   xvfb-run java -Dplugins.dir=<repo root> -cp plugins/jars/ij-1.54p.jar ij.ImageJ \
//       -batch macros/open-samples.ijm /data/samples
//
// expects: za-displacement.tif fastpm-displacement.tif fastpm-density.tif spectra.csv spectra.png

dir = getArgument();
if (dir == "") dir = getDirectory("home") + "d3m-samples";
if (!endsWith(dir, File.separator)) dir = dir + File.separator;
makeDirectories(dir);
if (!File.isDirectory(dir)) exit("cannot create the output folder " + dir);

setBatchMode(true);
run("ZA Displacement (seed 42)");        // File > Open Samples > D3M > ZA Displacement (seed 42)
za = getTitle();                          // "ZA displacement seed=42 z=0": 3 channels (x, y, z) x 32 slices
saveAs("Tiff", dir + "za-displacement.tif");
za = getTitle();                          // saveAs renames the image after its file
run("FastPM Displacement (seed 42)");
saveAs("Tiff", dir + "fastpm-displacement.tif");
fastpm = getTitle();
run("FastPM Density (seed 42)");         // CIC density delta of the FastPM particles (Fire LUT)
saveAs("Tiff", dir + "fastpm-density.tif");
run("Power Spectrum...", "input=[" + za + "] input2=[" + fastpm + "]"
    + " output=[" + dir + "spectra.csv] plot_output=[" + dir + "spectra.png]");
close("*");
setBatchMode(false);
print("D3M samples saved to " + dir);

// File.makeDirectory creates one level only; this creates the missing parents too.
function makeDirectories(path) {
    parts = split(path, "/\\");
    p = "";
    if (startsWith(path, "/")) p = "/";
    for (i = 0; i < parts.length; i++) {
        p = p + parts[i] + File.separator;
        if (!File.exists(p)) File.makeDirectory(p);
    }
}
