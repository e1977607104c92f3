// D3M for Fiji: the emulator end to end at a toy size. It makes a small training set of
// (ZA, FastPM) pairs, trains a narrow U-Net for two epochs, predicts the displacement of an
// unseen seed from its ZA field, and compares the prediction and 2LPT with FastPM.
// The toy model is only a demonstration of the machinery: a useful model needs thousands of
// training steps on the paper's 32^3 boxes (docs/emulator.md).
//
// Usage (the macro argument is the output folder; default ~/d3m-emulator):
//   headless: ./d3m macro macros/emulator.ijm /data/out   (no display needed; exit code 1 on errors)
//   xvfb-run -a java -Dplugins.dir=<repo root> -cp plugins/jars/ij-1.54p.jar ij.ImageJ \
//       -batch macros/emulator.ijm /data/emulator
//
// expects: dataset/index.json model/best.d3mw model/losses.csv model/loss.png
// expects: za.tif fastpm.tif 2lpt.tif d3m.tif d3m-density.tif compare/table.csv compare/power-density.png

dir = getArgument();
if (dir == "") dir = getDirectory("home") + "d3m-emulator";
if (!endsWith(dir, File.separator)) dir = dir + File.separator;
makeDirectories(dir);
setBatchMode(true);

// 10 pairs in the paper's box (32^3 particles, 128 Mpc/h), FastPM with 4 steps to keep it short.
run("Make Dataset...", "box_size=128 grid=32 seed=1000 samples=10 steps=4 output_dir=[" + dir + "dataset]");
run("Train...", "dataset=[" + dir + "dataset] output_dir=[" + dir + "model] width=4 batch=2 epochs=2 learning_rate=0.001 augment=false device=cpu");

// An unseen seed: its ZA, 2LPT and FastPM fields, then the emulator's prediction from the ZA file.
common = "box_size=128 grid=32 seed=7";
run("LPT Displacement...", common + " order=1 output=[" + dir + "za.tif]");
run("LPT Displacement...", common + " order=2 output=[" + dir + "2lpt.tif]");
run("Simulate FastPM...", common + " steps=4 output=[" + dir + "fastpm.tif]");
run("Emulate...", "input=[" + dir + "za.tif] model=[" + dir + "model/best.d3mw] device=auto output=[" + dir + "d3m.tif] density_output=[" + dir + "d3m-density.tif]");
run("Compare Fields...", "truth=[" + dir + "fastpm.tif] prediction=[" + dir + "d3m.tif] prediction2=[" + dir + "2lpt.tif] names=D3M,2LPT three_point=false output_dir=[" + dir + "compare]");
close("*");
print("emulator macro done: " + dir);

function makeDirectories(path) {
    parts = split(path, "/\\");
    p = "";
    if (startsWith(path, "/")) p = "/";
    for (i = 0; i < parts.length; i++) {
        p = p + parts[i] + File.separator;
        if (!File.exists(p)) File.makeDirectory(p);
    }
}
