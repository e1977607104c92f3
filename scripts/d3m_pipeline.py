# D3M for Fiji: a SciJava script (Jython) for the pipeline ZA -> 2LPT -> FastPM -> compare,
# with the same keys as ./d3m and the macros (./d3m help lpt, simulate, compare).
# In Fiji: File > New > Script..., Language > Python (Jython), paste, Run. Needs Fiji's
# scripting-jython (not on Maven Central: a documented example, its keys checked by
# org.d3m.ij.ScriptTemplatesTest). See Simulate_FastPM.groovy for what `True` means.

#@ CommandService cs
#@ File (label = "Output folder", style = "directory") out_dir
#@ Long (label = "Seed", value = 7) seed
#@output String summary

import os
from java.io import File

def path(name):
    return File(out_dir, name)

lines = []
m = cs.run("org.d3m.commands.LptCommand", True,
           "grid", 32, "box_size", 128.0, "seed", seed, "order", 1, "redshift", 0.0,
           "output", path("za.tif")).get()
lines.append(m.getOutput("summary"))
m = cs.run("org.d3m.commands.LptCommand", True,
           "grid", 32, "box_size", 128.0, "seed", seed, "order", 2, "redshift", 0.0,
           "output", path("2lpt.tif")).get()
lines.append(m.getOutput("summary"))
m = cs.run("org.d3m.commands.SimulateCommand", True,
           "grid", 32, "box_size", 128.0, "seed", seed, "steps", 10, "a_start", 0.1,
           "mesh_factor", 2, "output", path("fastpm.tif")).get()
lines.append(m.getOutput("summary"))
m = cs.run("org.d3m.commands.CompareCommand", True,
           "truth", path("fastpm.tif").getPath(),
           "prediction", path("za.tif").getPath(),
           "prediction2", path("2lpt.tif").getPath(),
           "names", "ZA,2LPT", "three_point", False,
           "output_dir", path("compare")).get()
lines.append(m.getOutput("summary"))
summary = "\n".join(lines)
