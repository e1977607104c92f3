package org.d3m.commands;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.d3m.core.bench.Benchmarks;
import org.d3m.ij.CommandProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Times FFTs, CIC, PM forces, whole FastPM runs, the 3PCF (pair counts and the mesh FFT estimator) and the
 * emulator network, and writes the table (wall and CPU time) into a Markdown file.
 */
@Plugin(type = Command.class, name = "benchmark", menuPath = "Plugins>D3M>Developer>D3M Benchmark...", visible = false)
public class BenchmarkCommand implements Command {

    @Parameter(min = "0", description = "worker threads, 0 = all cores")
    int threads = 0;
    @Parameter(description = "small sizes only (a smoke run of a few seconds)")
    boolean quick = false;
    @Parameter(description = "comma-separated groups: pm (FFT, copy bandwidth, CIC, force step by step, FastPM runs), 3pcf, emulator, fft (FFT alternatives: FloatFFT_3D, libtorch)")
    String parts = "pm,3pcf,emulator";
    @Parameter(required = false, description = "Markdown file (.md) to update (the table between its benchmark markers)")
    File output;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        OutputGuard.of(this).markdown(output).check(); // before the run: a wrong name fails at once
        Benchmarks b = new Benchmarks(threads, quick, java.util.Set.of(parts.replace(" ", "").split(",")));
        b.run(CommandProgress.get());
        String header = String.format(Locale.ROOT, "Measured by `./d3m benchmark threads=%d parts=%s%s` on %d cores, Java %s."
                + " time: wall time per call (median); CPU: process CPU time per call (every thread of the JVM; – where not measured).",
                threads, parts, quick ? " quick=true" : "", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (Outputs.given(output)) {
            try {
                Benchmarks.writeInto(output.toPath(), b.report(), header);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
            }
        }
        summary = header + "\n" + b.report();
    }
}
