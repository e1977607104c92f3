package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import java.util.Map;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import java.nio.file.Path;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Provenance;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.fields.CommandProvenance;
import org.d3m.ij.fields.FieldFiles;
import org.d3m.ij.fields.FieldImages;
import org.d3m.ij.fields.FieldImgs;
import org.d3m.ij.fields.FieldSource;
import org.scijava.ItemIO;
import org.scijava.ItemVisibility;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The D3M emulator: the predicted displacement at {@code redshift} from a ZA displacement at that
 * redshift (a file or open image), or from the ZA field generated from {@code seed} and the cosmology
 * keys (or from {@code linear_input}). A conditioned model takes Omega_m and the redshift from the
 * keys, or from the input's provenance (a contradiction is an error), and refuses a field outside
 * its trained ranges unless {@code extrapolate=true}; the paper-protocol model ({@code model=paper})
 * knows one cosmology at z = 0. The model must have been trained on fields of the same {@code kernel}.
 */
@Plugin(type = Command.class, name = "emulate", menuPath = "Plugins>D3M>Emulator>Emulate...", visible = false)
public class EmulateCommand extends LinearInputParameters {

    @Parameter(required = false, description = "ZA displacement (open image, 'current' or .tif/.npy); empty: generate from seed")
    String input = "";
    @Parameter(required = false, description = "weights file (.d3mw) from train, or 'paper' (the paper-protocol model);"
            + " empty: the shipped model " + ShippedModel.ID)
    File model;
    @Parameter(description = "redshift of the ZA field and of the prediction")
    double redshift = 0;
    @Parameter(description = "emulate outside the model's trained range of Omega_m, redshift and amplitude (the shipped"
            + " model's: Omega_m 0.09-0.55, A_s 0.16-2.0 x 2.142e-9, z 0-1.2)")
    boolean extrapolate = false;
    @Parameter(description = "emulate an input whose provenance says it is not a ZA displacement (FastPM, 2LPT, D3M);"
            + " the network was trained on ZA inputs")
    boolean allow_non_za = false;
        @Parameter(choices = {"auto", "cpu", "gpu"}, description = "auto: a GPU when DJL finds one, else the CPU")
    String device = "auto";
    @Parameter(min = "1", max = "48", description = "mean over this many cube symmetries (1: the network alone;"
            + " each is one more network pass)")
    int symmetries = Emulator.DEFAULT_SYMMETRIES;
    @Parameter(required = false, description = "predicted displacement file (.tif or .npy) [Mpc/h]")
    File output;
    @Parameter(required = false, description = "CIC density of the prediction (.tif or .npy)")
    File density_output;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus displacement;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    // ImgLib2 images for scripts and Java callers (see FieldImgs); not keys of the CLI, dialogs or macros
    @Parameter(required = false, persist = false, autoFill = false, visibility = ItemVisibility.INVISIBLE,
            description = "ZA displacement (x, y, z, c) [Mpc/h] instead of input; box_size is its side")
    RandomAccessibleInterval<FloatType> input_img;
    @Parameter(type = ItemIO.OUTPUT)
    RandomAccessibleInterval<FloatType> displacement_img;

    @Override
    public void run() {
        Path modelFile = Outputs.given(model) ? model.toPath() : null;
        Path weights = ShippedModel.resolve(modelFile);
        Emulator.checkSymmetries(symmetries);
        SimulationSetup s = setup();
        checkBeforeRun(s, 0, output, density_output);
        boolean generate = (input == null || input.isBlank()) && input_img == null;
        // a FastPM snapshot has its own BoxSize: the default box_size must not contradict it (UnusedKeys checks a given one)
        boolean snapshot = !generate && input_img == null && new java.io.File(input.trim()).isDirectory();
        VectorField given = generate ? null : FieldImgs.vector(input_img, input, snapshot ? 0 : box_size);
        if (given != null) {
            UnusedKeys.requireDefaults(this, input_img != null ? "input_img" : "input", given.box());
            Map<String, String> prov = input_img != null ? Map.of() : FieldSource.provenance(input);
            InputCosmology.requireZa(prov, allow_non_za);
            omega_m = InputCosmology.resolve("omega_m", omega_m, new EmulateCommand().omega_m, prov);
            redshift = InputCosmology.resolve("redshift", redshift, 0, prov);
        }
        double a = SimulationSetup.scaleFactor(redshift);
        CommandProgress.get().report(0, "loading the network (a first run unpacks PyTorch: seconds)");
        try (Emulator emulator = Emulator.load(weights, device)) {
            InputCosmology.requireKnown(emulator, ShippedModel.name(modelFile), omega_m, a_s, redshift, extrapolate);
            emulator.setSymmetries(symmetries);
            if (!emulator.meta().kernel().equals(s.kernel().key())) {
                throw new IllegalArgumentException("model " + ShippedModel.name(modelFile) + " was trained on kernel="
                        + emulator.meta().kernel() + " fields, not kernel=" + s.kernel().key()
                        + "; pass kernel=" + emulator.meta().kernel() + " or a model trained on " + s.kernel().key() + " fields");
            }
            VectorField za = generate ? new Realization(s).lpt(1, a) : given;
            VectorField psi = emulator.predict(za, omega_m, redshift, extrapolate, CommandProgress.get());
            Provenance p = CommandProvenance.of(this, "D3M displacement").put("device", emulator.describeDevice())
                    .put("model", ShippedModel.name(modelFile)).put("model_width", emulator.meta().width());
            String title = "D3M displacement" + (generate ? " " + source(s) : "") + " z=" + Outputs.number(redshift);
            displacement = FieldImages.vector(psi, title, p.toInfo());
            if (Outputs.given(output)) {
                FieldFiles.write(output, psi, p);
            }
            if (Outputs.given(density_output)) {
                ScalarField delta = Realization.density(psi, 1, threads);
                FieldFiles.write(density_output, delta, CommandProvenance.of(this, "D3M CIC density")
                        .put("device", emulator.describeDevice()));
            }
            displacement_img = FieldImgs.of(displacement);
            summary = Outputs.describe("D3M displacement", psi, output) + " on " + emulator.describeDevice()
                    + ", " + Emulator.describeAveraging(symmetries);
        }
    }
}
