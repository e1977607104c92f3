package org.d3m.core.emulator;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.d3m.core.field.Parallel;

/**
 * Adam as in {@code torch.optim.Adam} (L2 weight decay added to the gradient, not AdamW), kept in
 * plain Java so that its state (step count, first and second moments) is saved in checkpoints
 * exactly; DJL's optimizer state cannot be saved. Per parameter tensor:
 * <pre>
 *   g = grad + wd * p;  m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * Arithmetic in double per element, state in float32 (as PyTorch). Tensors are updated in parallel,
 * each by one thread, so results do not depend on the thread count.
 */
public final class Adam {

    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private long t;
    private final float[][] m;
    private final float[][] v;

    /** @param sizes element count of each parameter tensor, in a fixed order */
    public Adam(long[] sizes, double lr, double beta1, double beta2, double eps, double weightDecay) {
        if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("invalid Adam settings: lr " + lr + ", betas " + beta1 + "/" + beta2
                    + ", eps " + eps + ", weight decay " + weightDecay);
        }
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        m = new float[sizes.length][];
        v = new float[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            m[i] = new float[Math.toIntExact(sizes[i])];
            v[i] = new float[Math.toIntExact(sizes[i])];
        }
    }

    /** The learning rate of the next steps (a schedule sets it before each step). */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + rate);
        }
        this.lr = rate;
    }

    /** The learning rate in use. */
    public double learningRate() {
        return lr;
    }

    /** Steps taken so far. */
    public long steps() {
        return t;
    }

    /** One update of {@code params} in place from {@code grads} (same order and sizes as the constructor). */
    public void step(float[][] params, float[][] grads) {
        if (params.length != m.length || grads.length != m.length) {
            throw new IllegalArgumentException("Adam got " + params.length + " tensors, expects " + m.length);
        }
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, t));
        double stepSize = lr / bc1;
        Parallel.forEach(m.length, 0, i -> {
            float[] p = params[i];
            float[] g = grads[i];
            float[] mi = m[i];
            float[] vi = v[i];
            for (int k = 0; k < p.length; k++) {
                double gk = g[k] + weightDecay * p[k];
                double mk = beta1 * mi[k] + (1 - beta1) * gk;
                double vk = beta2 * vi[k] + (1 - beta2) * gk * gk;
                mi[k] = (float) mk;
                vi[k] = (float) vk;
                p[k] = (float) (p[k] - stepSize * mi[k] / (Math.sqrt(vi[k]) / sqrtBc2 + eps));
            }
        });
    }

    void save(DataOutputStream out) throws IOException {
        out.writeLong(t);
        out.writeInt(m.length);
        for (int i = 0; i < m.length; i++) {
            ParamIO.writeFloats(out, m[i]);
            ParamIO.writeFloats(out, v[i]);
        }
    }

    void load(DataInputStream in) throws IOException {
        long steps = in.readLong();
        if (in.readInt() != m.length) {
            throw new IOException("optimizer state does not match the network");
        }
        for (int i = 0; i < m.length; i++) {
            ParamIO.readFloats(in, m[i]);
            ParamIO.readFloats(in, v[i]);
        }
        t = steps;
    }
}
