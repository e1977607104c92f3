package org.d3m.core.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * The D3M up-sampling layer: periodic pad of 1 on the high side of every spatial axis, then a
 * stride-2 3x3x3 transposed convolution (PyTorch {@code ConvTranspose3d(cin, cout, 3, stride=2)}),
 * then a crop keeping output indices 1..2n. An n^3 input gives a (2n)^3 output.
 *
 * <p>DJL's PyTorch engine has no transposed convolution, so this is computed as 8 stride-1
 * convolutions, one per output parity, whose outputs are interleaved. Per axis, with the padded
 * input x[n] = x[0] and weight taps W[0..2]:
 * <pre>
 *   y[2m]   = W[1] x[m]
 *   y[2m+1] = W[2] x[m] + W[0] x[m+1]
 * </pre>
 * (from out[2i + k] += x[i] W[k] followed by y[j] = out[j + 1]). Same FLOPs as the real layer.
 *
 * <p>Parameters: {@code weight} of shape (cin, cout, 3, 3, 3) in PyTorch's ConvTranspose layout and
 * {@code bias} (cout).
 */
public final class PhaseUpConv3d extends AbstractBlock {

    private final int outChannels;
    private final Parameter weight;
    private final Parameter bias;

    /** @param outChannels output channels (the input channel count comes from the input shape) */
    public PhaseUpConv3d(int outChannels) {
        if (outChannels < 1) {
            throw new IllegalArgumentException("output channels must be >= 1, got " + outChannels);
        }
        this.outChannels = outChannels;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(0f)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long cin = inputShapes[0].get(1);
        weight.setShape(new Shape(cin, outChannels, 3, 3, 3));
        bias.setShape(new Shape(outChannels));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), outChannels, 2 * s.get(2), 2 * s.get(3), 2 * s.get(4))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDManager m = x.getManager();
        Shape s = x.getShape();
        long nb = s.get(0);
        long nx = s.get(2);
        long ny = s.get(3);
        long nz = s.get(4);
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = ps.getValue(bias, x.getDevice(), training);
        // (cin, cout, 3,3,3) -> (cout, cin, 3,3,3); attach at once so that nothing derived from the
        // parameter lands in the parameter manager (a native leak).
        NDArray wt = w.transpose(1, 0, 2, 3, 4);
        wt.attach(m);
        NDArray bb = b.duplicate();
        bb.attach(m);
        NDArray xp = PeriodicPad.pad(x, 0, 1);
        NDList phases = new NDList(8);
        Shape unit = new Shape(1, 1, 1);
        Shape zero = new Shape(0, 0, 0);
        for (int px = 0; px < 2; px++) {
            for (int py = 0; py < 2; py++) {
                for (int pz = 0; pz < 2; pz++) {
                    NDArray k = taps(taps(taps(wt, 2, px), 3, py), 4, pz);
                    // the window [0, n + p) per axis; PeriodicPad.leading says why not xp.get(":,:,...")
                    NDList views = new NDList();
                    NDArray in = PeriodicPad.leading(PeriodicPad.leading(PeriodicPad.leading(
                            xp, 2, nx + px, views), 3, ny + py, views), 4, nz + pz, views);
                    NDArray y = in.getNDArrayInternal().convolution(in, k, bb, unit, zero, unit, 1).singletonOrThrow();
                    phases.add(y);
                    views.close();
                    k.close();
                }
            }
        }
        NDArray stacked = NDArrays.stack(phases, 2); // (N, C, 8, nx, ny, nz), phase = 4 px + 2 py + pz
        NDArray out = stacked.reshape(nb, outChannels, 2, 2, 2, nx, ny, nz)
                .transpose(0, 1, 5, 2, 6, 3, 7, 4)
                .reshape(nb, outChannels, 2 * nx, 2 * ny, 2 * nz);
        return new NDList(out);
    }

    /** The kernel taps along {@code axis} for output parity {@code phase}: [W1] or [W2, W0]. */
    private static NDArray taps(NDArray k, int axis, int phase) {
        NDArray r;
        if (phase == 0) {
            r = k.get(PeriodicPad.slice(axis, 1, 2));
        } else {
            NDArray a = k.get(PeriodicPad.slice(axis, 2, 3));
            NDArray c = k.get(PeriodicPad.slice(axis, 0, 1));
            r = NDArrays.concat(new NDList(a, c), axis);
            a.close();
            c.close();
        }
        return r;
    }

    /** Input channels x output channels x 27 + output channels. */
    public long parameterCount(long inChannels) {
        return inChannels * outChannels * 27L + outChannels;
    }

    @Override
    public String toString() {
        return "PhaseUpConv3d(" + outChannels + ")";
    }

}
