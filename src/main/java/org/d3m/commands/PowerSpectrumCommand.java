package org.d3m.commands;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import org.d3m.core.analysis.PowerSpectrum;
import org.d3m.core.analysis.Spectrum;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.ij.fields.FieldImgs;
import org.d3m.ij.fields.FieldSource;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Binned power spectrum of a field, or of two fields with their cross spectrum. A displacement
 * spectrum is the sum of the three component spectra.
 */
@Plugin(type = Command.class, name = "power-spectrum", menuPath = "Plugins>D3M>Analyze>Power Spectrum...", visible = false)
public class PowerSpectrumCommand implements Command {

    @Parameter(description = "field: open image title, 'current', or a .tif/.npy file")
    String input = FieldSource.CURRENT;
    @Parameter(required = false, description = "optional second field of the same kind and size")
    String input2 = "";
    @Parameter(description = "box side for .npy inputs [Mpc/h]; 0: from the image calibration")
    double box_size = 0;
    @Parameter(description = "bin width [h/Mpc]")
    double dk = PowerSpectrum.DEFAULT_DK;
    @Parameter(min = "0", description = "worker threads, 0 = all cores")
    int threads = 0;
    @Parameter(required = false, description = "CSV with the table's columns: k [h/Mpc], modes, P [(Mpc/h)^3 density, (Mpc/h)^5 displacement]")
    File output;
    @Parameter(required = false, description = "PNG of the spectra on log axes")
    File plot_output;
    @Parameter(type = ItemIO.OUTPUT)
    ResultsTable table;
    @Parameter(type = ItemIO.OUTPUT)
    Plot plot;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    // ImgLib2 images for scripts and Java callers (see FieldImgs); not keys of the CLI, dialogs or macros
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "field (x, y, z) or (x, y, z, c) instead of input; needs box_size")
    RandomAccessibleInterval<FloatType> input_img;
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "second field instead of input2")
    RandomAccessibleInterval<FloatType> input2_img;

    @Override
    public void run() {
        if (!(dk > 0)) {
            throw new IllegalArgumentException("dk must be > 0 h/Mpc, got " + dk);
        }
        OutputGuard.of(this).csv(output).png(plot_output).check();
        Object a = input_img != null ? FieldImgs.field(input_img, box_size) : FieldSource.field(input, box_size);
        Object b = input2_img != null ? FieldImgs.field(input2_img, box_size)
                : input2 == null || input2.isBlank() ? null : FieldSource.field(input2, box_size);
        Map<String, Spectrum> spectra = new LinkedHashMap<>();
        if (a instanceof VectorField va) {
            PowerSpectrum ps = new PowerSpectrum(va.box(), dk, threads);
            spectra.put("P_1", ps.auto(va));
            if (b != null) {
                VectorField vb = SpectrumTables.sameKind(b, VectorField.class, va.box());
                spectra.put("P_2", ps.auto(vb));
                spectra.put("P_cross", ps.cross(va, vb));
            }
        } else {
            ScalarField sa = (ScalarField) a;
            PowerSpectrum ps = new PowerSpectrum(sa.box(), dk, threads);
            spectra.put("P_1", ps.auto(sa));
            if (b != null) {
                ScalarField sb = SpectrumTables.sameKind(b, ScalarField.class, sa.box());
                spectra.put("P_2", ps.auto(sb));
                spectra.put("P_cross", ps.cross(sa, sb));
            }
        }
        String kind = a instanceof VectorField ? "displacement" : "density";
        String unit = SpectrumTables.unit(a instanceof VectorField);
        table = SpectrumTables.table(spectra, output, unit);
        Map<String, Spectrum> legend = new LinkedHashMap<>();
        legend.put(input_img != null ? "input_img" : Outputs.inputName(input), spectra.get("P_1"));
        if (b != null) {
            legend.put((input2_img != null ? "input2_img" : Outputs.inputName(input2)) + " ", spectra.get("P_2"));
        }
        plot = SpectrumTables.plot("P(k) of " + kind, legend, plot_output, unit);
        Spectrum s1 = spectra.get("P_1");
        summary = String.format(Locale.ROOT, "%s power spectrum: %d bins of %.3g h/Mpc, P(k=%.3f) = %.4g %s",
                kind, s1.size(), dk, s1.k()[s1.nonEmptyBins()[0]], s1.p()[s1.nonEmptyBins()[0]], unit);
    }
}
