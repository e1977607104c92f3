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
 *
 * <p>A conditioned network ({@link Conditioning#FILM} or {@link Conditioning#CHANNELS}) takes two
 * inputs, the fields (N, 6, n, n, n) of the {@link ResidualFrame} and the condition vectors
 * (N, {@link ResidualFrame#CONDITIONS}); FiLM modulates every block, CHANNELS appends the conditions
 * as constant input channels. Its output (N, 3, n, n, n) is in the frame's units.
 */
public final class D3mNet extends AbstractBlock {

    private final int width;
    private final boolean residual;
    private final Conditioning conditioning;
    private final ConvBlock[] blocks = new ConvBlock[14];
    private final PhaseUpConv3d up1;
    private final PhaseUpConv3d up2;
    private final BatchNorm upNorm1;
    private final BatchNorm upNorm2;
    private final Conv3d head;

    /** @param width base channel count w &gt;= 1; @param residual add the input to the output */
    public D3mNet(int width, boolean residual) {
        this(width, residual, Conditioning.NONE);
    }

    /**
     * @param width        base channel count w &gt;= 1
     * @param residual     add the input to the output (unconditioned networks only)
     * @param conditioning how the network is told its cosmology
     */
    public D3mNet(int width, boolean residual, Conditioning conditioning) {
        if (width < 1 || width > 1024) {
            throw new IllegalArgumentException("width must be in 1..1024, got " + width);
        }
        if (residual && conditioning != Conditioning.NONE) {
            throw new IllegalArgumentException("a conditioned network already predicts a correction (to 2LPT); residual must be false");
        }
        this.width = width;
        this.residual = residual;
        this.conditioning = conditioning;
        int film = conditioning == Conditioning.FILM ? conditioning.conditionCount() : 0;
        int[] ch = {width, width, 2 * width, 2 * width, 2 * width, 4 * width, 4 * width, 4 * width};
        int[] stride = {1, 1, 2, 1, 1, 2, 1, 1};
        for (int i = 0; i < 8; i++) {
            blocks[i] = addChildBlock("down" + i, new ConvBlock(ch[i], stride[i], film));
        }
        up1 = addChildBlock("up1", new PhaseUpConv3d(2 * width));
        upNorm1 = addChildBlock("up1bn", ConvBlock.newBatchNorm());
        blocks[8] = addChildBlock("dec1a", new ConvBlock(2 * width, 1, film));
        blocks[9] = addChildBlock("dec1b", new ConvBlock(2 * width, 1, film));
        up2 = addChildBlock("up2", new PhaseUpConv3d(width));
        upNorm2 = addChildBlock("up2bn", ConvBlock.newBatchNorm());
        blocks[10] = addChildBlock("dec2a", new ConvBlock(width, 1, film));
        blocks[11] = addChildBlock("dec2b", new ConvBlock(width, 1, film));
        head = addChildBlock("head", Conv3d.builder().setKernelShape(new Shape(1, 1, 1)).setFilters(3)
                .optBias(true).build());
    }

    public int width() {
        return width;
    }

    public boolean residual() {
        return residual;
    }

    public Conditioning conditioning() {
        return conditioning;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        checkInput(x.getShape());
        NDArray c = null;
        if (conditioning != Conditioning.NONE) {
            if (inputs.size() != 2 || inputs.get(1).getShape().dimension() != 2
                    || inputs.get(1).getShape().get(1) != conditioning.conditionCount()
                    || inputs.get(1).getShape().get(0) != x.getShape().get(0)) {
                throw new IllegalArgumentException("a conditioned D3M net needs conditions (N, " + conditioning.conditionCount() + ")");
            }
            c = inputs.get(1);
        }
        NDArray in = x;
        if (conditioning == Conditioning.CHANNELS) {
            Shape s = x.getShape();
            NDArray planes = c.reshape(s.get(0), c.getShape().get(1), 1, 1, 1)
                    .broadcast(new Shape(s.get(0), c.getShape().get(1), s.get(2), s.get(3), s.get(4)));
            in = NDArrays.concat(new NDList(x, planes), 1);
        }
        NDArray film = conditioning == Conditioning.FILM ? c : null;
        // Each intermediate is closed as soon as it is consumed (autograd keeps what it needs), so
        // inference holds only the live activations and the two skips.
        NDArray a = fc(blocks[0], ps, in, film, training);
        NDArray x1 = gc(blocks[1], ps, a, film, training);
        a = fc(blocks[2], ps, x1, film, training);
        a = gc(blocks[3], ps, a, film, training);
        NDArray x2 = gc(blocks[4], ps, a, film, training);
        a = fc(blocks[5], ps, x2, film, training);
        a = gc(blocks[6], ps, a, film, training);
        a = gc(blocks[7], ps, a, film, training);
        a = g(upNorm1, ps, g(up1, ps, a, training), training);
        a = reluConcat(a, x2);
        a = gc(blocks[8], ps, a, film, training);
        a = gc(blocks[9], ps, a, film, training);
        a = g(upNorm2, ps, g(up2, ps, a, training), training);
        a = reluConcat(a, x1);
        a = gc(blocks[10], ps, a, film, training);
        a = gc(blocks[11], ps, a, film, training);
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

    /** A block with the FiLM conditions as its second input (none when {@code c} is null). */
    private static NDArray fc(ai.djl.nn.Block b, ParameterStore ps, NDArray x, NDArray c, boolean training) {
        return c == null ? f(b, ps, x, training) : b.forward(ps, new NDList(x, c), training).singletonOrThrow();
    }

    /** {@link #fc} that closes its input. */
    private static NDArray gc(ai.djl.nn.Block b, ParameterStore ps, NDArray x, NDArray c, boolean training) {
        NDArray y = fc(b, ps, x, c, training);
        x.close();
        return y;
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

    private void checkInput(Shape s) {
        int ch = conditioning.inputChannels();
        if (s.dimension() != 5 || s.get(1) != ch || s.get(2) % 4 != 0 || s.get(3) % 4 != 0 || s.get(4) % 4 != 0
                || s.get(2) < 4) {
            throw new IllegalArgumentException("D3M net needs input (N, " + ch + ", n, n, n) with n a multiple of 4, got " + s);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        checkInput(s);
        Shape c = conditioning == Conditioning.FILM ? new Shape(s.get(0), conditioning.conditionCount()) : null;
        Shape in = conditioning == Conditioning.CHANNELS
                ? new Shape(s.get(0), s.get(1) + conditioning.conditionCount(), s.get(2), s.get(3), s.get(4)) : s;
        Shape a = initc(blocks[0], manager, dataType, in, c);
        Shape x1 = initc(blocks[1], manager, dataType, a, c);
        a = initc(blocks[2], manager, dataType, x1, c);
        a = initc(blocks[3], manager, dataType, a, c);
        Shape x2 = initc(blocks[4], manager, dataType, a, c);
        a = initc(blocks[5], manager, dataType, x2, c);
        a = initc(blocks[6], manager, dataType, a, c);
        a = initc(blocks[7], manager, dataType, a, c);
        a = init(upNorm1, manager, dataType, init(up1, manager, dataType, a));
        a = concat(a, x2);
        a = initc(blocks[8], manager, dataType, a, c);
        a = initc(blocks[9], manager, dataType, a, c);
        a = init(upNorm2, manager, dataType, init(up2, manager, dataType, a));
        a = concat(a, x1);
        a = initc(blocks[10], manager, dataType, a, c);
        a = initc(blocks[11], manager, dataType, a, c);
        init(head, manager, dataType, a);
    }

    private static Shape init(ai.djl.nn.Block b, NDManager m, DataType t, Shape in) {
        b.initialize(m, t, in);
        return b.getOutputShapes(new Shape[] {in})[0];
    }

    private static Shape initc(ai.djl.nn.Block b, NDManager m, DataType t, Shape in, Shape c) {
        if (c == null) {
            return init(b, m, t, in);
        }
        b.initialize(m, t, in, c);
        return b.getOutputShapes(new Shape[] {in, c})[0];
    }

    private static Shape concat(Shape a, Shape b) {
        return new Shape(a.get(0), a.get(1) + b.get(1), a.get(2), a.get(3), a.get(4));
    }

    /**
     * The shapes {@link #initialize} wants for fields of {@code fieldShape}: the fields alone, or the
     * fields and the condition vectors.
     */
    public Shape[] inputShapes(Shape fieldShape) {
        return conditioning == Conditioning.NONE ? new Shape[] {fieldShape}
                : new Shape[] {fieldShape, new Shape(fieldShape.get(0), conditioning.conditionCount())};
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
        return parameterCount(w, Conditioning.NONE);
    }

    /**
     * {@link #parameterCount(int)} of a network with the given conditioning: CHANNELS widens the first
     * convolution's input to 6 + conditions; FILM adds (conditions + 1) * 2 cout per block.
     */
    public static long parameterCount(int w, Conditioning cond) {
        long cin0 = cond == Conditioning.NONE ? 3 : cond.inputChannels() + (cond == Conditioning.CHANNELS ? cond.conditionCount() : 0);
        long film = cond == Conditioning.FILM ? cond.conditionCount() + 1 : 0;
        long[][] convs = { // cin, cout, k, bn
            {cin0, w, 3, 1}, {w, w, 3, 1}, {w, 2L * w, 3, 1}, {2L * w, 2L * w, 3, 1}, {2L * w, 2L * w, 3, 1},
            {2L * w, 4L * w, 3, 1}, {4L * w, 4L * w, 3, 1}, {4L * w, 4L * w, 3, 1},
            {4L * w, 2L * w, 3, 1}, {4L * w, 2L * w, 3, 1}, {2L * w, 2L * w, 3, 1},
            {2L * w, w, 3, 1}, {2L * w, w, 3, 1}, {w, w, 3, 1}, {w, 3, 1, 0}};
        long c = 0;
        for (long[] v : convs) {
            c += v[0] * v[1] * v[2] * v[2] * v[2] + v[1] + 2 * v[1] * v[3];
            if (v[3] == 1 && v[2] == 3 && film > 0) {
                c += film * 2 * v[1];
            }
        }
        if (film > 0) {
            c -= film * 2 * (2L * w + w); // the two up-sampling convolutions' BN have no FiLM
        }
        return c;
    }

    /**
     * Initializes the block for inputs of {@code inputShape} and sets every parameter from a
     * {@link Random} seeded by {@code seed}, so that initial weights do not depend on the engine's RNG:
     * PyTorch's defaults, weights and biases uniform in +-1/sqrt(fan_in) with fan_in = shape[1] *
     * kernel volume of the layer's weight; BN gamma 1, beta 0, running mean 0, running var 1; in a
     * conditioned network the FiLM maps and the 1x1x1 output layer are zero.
     */
    public void initializeDeterministic(NDManager manager, Shape inputShape, long seed) {
        initialize(manager, DataType.FLOAT32, inputShapes(inputShape));
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
            if (p.getKey().contains("film") || (conditioning != Conditioning.NONE && p.getKey().contains("head"))) {
                // FiLM starts as the identity (gamma = beta = 0), and a conditioned network's output layer at
                // zero, so that a new conditioned network predicts exactly 2LPT (ResidualFrame) and learns from there
                java.util.Arrays.fill(v, 0f);
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
