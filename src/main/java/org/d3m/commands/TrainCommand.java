package org.d3m.commands;

import java.io.File;
import java.util.Locale;
import org.d3m.core.emulator.Conditioning;
import java.nio.file.Path;
import org.d3m.core.emulator.ShippedModel;
import org.d3m.core.emulator.Trainer;
import org.d3m.core.emulator.TrainingVerdict;
import org.d3m.ij.CommandProgress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Trains the D3M U-Net on a dataset made by make-dataset: Adam, MSE on the displacement, the 48
 * cube symmetries as augmentation; keeps the best model by validation loss; checkpoints and
 * resumes (run the same command again after an interruption). A diverged run ends in an error, a
 * best model no better than the identity map in a warning ({@link TrainingVerdict}).
 */
@Plugin(type = Command.class, name = "train", menuPath = "Plugins>D3M>Emulator>Train...", visible = false)
public class TrainCommand implements Command {

    @Parameter(description = "dataset folder (from make-dataset)")
    File dataset = new File("out/dataset");
    @Parameter(description = "folder for best.d3mw, final.d3mw, checkpoint, losses.csv and loss.png")
    File output_dir = new File("out/model");
    @Parameter(description = "base width of the U-Net (the paper: 64)")
    int width = 16;
    @Parameter(description = "samples per step")
    int batch = 4;
    @Parameter(description = "passes over the training split")
    int epochs = 30;
    @Parameter(description = "Adam learning rate (the paper: 1e-4)")
    double learning_rate = 1e-4;
    @Parameter(choices = {"constant", "cosine"}, description = "learning-rate schedule: constant (the paper) or"
            + " cosine decay from learning_rate to min_learning_rate over all steps")
    String lr_schedule = "constant";
    @Parameter(description = "final learning rate of the cosine schedule")
    double min_learning_rate = 1e-5;
    @Parameter(description = "weight decay (the paper: 1e-4)")
    double weight_decay = 1e-4;
    @Parameter(description = "seed of the weights, data order and augmentation")
    long seed = 0;
    @Parameter(description = "predict Psi - ZA instead of Psi (not the paper's network)")
    boolean residual = false;
    @Parameter(choices = {"none", "film", "channels"}, description = "how the network is told each sample's cosmology:"
            + " none (the paper's network), film (per-channel scale and shift in every block) or channels (extra input"
            + " channels); conditioned networks learn the correction to 2LPT")
    String conditioning = "none";
    @Parameter(required = false, description = "start from these weights (.d3mw of the same width, residual and"
            + " conditioning; 'shipped' or 'paper' for a shipped model) instead of random ones; a checkpoint still wins")
    File init_weights;
    @Parameter(description = "augment by the 48 symmetries of the cube")
    boolean augment = true;
    @Parameter(description = "minutes between checkpoints")
    double checkpoint_minutes = 5;
    @Parameter(choices = {"auto", "cpu", "gpu"}, description = "where to train")
    String device = "auto";
    @Parameter(min = "0", description = "libtorch threads, 0 = all cores")
    int threads = 0;
    @Parameter(type = ItemIO.OUTPUT)
    String summary;

    @Override
    public void run() {
        Trainer.Config c = new Trainer.Config(width, batch, epochs, learning_rate, weight_decay, threads, seed, residual,
                augment, 0, checkpoint_minutes * 60, device, "train " + CommandLine.of(this), lr_schedule,
                "cosine".equals(lr_schedule) ? min_learning_rate : learning_rate, Conditioning.parse(conditioning));
        OutputGuard.of(this).folder(output_dir, Trainer.OUTPUTS).check();
        Path init = !Outputs.given(init_weights) ? null
                : init_weights.getPath().equals("shipped") && !init_weights.exists() ? ShippedModel.resolve(null)
                : ShippedModel.resolve(init_weights.toPath());
        Trainer.Result r = Trainer.train(dataset.toPath(), output_dir.toPath(), c, init, CommandProgress.get());
        boolean cond = c.conditioning() != Conditioning.NONE;
        String warning = TrainingVerdict.check(r, cond ? 1 : Trainer.zeroMapLoss(dataset.toPath()), learning_rate);
        summary = c.conditioning() == Conditioning.NONE ? String.format(Locale.ROOT,
                "%s: best validation MSE %.5g (Mpc/h)^2 at epoch %d, identity (ZA) %.5g, %d steps on %s; best model %s",
                r.resumed() ? "resumed and trained" : "trained", r.bestValLoss(), r.bestEpoch(), r.identityValLoss(),
                r.steps(), r.device(), r.bestWeights())
                : String.format(Locale.ROOT, "%s: best validation loss %.5g at epoch %d (squared error relative to 2LPT's;"
                + " 2LPT = 1), %d steps on %s; best model %s", r.resumed() ? "resumed and trained" : "trained",
                r.bestValLoss(), r.bestEpoch(), r.steps(), r.device(), r.bestWeights());
        summary += warning.isEmpty() ? "" : "; " + warning;
    }
}
