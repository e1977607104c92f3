package org.d3m.core.emulator;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link D3mNet} with its native memory: one root {@link NDManager} on a device holding the
 * parameters, and a fresh sub-manager for every inference or training step, so that no
 * intermediate array outlives its call (native memory is invisible to the Java GC).
 * Arrays cross as flat float32 (N, 3, n, n, n) in C order. Not thread-safe.
 */
public final class NetSession implements AutoCloseable {

    private final NDManager manager;
    private final D3mNet net;
    private final List<Parameter> trainable = new ArrayList<>();
    private boolean gradientsAttached;

    private NetSession(NDManager manager, D3mNet net) {
        this.manager = manager;
        this.net = net;
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
            }
        }
    }

    /** A new network with deterministic initial weights from {@code seed} (see {@link D3mNet#initializeDeterministic}). */
    public static NetSession create(int width, boolean residual, long seed, Device device) {
        return create(width, residual, Conditioning.NONE, seed, device);
    }

    /** A new network, conditioned or not, with deterministic initial weights from {@code seed}. */
    public static NetSession create(int width, boolean residual, Conditioning conditioning, long seed, Device device) {
        NDManager m = DjlRuntime.engine().newBaseManager(device);
        D3mNet net = new D3mNet(width, residual, conditioning);
        net.initializeDeterministic(m, new Shape(1, conditioning.inputChannels(), 4, 4, 4), seed);
        return new NetSession(m, net);
    }

    /** Loads a weights file onto {@code device}. */
    public static NetSession load(java.nio.file.Path weights, Device device, ModelMeta[] metaOut) {
        NDManager m = DjlRuntime.engine().newBaseManager(device);
        try {
            WeightsFile.Loaded l = WeightsFile.load(weights, m);
            if (metaOut != null && metaOut.length > 0) {
                metaOut[0] = l.meta();
            }
            return new NetSession(m, l.net());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public D3mNet net() {
        return net;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** Eval-mode forward (BN running statistics) of a batch; returns (batch, 3, n, n, n) flat. */
    public float[] infer(float[] input, int batch, int n) {
        return infer(input, null, batch, n);
    }

    /**
     * Eval-mode forward of a batch of a conditioned network: {@code input} (batch, channels, n, n, n)
     * and {@code conditions} (batch, conditions), null for an unconditioned one.
     */
    public float[] infer(float[] input, float[] conditions, int batch, int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDList in = inputs(sub, input, conditions, batch, n);
            NDList out = net.forward(new ParameterStore(sub, false), in, false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    private NDList inputs(NDManager sub, float[] input, float[] conditions, int batch, int n) {
        Conditioning c = net.conditioning();
        NDArray x = sub.create(input, new Shape(batch, c.inputChannels(), n, n, n));
        if (c == Conditioning.NONE) {
            return new NDList(x);
        }
        if (conditions == null || conditions.length != batch * c.conditionCount()) {
            throw new IllegalArgumentException("a conditioned network needs " + c.conditionCount() + " conditions per sample");
        }
        return new NDList(x, sub.create(conditions, new Shape(batch, c.conditionCount())));
    }

    /**
     * One training step: training-mode forward (batch statistics, running statistics updated),
     * MSE loss over all elements, backward, then {@code adam} on the trainable parameters.
     *
     * @return the batch loss [(Mpc/h)^2]
     */
    public double trainStep(float[] input, float[] target, int batch, int n, Adam adam) {
        return trainStep(input, null, target, null, batch, n, adam);
    }

    /**
     * One training step of a network, conditioned or not ({@code conditions} (batch, conditions) or
     * null), with per-sample loss weights: loss = mean over the batch of weight_i times sample i's
     * mean squared error ({@code weights} null: all 1, the plain MSE).
     *
     * @return the batch loss
     */
    public double trainStep(float[] input, float[] conditions, float[] target, float[] weights, int batch, int n,
            Adam adam) {
        attachGradients();
        double loss;
        try (NDManager sub = manager.newSubManager()) {
            NDList in = inputs(sub, input, conditions, batch, n);
            NDArray y = sub.create(target, new Shape(batch, 3, n, n, n));
            try (GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
                NDArray pred = net.forward(new ParameterStore(sub, false), in, true).singletonOrThrow();
                NDArray l = weights == null ? pred.sub(y).square().mean()
                        : pred.sub(y).square().reshape(batch, -1).mean(new int[] {1}).mul(sub.create(weights)).mean();
                gc.backward(l);
                loss = l.getFloat();
            }
        }
        float[][] w = new float[trainable.size()][];
        float[][] g = new float[trainable.size()][];
        for (int i = 0; i < w.length; i++) {
            NDArray a = trainable.get(i).getArray();
            w[i] = a.toFloatArray();
            try (NDArray grad = a.getGradient()) {
                g[i] = grad.toFloatArray();
            }
        }
        adam.step(w, g);
        for (int i = 0; i < w.length; i++) {
            NDArray a = trainable.get(i).getArray();
            a.set(w[i]);
            JniUtils.zeroGrad((PtNDArray) a);
        }
        return loss;
    }

    /** Element counts of the trainable tensors (the order Adam uses). */
    public long[] trainableSizes() {
        long[] s = new long[trainable.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = trainable.get(i).getShape().size();
        }
        return s;
    }

    private void attachGradients() {
        if (!gradientsAttached) {
            for (Parameter p : trainable) {
                p.getArray().setRequiresGradient(true);
            }
            gradientsAttached = true;
        }
    }

    /** Native arrays owned by this session's manager tree (parameters, gradients): constant without leaks. */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
