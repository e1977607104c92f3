// D3M for Fiji: a SciJava script (JavaScript) painting the CIC density of an open displacement
// image and measuring its power spectrum, with the same keys as ./d3m (./d3m help paint-density).
// In Fiji: File > New > Script..., Language > JavaScript, paste, Run (with a displacement open,
// e.g. File > Open Samples > D3M > FastPM Displacement (seed 42)). A documented example; its keys
// are checked by org.d3m.ij.ScriptTemplatesTest.

#@ CommandService cs
#@ Integer (label = "Mesh factor", value = 1) meshFactor
#@output String summary

var rho = cs.run("org.d3m.commands.PaintDensityCommand", true,
        "input", "current",        // the current image
        "mesh_factor", meshFactor,  // density cells per particle per side
        "log_view", true).get();    // also show log10(1 + delta)
var ps = cs.run("org.d3m.commands.PowerSpectrumCommand", true,
        "input", rho.getOutput("density").getTitle(),
        "dk", 0.02).get();
summary = rho.getOutput("summary") + "\n" + ps.getOutput("summary");
