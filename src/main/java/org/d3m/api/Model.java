package org.d3m.api;

import org.d3m.core.emulator.Emulator;
import org.d3m.core.emulator.ModelMeta;

/**
 * A trained D3M network loaded by {@link D3m#loadModel}, ready for {@link D3m#emulate}. It holds
 * native memory (DJL/PyTorch): close it when done (a try-with-resources block, or
 * {@code model.close()} at the end of a script).
 */
public final class Model implements AutoCloseable {

    private final Emulator emulator;

    Model(Emulator emulator) {
        this.emulator = emulator;
    }

    Emulator emulator() {
        return emulator;
    }

    /** Grid per side of the training boxes. */
    public int trainingGrid() {
        return emulator.meta().grid();
    }

    /** Cell size of the training boxes [Mpc/h]; inputs must have the same. */
    public double spacing() {
        return emulator.meta().spacing();
    }

    /** The LPT kernel of the training fields: "fastpm" or "exact". */
    public String kernel() {
        return emulator.meta().kernel();
    }

    /** Channels of the first layer (the network's width). */
    public int width() {
        return emulator.meta().width();
    }

    /** Where it runs, for example "CPU (DJL 0.36.0, PyTorch 2.7.1)". */
    public String device() {
        return emulator.describeDevice();
    }

    /**
     * How many of the cube's 48 rotations and mirrors {@link D3m#emulate} averages the network's
     * prediction over (default {@link org.d3m.core.emulator.Emulator#DEFAULT_SYMMETRIES}, as the {@code emulate}
     * command; 1: the network alone).
     */
    public int symmetries() {
        return emulator.symmetries();
    }

    /** Sets {@link #symmetries()} (1..48) and returns this model, e.g. {@code D3m.loadModel(f).withSymmetries(1)}. */
    public Model withSymmetries(int k) {
        emulator.setSymmetries(k);
        return this;
    }

    /** The file's metadata. */
    public ModelMeta meta() {
        return emulator.meta();
    }

    @Override
    public void close() {
        emulator.close();
    }

    @Override
    public String toString() {
        return "D3M model " + emulator.weights().getFileName() + " (width " + width() + ", grid " + trainingGrid()
                + ", " + spacing() + " Mpc/h cells, kernel " + kernel() + ") on " + device();
    }
}
