# D3M for Fiji, a SciJava script (Jython): ZA and 2LPT against FastPM for one seed, the paper's
# Table 1, through the org.d3m.api facade.
# In Fiji: File > New > Script..., Language > Python (Jython), paste, Run.
# Fiji's script languages are not on Maven Central, so this file cannot run in the tests; every
# D3M call in it is made, the same way, by src/test/java/org/d3m/api/ScriptingExample.java, which
# does run in them (org.d3m.api.ScriptsTest checks that).

#@ Long (label = "Seed", value = 7) seed
#@ Boolean (label = "3PCF residual (about 10 s per field)", value = False) three_point
#@output String summary

from java.util import LinkedHashMap
from org.d3m.api import D3m

sim = D3m.paper(seed)                  # 128 Mpc/h, 32^3 particles, Planck 2015
truth = sim.simulate()                 # FastPM displacement at z = 0, axes (x, y, z, c) [Mpc/h]
predictions = LinkedHashMap()          # keeps the rows in this order
predictions.put("ZA", sim.za())
predictions.put("2LPT", sim.lpt2())
table = D3m.compare(truth, predictions, sim.boxSize(), three_point)
summary = table.toString()
