// D3M for Fiji, a SciJava script (Groovy): FastPM for one seed, its CIC density and its power
// spectrum, through the org.d3m.api facade; with a trained model, also the D3M emulator.
// In Fiji: File > New > Script..., Language > Groovy, paste, Run.
// The tests run this file as it is (org.d3m.api.ScriptsTest: its #@ parameters parsed by SciJava,
// as Fiji's script editor parses them, and bound to test values).

#@ Long (label = "Seed", value = 7) seed
#@ Integer (label = "Particles per side", value = 32) grid
#@ File (label = "D3M model (.d3mw), optional", required = false) model
#@ UIService ui
#@output String summary

import org.d3m.api.D3m

def sim = D3m.paper(seed).withBox(128, grid)        // 128 Mpc/h box, Planck 2015, z = 0
def psi = sim.simulate()                             // FastPM displacement, axes (x, y, z, c) [Mpc/h]
def delta = D3m.paintDensity(psi, sim.boxSize())    // CIC density contrast, axes (x, y, z)
def pk = D3m.powerSpectrum(delta, sim.boxSize())     // the bins of 0.02 h/Mpc that hold modes
ui.show("FastPM density seed=" + seed, delta)

def lines = ["k [h/Mpc]  P(k) [(Mpc/h)^3]"]
for (i in 0..<pk.size()) {                           // k: the mean of each bin's modes
    lines << String.format("%.4f  %.5g", pk.k()[i], pk.p()[i])
}
if (model != null) {
    def net = D3m.loadModel(model.path)               // a GPU when DJL finds one, else the CPU
    try {
        def d3m = sim.emulate(net)                    // from this setup's ZA field
        def pd = D3m.powerSpectrum(D3m.paintDensity(d3m, sim.boxSize()), sim.boxSize())
        lines << String.format("D3M: P(k = %.4f) = %.5g", pd.k()[0], pd.p()[0])
    } finally {
        net.close()
    }
}
summary = lines.join("\n")
