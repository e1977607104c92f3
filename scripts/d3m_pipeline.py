# D3M for Fiji, a SciJava script (Jython): ZA and 2LPT against FastPM for one seed, the paper's
# Table 1, through the org.d3m.api facade.
# In Fiji: File > New > Script..., Language > Python (Jython), paste, Run.
# The tests run this file as it is (org.d3m.api.ScriptsTest: its #@ parameters parsed by SciJava,
# as Fiji's script editor parses them, and bound to test values).

#@ Long (label = "Seed", value = 7) seed
#@ Integer (label = "Particles per side", value = 32) grid
#@ Boolean (label = "3PCF residual (about 10 s per field)", value = False) three_point
#@output String summary

from java.util import LinkedHashMap
from org.d3m.api import D3m

sim = D3m.paper(seed).withBox(128, grid)  # 128 Mpc/h, Planck 2015
truth = sim.simulate()                 # FastPM displacement at z = 0, axes (x, y, z, c) [Mpc/h]
predictions = LinkedHashMap()          # keeps the rows in this order
predictions.put("ZA", sim.za())
predictions.put("2LPT", sim.lpt2())
table = D3m.compare(truth, predictions, sim.boxSize(), three_point)
summary = table.toString()
