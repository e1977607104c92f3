// D3M for Fiji: a batch loop over seeds. For each seed it runs FastPM on the paper's box
// (L = 128 Mpc/h, 32^3), paints the CIC density and measures both power spectra, saving
// everything under <folder>/seed-<S>/. Images are closed after each seed, so memory stays flat.
//
// Usage (the macro argument is the output folder; default ~/d3m-seeds):
//   headless: ./d3m macro macros/batch-seeds.ijm /data/out   (no display needed; exit code 1 on errors)
//   xvfb-run java -Dplugins.dir=<repo root> -cp plugins/jars/ij-1.54p.jar ij.ImageJ \
//       -batch macros/batch-seeds.ijm /data/seeds
// For an ensemble average and the paper's table over many seeds, see the
// "Ensemble Compare" command (./d3m help ensemble-compare), which loops over seeds itself.
// Takes a few seconds (about 4 s for the three seeds at 32^3, measured on two cores).
//
// expects: seed-1/fastpm.tif seed-1/fastpm-density.tif seed-1/spectra.csv seed-1/density-spectra.csv
// expects: seed-2/fastpm.tif seed-2/fastpm-density.tif seed-2/spectra.csv seed-2/density-spectra.csv
// expects: seed-3/fastpm.tif seed-3/fastpm-density.tif seed-3/spectra.csv seed-3/density-spectra.csv
// expects: seeds.csv

dir = getArgument();
if (dir == "") dir = getDirectory("home") + "d3m-seeds";
if (!endsWith(dir, File.separator)) dir = dir + File.separator;
makeDirectories(dir);
if (!File.isDirectory(dir)) exit("cannot create the output folder " + dir);

firstSeed = 1;
nSeeds = 3;
setBatchMode(true);
index = "seed,folder\n";
for (s = firstSeed; s < firstSeed + nSeeds; s++) {
    sub = dir + "seed-" + s + File.separator;
    File.makeDirectory(sub);
    // FastPM displacement at z = 0 [Mpc/h]: 10 steps from a = 0.1, force mesh factor 2.
    run("Simulate FastPM...", "box_size=128 grid=32 seed=" + s + " steps=10 output=[" + sub + "fastpm.tif]");
    psi = getTitle();
    run("Paint Density...", "input=[" + psi + "] mesh_factor=1 output=[" + sub + "fastpm-density.tif]");
    rho = getTitle();
    run("Power Spectrum...", "input=[" + psi + "] output=[" + sub + "spectra.csv]");
    run("Power Spectrum...", "input=[" + rho + "] output=[" + sub + "density-spectra.csv]");
    close("*");   // images, plots: nothing accumulates over seeds
    index = index + s + ",seed-" + s + "\n";
    print("seed " + s + " done");
}
File.saveString(index, dir + "seeds.csv");
setBatchMode(false);
print("D3M batch over seeds done: " + dir);

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
