package org.d3m.core.emulator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.Random;

/**
 * The D3M U-Net (He et al. 2019, as released), a DJL block mapping a ZA displacement
 * (N, 3, n, n, n) [Mpc/h] to a displacement (N, 3, n, n, n) [Mpc/h]; n must be a multiple of 4.
 * With base width w (64 in the paper):
 * <pre>
 *   3 -> block(w) -> block(w) = x1                       (n)
 *   -> block(2w, stride 2) -> block(2w) -> block(2w) = x2  (n/2)
 *   -> block(4w, stride 2) -> block(4w) -> block(4w)       (n/4)
 *   -> up(2w) -> BN -> ReLU -> concat(., x2) -> block(2w) -> block(2w)
 *   -> up(w)  -> BN -> ReLU -> concat(., x1) -> block(w)  -> block(w)
 *   -> Conv3d 1x1x1 (w -> 3), no BN, no ReLU  [+ input, if the optional global residual is on]
 * </pre>
 * "block" is {@link ConvBlock} (periodic pad, 3x3x3 conv, BN, ReLU); "up" is {@link PhaseUpConv3d}.
 * Concatenation order along channels is (up-sampled, skip). At w = 64 there are 8,415,939 trainable
 * parameters (conv biases and BN affine included; BN running statistics not counted).
 */
public final class D3mNet extends AbstractBlock {

    private final int width;
    private final boolean residual;
    private final ConvBlock[] blocks = new ConvBlock[14];
    private final PhaseUpConv3d up1;
    private final PhaseUpConv3d up2;
    private final BatchNorm upNorm1;
    private final BatchNorm upNorm2;
    private final Conv3d head;

    /** @param width base channel count w &gt;= 1; @param residual add the input to the output */
    public D3mNet(int width, boolean residual) {
        if (width < 1 || width > 1024) {
            throw new IllegalArgumentException("width must be in 1..1024, got " + width);
        }
        this.width = width;
        this.residual = residual;
        int[] ch = {width, width, 2 * width, 2 * width, 2 * width, 4 * width, 4 * width, 4 * width};
        int[] stride = {1, 1, 2, 1, 1, 2, 1, 1};
        for (int i = 0; i < 8; i++) {
            blocks[i] = addChildBlock("down" + i, new ConvBlock(ch[i], stride[i]));
        }
        up1 = addChildBlock("up1", new PhaseUpConv3d(2 * width));
        upNorm1 = addChildBlock("up1bn", ConvBlock.newBatchNorm());
        blocks[8] = addChildBlock("dec1a", new ConvBlock(2 * width, 1));
        blocks[9] = addChildBlock("dec1b", new ConvBlock(2 * width, 1));
        up2 = addChildBlock("up2", new PhaseUpConv3d(width));
        upNorm2 = addChildBlock("up2bn", ConvBlock.newBatchNorm());
        blocks[10] = addChildBlock("dec2a", new ConvBlock(width, 1));
        blocks[11] = addChildBlock("dec2b", new ConvBlock(width, 1));
        head = addChildBlock("head", Conv3d.builder().setKernelShape(new Shape(1, 1, 1)).setFilters(3)
                .optBias(true).build());
    }

    public int width() {
        return width;
    }

    public boolean residual() {
        return residual;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        checkInput(x.getShape());
        // Each intermediate is closed as soon as it is consumed (autograd keeps what it needs), so
        // inference holds only the live activations and the two skips.
        NDArray a = f(blocks[0], ps, x, training);
        NDArray x1 = g(blocks[1], ps, a, training);
        a = f(blocks[2], ps, x1, training);
        a = g(blocks[3], ps, a, training);
        NDArray x2 = g(blocks[4], ps, a, training);
        a = f(blocks[5], ps, x2, training);
        a = g(blocks[6], ps, a, training);
        a = g(blocks[7], ps, a, training);
        a = g(upNorm1, ps, g(up1, ps, a, training), training);
        a = reluConcat(a, x2);
        a = g(blocks[8], ps, a, training);
        a = g(blocks[9], ps, a, training);
        a = g(upNorm2, ps, g(up2, ps, a, training), training);
        a = reluConcat(a, x1);
        a = g(blocks[10], ps, a, training);
        a = g(blocks[11], ps, a, training);
        NDArray out = g(head, ps, a, training);
        if (residual) {
            NDArray r = out.add(x);
            out.close();
            out = r;
        }
        return new NDList(out);
    }

