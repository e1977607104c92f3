package org.d3m.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.d3m.core.analysis.Spectrum;

/**
 * The scripts in scripts/ written in Java, the way a script author uses {@link D3m}: only the
 * facade and the records it returns. {@link ScriptingExampleTest} runs it; {@link ScriptsTest}
 * checks that every D3M method the Groovy, Jython and JavaScript scripts call is called here too.
 * Run by hand: {@code java -cp target/classes:target/test-classes:plugins/jars/* org.d3m.api.ScriptingExample 7}.
 */
public final class ScriptingExample {

    private ScriptingExample() {
    }

    /**
     * FastPM, its density and spectrum (scripts/D3M_Simulate.groovy), ZA and 2LPT against FastPM
     * (scripts/d3m_pipeline.py), the ZA spectrum's growth (scripts/za_growth.js), and the
     * emulator when a model file is given (null: skipped). Returns the summary lines.
     */
    public static List<String> run(long seed, int grid, String modelFile) {
        List<String> lines = new ArrayList<>();

        // D3M_Simulate.groovy
        D3m sim = D3m.paper(seed).withBox(128, grid);
        RandomAccessibleInterval<FloatType> psi = sim.simulate();
        RandomAccessibleInterval<FloatType> delta = D3m.paintDensity(psi, sim.boxSize());
        Spectrum pk = D3m.powerSpectrum(delta, sim.boxSize());
        lines.add("k [h/Mpc]  P(k) [(Mpc/h)^3]");
        for (int i : pk.nonEmptyBins()) {
            lines.add(String.format(Locale.ROOT, "%.4f  %.5g", pk.k()[i], pk.p()[i]));
        }
        if (modelFile != null) {
            Model net = D3m.loadModel(modelFile);
            try {
                RandomAccessibleInterval<FloatType> d3m = sim.emulate(net);
                Spectrum pd = D3m.powerSpectrum(D3m.paintDensity(d3m, sim.boxSize()), sim.boxSize());
                int first = pk.nonEmptyBins()[0];
                lines.add(String.format(Locale.ROOT, "D3M: P(k = %.4f) = %.5g", pd.k()[first], pd.p()[first]));
                // the same from a ZA image given explicitly
                RandomAccessibleInterval<FloatType> again = D3m.emulate(net, sim.za(), sim.boxSize());
                Spectrum pa = D3m.powerSpectrum(D3m.paintDensity(again, sim.boxSize()), sim.boxSize());
                lines.add(String.format(Locale.ROOT, "D3M from a ZA image: P(k = %.4f) = %.5g", pa.k()[first], pa.p()[first]));
            } finally {
                net.close();
            }
        }

        // d3m_pipeline.py
        RandomAccessibleInterval<FloatType> truth = psi;
        LinkedHashMap<String, RandomAccessibleInterval<FloatType>> predictions = new LinkedHashMap<>();
        predictions.put("ZA", sim.za());
        predictions.put("2LPT", sim.lpt2());
        Table table = D3m.compare(truth, predictions, sim.boxSize(), false);
        lines.add(table.toString());

        // za_growth.js
        double l = sim.boxSize();
        Spectrum p0 = D3m.powerSpectrum(D3m.paintDensity(sim.za(0), l), l);
        int first = p0.nonEmptyBins()[0];
        for (double z : new double[] {0, 1, 3}) {
            Spectrum pz = D3m.powerSpectrum(D3m.paintDensity(sim.za(z), l), l);
            lines.add(String.format(Locale.ROOT, "z = %s: P(k = %.3f h/Mpc) / P(z = 0) = %.4f", z, p0.k()[first],
                    pz.p()[first] / p0.p()[first]));
        }
        return lines;
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 7;
        String model = args.length > 1 ? args[1] : null;
        run(seed, 32, model).forEach(System.out::println);
    }
}
