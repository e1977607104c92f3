// D3M for Fiji, a SciJava script (Groovy): FastPM for one seed, its CIC density and its power
// spectrum, through the org.d3m.api facade; with a trained model, also the D3M emulator.
// In Fiji: File > New > Script..., Language > Groovy, paste, Run.
// Fiji's script languages are not on Maven Central, so this file cannot run in the tests; every
// D3M call in it is made, the same way, by src/test/java/org/d3m/api/ScriptingExample.java, which
// does run in them (org.d3m.api.ScriptsTest checks that).

#@ Long (label = "Seed", value = 7) seed
#@ Integer (label = "Particles per side", value = 32) grid
#@ File (label = "D3M model (.d3mw), optional", required = false) model
#@ UIService ui
#@output String summary

import org.d3m.api.D3m

def sim = D3m.paper(seed).withBox(128, grid)        // 128 Mpc/h box, Planck 2015, z = 0
def psi = sim.simulate()                             // FastPM displacement, axes (x, y, z, c) [Mpc/h]
def delta = D3m.paintDensity(psi, sim.boxSize())    // CIC density contrast, axes (x, y, z)
def pk = D3m.powerSpectrum(delta, sim.boxSize())     // bins of 0.02 h/Mpc
ui.show("FastPM density seed=" + seed, delta)

def lines = ["k [h/Mpc]  P(k) [(Mpc/h)^3]"]
for (i in pk.nonEmptyBins()) {
    lines << String.format("%.4f  %.5g", pk.k()[i], pk.p()[i])
}
if (model != null) {
    def net = D3m.loadModel(model.path)               // a GPU when DJL finds one, else the CPU
    try {
        def d3m = sim.emulate(net)                    // from this setup's ZA field
        def pd = D3m.powerSpectrum(D3m.paintDensity(d3m, sim.boxSize()), sim.boxSize())
        def first = pk.nonEmptyBins()[0]
        lines << String.format("D3M: P(k = %.4f) = %.5g", pd.k()[first], pd.p()[first])
    } finally {
        net.close()
    }
}
summary = lines.join("\n")