    private static NDArray f(ai.djl.nn.Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** Applies {@code b} and closes its input. */
    private static NDArray g(ai.djl.nn.Block b, ParameterStore ps, NDArray x, boolean training) {
        NDArray y = f(b, ps, x, training);
        x.close();
        return y;
    }

    /** ReLU of the up-sampled branch, then concatenation (up-sampled, skip); closes both inputs. */
    private static NDArray reluConcat(NDArray up, NDArray skip) {
        NDArray r = Activation.relu(up);
        up.close();
        NDArray c = NDArrays.concat(new NDList(r, skip), 1);
        r.close();
        skip.close();
        return c;
    }

    private static void checkInput(Shape s) {
        if (s.dimension() != 5 || s.get(1) != 3 || s.get(2) % 4 != 0 || s.get(3) % 4 != 0 || s.get(4) % 4 != 0
                || s.get(2) < 4) {
            throw new IllegalArgumentException("D3M net needs input (N, 3, n, n, n) with n a multiple of 4, got " + s);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        checkInput(s);
        Shape a = init(blocks[0], manager, dataType, s);
        Shape x1 = init(blocks[1], manager, dataType, a);
        a = init(blocks[2], manager, dataType, x1);
        a = init(blocks[3], manager, dataType, a);
        Shape x2 = init(blocks[4], manager, dataType, a);
        a = init(blocks[5], manager, dataType, x2);
        a = init(blocks[6], manager, dataType, a);
        a = init(blocks[7], manager, dataType, a);
        a = init(upNorm1, manager, dataType, init(up1, manager, dataType, a));
        a = concat(a, x2);
        a = init(blocks[8], manager, dataType, a);
        a = init(blocks[9], manager, dataType, a);
        a = init(upNorm2, manager, dataType, init(up2, manager, dataType, a));
        a = concat(a, x1);
        a = init(blocks[10], manager, dataType, a);
        a = init(blocks[11], manager, dataType, a);
        init(head, manager, dataType, a);
    }

    private static Shape init(ai.djl.nn.Block b, NDManager m, DataType t, Shape in) {
        b.initialize(m, t, in);
        return b.getOutputShapes(new Shape[] {in})[0];
    }

    private static Shape concat(Shape a, Shape b) {
        return new Shape(a.get(0), a.get(1) + b.get(1), a.get(2), a.get(3), a.get(4));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), 3, s.get(2), s.get(3), s.get(4))};
    }

    /** Number of trainable parameters (weights, biases, BN gamma/beta). Needs an initialized block. */
    public long trainableParameterCount() {
        long c = 0;
        for (Pair<String, Parameter> p : getParameters()) {
            if (p.getValue().requiresGradient()) {
                c += p.getValue().getShape().size();
            }
        }
        return c;
    }

    /**
     * Analytic trainable parameter count for base width w, no allocation: sum over the convolutions
     * of cin*cout*k^3 + cout, plus 2*cout for each BatchNorm.
     */
    public static long parameterCount(int w) {
        long[][] convs = { // cin, cout, k, bn
            {3, w, 3, 1}, {w, w, 3, 1}, {w, 2L * w, 3, 1}, {2L * w, 2L * w, 3, 1}, {2L * w, 2L * w, 3, 1},
            {2L * w, 4L * w, 3, 1}, {4L * w, 4L * w, 3, 1}, {4L * w, 4L * w, 3, 1},
            {4L * w, 2L * w, 3, 1}, {4L * w, 2L * w, 3, 1}, {2L * w, 2L * w, 3, 1},
            {2L * w, w, 3, 1}, {2L * w, w, 3, 1}, {w, w, 3, 1}, {w, 3, 1, 0}};
        long c = 0;
        for (long[] v : convs) {
            c += v[0] * v[1] * v[2] * v[2] * v[2] + v[1] + 2 * v[1] * v[3];
        }
        return c;
    }

    /**
     * Initializes the block for inputs of {@code inputShape} and sets every parameter from a
     * {@link Random} seeded by {@code seed}, so that initial weights do not depend on the engine's RNG:
     * PyTorch's defaults, weights and biases uniform in +-1/sqrt(fan_in) with fan_in = shape[1] *
     * kernel volume of the layer's weight; BN gamma 1, beta 0, running mean 0, running var 1.
     */
    public void initializeDeterministic(NDManager manager, Shape inputShape, long seed) {
        initialize(manager, DataType.FLOAT32, inputShape);
        Random rnd = new Random(seed);
        double bound = 0;
        for (Pair<String, Parameter> p : getParameters()) {
            Parameter par = p.getValue();
            Shape s = par.getShape();
            float[] v = new float[Math.toIntExact(s.size())];
            switch (par.getType()) {
                case WEIGHT -> {
                    long fanIn = s.get(1);
                    for (int d = 2; d < s.dimension(); d++) {
                        fanIn *= s.get(d);
                    }
                    bound = 1.0 / Math.sqrt(fanIn);
                    uniform(rnd, v, bound);
                }
                case BIAS -> uniform(rnd, v, bound);
                case GAMMA, RUNNING_VAR -> java.util.Arrays.fill(v, 1f);
                default -> { }
            }
            par.getArray().set(v);
        }
    }

    private static void uniform(Random rnd, float[] v, double bound) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * rnd.nextDouble() - 1) * bound);
        }
    }
}
