// D3M for Fiji: the whole pipeline of He et al. (2019) on the paper's small box.
//   initial conditions -> ZA and 2LPT displacements -> FastPM N-body displacement
//   -> CIC densities -> power spectra -> comparison table (ZA and 2LPT against FastPM)
//
// Usage (the macro argument is the output folder; default ~/d3m-pipeline):
//   GUI:      Plugins > Macros > Run... (uses the default folder)
//   batch:    xvfb-run java -Dplugins.dir=<repo root> -cp plugins/jars/ij-1.54p.jar ij.ImageJ \
//                 -batch macros/pipeline.ijm /data/out
//   Fiji:     ./ImageJ-linux64 -batch macros/pipeline.ijm /data/out
//   headless: ./d3m macro macros/pipeline.ijm /data/out     (no display needed; exit code 1 on errors)
// Every command is also a shell command with the same keys: ./d3m simulate grid=32 ...
// Keys are the parameter names listed by `./d3m help <command>` and in docs/user-guide.md.
// Takes a few seconds at 32^3 (about 4 s measured on two cores).
//
// expects: ics-density.tif za.tif 2lpt.tif fastpm.tif za-density.tif 2lpt-density.tif fastpm-density.tif
// expects: displacement-spectra.csv displacement-spectra.png density-spectra.csv density-spectra.png
// expects: compare/table.csv compare/table.txt compare/spectra.csv compare/transfer-displacement.png
// expects: summary.txt

dir = getArgument();
if (dir == "") dir = getDirectory("home") + "d3m-pipeline";
if (!endsWith(dir, File.separator)) dir = dir + File.separator;
makeDirectories(dir);
if (!File.isDirectory(dir)) exit("cannot create the output folder " + dir);

// The paper's box: L = 128 Mpc/h, 32^3 particles, Planck 2015 (the commands' defaults).
setup = "box_size=128 grid=32 seed=7";
setBatchMode(true);   // images stay hidden; they are still the macro's images (getTitle() works)

// 1. Gaussian initial conditions: the linear density at z = 0 (and, if wanted, its ZA displacement).
run("Initial Conditions...", setup + " output=[" + dir + "ics-density.tif]");

// 2. Lagrangian perturbation theory at z = 0: Zel'dovich (order 1) and 2LPT (order 2), in Mpc/h.
run("LPT Displacement...", setup + " order=1 redshift=0 output=[" + dir + "za.tif]");
za = getTitle();
run("LPT Displacement...", setup + " order=2 redshift=0 output=[" + dir + "2lpt.tif]");
lpt2 = getTitle();

// 3. FastPM: 10 kick-drift-kick steps from a = 0.1 (2LPT initial conditions), force mesh 2x finer.
run("Simulate FastPM...", setup + " steps=10 a_start=0.1 mesh_factor=2 output=[" + dir + "fastpm.tif]");
fastpm = getTitle();

// 4. Cloud-in-cell densities of the particles (delta = count / mean - 1), from the open images by title.
run("Paint Density...", "input=[" + za + "] mesh_factor=1 output=[" + dir + "za-density.tif]");
zaRho = getTitle();
run("Paint Density...", "input=[" + lpt2 + "] mesh_factor=1 output=[" + dir + "2lpt-density.tif]");
run("Paint Density...", "input=[" + fastpm + "] mesh_factor=1 output=[" + dir + "fastpm-density.tif]");
fastpmRho = getTitle();

// 5. Power spectra (auto and cross, bins of 0.02 h/Mpc): CSV in (Mpc/h)^3 and a log-log plot.
run("Power Spectrum...", "input=[" + za + "] input2=[" + fastpm + "] dk=0.02"
    + " output=[" + dir + "displacement-spectra.csv] plot_output=[" + dir + "displacement-spectra.png]");
run("Power Spectrum...", "input=[" + zaRho + "] input2=[" + fastpmRho + "] dk=0.02"
    + " output=[" + dir + "density-spectra.csv] plot_output=[" + dir + "density-spectra.png]");

// 6. The paper's Table 1 row: ZA and 2LPT against FastPM (pointwise error, transfer function T(k),
//    correlation r(k)); the 3PCF residual is left out here (three_point=false: it takes seconds per field).
//    A checkbox left out of a macro keeps its default (on for three_point), so it is turned off explicitly.
run("Compare Fields...", "truth=[" + fastpm + "] prediction=[" + za + "] prediction2=[" + lpt2 + "]"
    + " names=ZA,2LPT mesh_factor=1 three_point=false output_dir=[" + dir + "compare]");

// The comparison table is the last image-free output; keep a short summary next to the files.
File.saveString("D3M pipeline, " + setup + "\n"
    + File.openAsString(dir + "compare" + File.separator + "table.txt"), dir + "summary.txt");
close("*");
setBatchMode(false);
print("D3M pipeline done: " + dir);

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
