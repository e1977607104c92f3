package org.d3m.commands;

import ij.ImagePlus;
import java.io.File;
import org.d3m.core.emulator.Emulator;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Provenance;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.CommandProgress;
import org.d3m.ij.CommandProvenance;
import org.d3m.ij.FieldFiles;
import org.d3m.ij.FieldImages;
import org.d3m.ij.FieldSource;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * The D3M emulator: the predicted displacement at z = 0 from a ZA displacement (a file or open
 * image), or from the ZA field generated from {@code seed} and the cosmology keys.
 */
@Plugin(type = Command.class, name = "emulate", menuPath = "Plugins>D3M>Emulator>Emulate...")
public class EmulateCommand extends SetupParameters {

    @Parameter(required = false, description = "ZA displacement (open image, 'current' or .tif/.npy); empty: generate from seed")
    String input = "";
    @Parameter(required = false, description = "weights file (.d3mw) from train; no model ships yet")
    File model;
    @Parameter(choices = {"auto", "cpu", "gpu"}, description = "auto: a GPU when DJL finds one, else the CPU")
    String device = "auto";
    @Parameter(required = false, description = "predicted displacement file (.tif or .npy) [Mpc/h]")
    File output;
    @Parameter(required = false, description = "CIC density of the prediction (.tif or .npy)")
    File density_output;
    @Parameter(type = ItemIO.OUTPUT)
    ImagePlus displacement;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        if (!Outputs.given(model)) {
            throw new IllegalArgumentException("model is required: no trained model ships with D3M for Fiji yet;"
                    + " train one with make-dataset and train, then pass model=out/model/best.d3mw");
        }
        SimulationSetup s = setup();
        checkBeforeRun(s, 0, output, density_output);
        boolean generate = input == null || input.isBlank();
        try (Emulator emulator = Emulator.load(model.toPath(), device)) {
            VectorField za = generate ? new Realization(s).lpt(1, 1) : FieldSource.vector(input, box_size);
            VectorField psi = emulator.predict(za, CommandProgress.get());
            Provenance p = CommandProvenance.of(this, "D3M displacement").put("device", emulator.describeDevice())
                    .put("model_width", emulator.meta().width());
            String title = "D3M displacement" + (generate ? " seed=" + s.seed() : "") + " z=0";
            displacement = FieldImages.vector(psi, title, p.toInfo());
            if (Outputs.given(output)) {
                FieldFiles.write(output, psi, p);
            }
            if (Outputs.given(density_output)) {
                ScalarField delta = Realization.density(psi, 1, threads);
                FieldFiles.write(density_output, delta, CommandProvenance.of(this, "D3M CIC density")
                        .put("device", emulator.describeDevice()));
            }
            summary = Outputs.describe("D3M displacement", psi, output) + " on " + emulator.describeDevice();
        }
    }
}
