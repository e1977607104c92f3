// D3M for Fiji, a SciJava script (JavaScript): the CIC density spectrum of the Zel'dovich field
// at a few redshifts, relative to z = 0 (linear growth squared on large scales), through the
// org.d3m.api facade.
// In Fiji: File > New > Script..., Language > JavaScript, paste, Run.
// The tests run this file as it is (org.d3m.api.ScriptsTest: its #@ parameters parsed by SciJava,
// as Fiji's script editor parses them, and bound to test values).

#@ Long (label = "Seed", value = 7) seed
#@output String summary

var D3m = Java.type("org.d3m.api.D3m");
var sim = D3m.paper(seed);
var L = sim.boxSize();
var p0 = D3m.powerSpectrum(D3m.paintDensity(sim.za(0), L), L);  // row 0: the fundamental mode
var lines = [];
var redshifts = [0, 1, 3];
for (var j = 0; j < redshifts.length; j++) {
    var pz = D3m.powerSpectrum(D3m.paintDensity(sim.za(redshifts[j]), L), L);
    lines.push("z = " + redshifts[j] + ": P(k = " + p0.k()[0].toFixed(3) + " h/Mpc) / P(z = 0) = "
            + (pz.p()[0] / p0.p()[0]).toFixed(4));
}
summary = lines.join("\n");
