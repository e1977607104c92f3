package org.d3m.core.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One D3M "block": periodic pad of 1 on every side, Conv3d 3x3x3 (stride 1 or 2, no zero padding,
 * with bias as in the released code), BatchNorm3d (PyTorch momentum 0.1, eps 1e-5, affine), ReLU.
 * Stride 1 keeps the size n; stride 2 halves it ((n + 2 - 3) / 2 + 1 = n / 2 for even n).
 *
 * <p>With {@code conditions > 0} (FiLM, {@link Conditioning#FILM}) the block takes a second input,
 * the condition vectors (N, conditions), and modulates the normalised features before the ReLU:
 * {@code y = BN(x) (1 + gamma) + beta}, (gamma, beta) = a linear map of the conditions (its
 * parameters are named "film" and start at zero).
 */
public final class ConvBlock extends AbstractBlock {

    private final Conv3d conv;
    private final BatchNorm norm;
    private final Linear film;
    private final int outChannels;

    /** @param outChannels output channels; @param stride 1 or 2 */
    public ConvBlock(int outChannels, int stride) {
        this(outChannels, stride, 0);
    }

    /** @param conditions length of the FiLM condition vector, 0 for an unconditioned block */
    public ConvBlock(int outChannels, int stride, int conditions) {
        if (stride != 1 && stride != 2) {
            throw new IllegalArgumentException("stride must be 1 or 2, got " + stride);
        }
        this.outChannels = outChannels;
        conv = addChildBlock("conv", Conv3d.builder().setKernelShape(new Shape(3, 3, 3)).setFilters(outChannels)
                .optStride(new Shape(stride, stride, stride)).optBias(true).build());
        norm = addChildBlock("bn", newBatchNorm());
        film = conditions > 0 ? addChildBlock("film", Linear.builder().setUnits(2L * outChannels).optBias(true).build())
                : null;
    }

    /** BatchNorm over channel axis 1 with PyTorch's defaults (DJL momentum 0.9 = PyTorch 0.1). */
    static BatchNorm newBatchNorm() {
        return BatchNorm.builder().optAxis(1).optMomentum(0.9f).optEpsilon(1e-5f).optCenter(true).optScale(true)
                .build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray padded = PeriodicPad.pad(inputs.get(0), 1, 1);
        NDList c = conv.forward(ps, new NDList(padded), training);
        NDList b = norm.forward(ps, c, training);
        padded.close();
        c.close();
        NDArray h = b.singletonOrThrow();
        if (film != null) {
            NDArray gb = film.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
            long n = gb.getShape().get(0);
            NDArray g5 = gb.reshape(n, 2L * outChannels, 1, 1, 1);
            NDList parts = g5.split(2, 1);
            NDArray scaled = h.mul(parts.get(0).add(1f)).add(parts.get(1));
            h.close();
            h = scaled;
        }
        NDArray out = Activation.relu(h);
        h.close();
        return new NDList(out);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        Shape padded = new Shape(s.get(0), s.get(1), s.get(2) + 2, s.get(3) + 2, s.get(4) + 2);
        conv.initialize(manager, dataType, padded);
        norm.initialize(manager, dataType, conv.getOutputShapes(new Shape[] {padded}));
        if (film != null) {
            film.initialize(manager, dataType, inputShapes[1]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        Shape padded = new Shape(s.get(0), s.get(1), s.get(2) + 2, s.get(3) + 2, s.get(4) + 2);
        return conv.getOutputShapes(new Shape[] {padded});
    }
}
