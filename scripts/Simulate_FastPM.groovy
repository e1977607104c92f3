// D3M for Fiji: a SciJava script (Groovy) running FastPM and its power spectrum through the
// CommandService, with the same keys as ./d3m, the dialogs and the macros (./d3m help simulate).
// In Fiji: File > New > Script..., Language > Groovy, paste, Run. Needs Fiji's scripting-groovy
// (not on Maven Central, so this is a documented example, checked only for its keys by
// org.d3m.ij.ScriptTemplatesTest).
//
// cs.run(className, process, key, value, ...): process = true runs SciJava's pre- and
// post-processors as in Fiji (service injection, output display); in the Fiji GUI, keys you leave
// out may then be asked for in a dialog, so pass every key you want fixed.

#@ CommandService cs
#@ File (label = "Output folder", style = "directory") outDir
#@ Long (label = "Seed", value = 7) seed
#@output String summary

def psi = new File(outDir, "fastpm-seed${seed}.tif")
def sim = cs.run("org.d3m.commands.SimulateCommand", true,
        "box_size", 128d,     // Mpc/h
        "grid", 32,           // particles per side
        "seed", seed,
        "steps", 10,          // kick-drift-kick steps from a_start to a = 1
        "a_start", 0.1d,
        "mesh_factor", 2,
        "output", psi).get()
def ps = cs.run("org.d3m.commands.PowerSpectrumCommand", true,
        "input", psi.path,    // an open image title, "current", or a .tif/.npy file
        "dk", 0.02d,          // bin width [h/Mpc]
        "output", new File(outDir, "pk-seed${seed}.csv")).get()
summary = sim.getOutput("summary") + "\n" + ps.getOutput("summary")
