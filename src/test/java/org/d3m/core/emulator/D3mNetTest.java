package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Architecture tests of {@link D3mNet}, {@link PhaseUpConv3d} and {@link PeriodicPad}. */
class D3mNetTest {

    static NDManager manager;

    @BeforeAll
    static void start() {
        manager = DjlRuntime.engine().newBaseManager(ai.djl.Device.cpu());
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    static float[] random(int size, long seed) {
        Random r = new Random(seed);
        float[] v = new float[size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    static float[] forward(D3mNet net, float[] input, int batch, int n, boolean training) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(input, new Shape(batch, 3, n, n, n));
            return net.forward(new ParameterStore(sub, false), new NDList(x), training).singletonOrThrow()
                    .toFloatArray();
        }
    }

    static D3mNet net(int width, int n, long seed) {
        D3mNet net = new D3mNet(width, false);
        net.initializeDeterministic(manager, new Shape(1, 3, n, n, n), seed);
        return net;
    }

    @Test
    void parameterCountAtPaperWidthIs8415939() {
        assertEquals(8_415_939L, D3mNet.parameterCount(64));
        D3mNet net = new D3mNet(64, false);
        try (NDManager m = manager.newSubManager()) {
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 3, 4, 4, 4));
            assertEquals(8_415_939L, net.trainableParameterCount());
        }
        assertEquals(D3mNet.parameterCount(4), net(4, 8, 1).trainableParameterCount());
    }

    @Test
    void outputShapeMatchesInput() {
        D3mNet net = net(4, 16, 2);
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(random(2 * 3 * 16 * 16 * 16, 3), new Shape(2, 3, 16, 16, 16));
            NDArray y = net.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(2, 3, 16, 16, 16), y.getShape());
        }
    }

    @Test
    void phaseUpConvEqualsNaivePaddedTransposedConvolution() {
        int nb = 2;
        int cin = 3;
        int cout = 2;
        int[] n = {4, 6, 2};
        PhaseUpConv3d up = new PhaseUpConv3d(cout);
        up.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(nb, cin, n[0], n[1], n[2]));
        float[] w = random(cin * cout * 27, 5);
        float[] b = random(cout, 6);
        up.getParameters().get("weight").getArray().set(w);
        up.getParameters().get("bias").getArray().set(b);
        float[] x = random(nb * cin * n[0] * n[1] * n[2], 7);
        float[] got;
        try (NDManager sub = manager.newSubManager()) {
            NDArray in = sub.create(x, new Shape(nb, cin, n[0], n[1], n[2]));
            NDArray y = up.forward(new ParameterStore(sub, false), new NDList(in), false).singletonOrThrow();
            assertEquals(new Shape(nb, cout, 2 * n[0], 2 * n[1], 2 * n[2]), y.getShape());
            got = y.toFloatArray();
        }
        float[] want = naiveUp(x, w, b, nb, cin, cout, n);
        assertArrayEquals(want, got, 1e-5f);
    }

    /** The paper's recipe literally: pad high side by 1 (periodic), ConvTranspose3d(k3, s2), crop 1..2n. */
    static float[] naiveUp(float[] x, float[] w, float[] b, int nb, int cin, int cout, int[] n) {
        int[] p = {n[0] + 1, n[1] + 1, n[2] + 1};
        int[] full = {2 * (p[0] - 1) + 3, 2 * (p[1] - 1) + 3, 2 * (p[2] - 1) + 3};
        int[] o = {2 * n[0], 2 * n[1], 2 * n[2]};
        float[] out = new float[nb * cout * o[0] * o[1] * o[2]];
        for (int s = 0; s < nb; s++) {
            for (int co = 0; co < cout; co++) {
                double[] acc = new double[full[0] * full[1] * full[2]];
                for (int ci = 0; ci < cin; ci++) {
                    for (int i = 0; i < p[0]; i++) {
                        for (int j = 0; j < p[1]; j++) {
                            for (int k = 0; k < p[2]; k++) {
                                float v = x[(((s * cin + ci) * n[0] + i % n[0]) * n[1] + j % n[1]) * n[2] + k % n[2]];
                                for (int a = 0; a < 3; a++) {
                                    for (int bb = 0; bb < 3; bb++) {
                                        for (int c = 0; c < 3; c++) {
                                            float wv = w[(((ci * cout + co) * 3 + a) * 3 + bb) * 3 + c];
                                            acc[((2 * i + a) * full[1] + 2 * j + bb) * full[2] + 2 * k + c] += v * wv;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                for (int i = 0; i < o[0]; i++) {
                    for (int j = 0; j < o[1]; j++) {
                        for (int k = 0; k < o[2]; k++) {
                            out[(((s * cout + co) * o[0] + i) * o[1] + j) * o[2] + k] =
                                    (float) (acc[((i + 1) * full[1] + j + 1) * full[2] + k + 1] + b[co]);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void periodicShiftByMultipleOfFourShiftsTheOutput() {
        int n = 16;
        D3mNet net = net(4, n, 8);
        float[] x = random(3 * n * n * n, 9);
        // a few training passes so that the BN running statistics are not trivial
        forward(net, random(3 * n * n * n, 10), 1, n, true);
        int[] shift = {4, 8, 12};
        float[] y = forward(net, x, 1, n, false);
        float[] ys = forward(net, roll(x, n, shift), 1, n, false);
        float[] yRolled = roll(y, n, shift);
        double max = 0;
        for (float v : y) {
            max = Math.max(max, Math.abs(v));
        }
        for (int i = 0; i < y.length; i++) {
            assertEquals(yRolled[i], ys[i], 2e-6 * max, "voxel " + i);
        }
    }

    /** Periodic roll of a (C, n, n, n) array: out[c][i + s] = in[c][i]. */
    static float[] roll(float[] v, int n, int[] s) {
        float[] out = new float[v.length];
        int cells = n * n * n;
        for (int c = 0; c < v.length / cells; c++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        out[c * cells + (((i + s[0]) % n) * n + (j + s[1]) % n) * n + (k + s[2]) % n] =
                                v[c * cells + (i * n + j) * n + k];
                    }
                }
            }
        }
        return out;
    }

    @Test
    void evalModeUsesRunningStatisticsAndLeavesThemUnchanged() {
        int n = 8;
        D3mNet net = net(4, n, 11);
        forward(net, random(2 * 3 * n * n * n, 12), 2, n, true); // training: updates running stats
        float[] before = runningStats(net);
        float[] a = random(3 * n * n * n, 13);
        float[] b = random(3 * n * n * n, 14);
        float[] alone = forward(net, a, 1, n, false);
        float[] pair = forward(net, concat(a, b), 2, n, false);
        // batch statistics would couple the two samples; running statistics do not
        for (int i = 0; i < alone.length; i++) {
            assertEquals(alone[i], pair[i], 1e-5 * (1 + Math.abs(alone[i])));
        }
        assertArrayEquals(before, runningStats(net), 0f);
        float[] train = forward(net, a, 1, n, true);
        assertTrue(maxDiff(train, alone) > 1e-3, "training mode must differ (batch statistics)");
        assertTrue(maxDiff(before, runningStats(net)) > 0, "training mode updates running statistics");
    }

    static float[] runningStats(D3mNet net) {
        java.util.List<Float> v = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter.Type t = p.getValue().getType();
            if (t == Parameter.Type.RUNNING_MEAN || t == Parameter.Type.RUNNING_VAR) {
                for (float f : p.getValue().getArray().toFloatArray()) {
                    v.add(f);
                }
            }
        }
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        assertTrue(out.length > 0);
        return out;
    }

    static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void receptiveFieldIsTwentySixVoxelsAndBoundsTheResponse() {
        assertEquals(26, ReceptiveField.RADIUS);
        assertEquals(28, ReceptiveField.HALO);
        int n = 64;
        D3mNet net = net(4, n, 15);
        float[] x = random(3 * n * n * n, 16);
        float[] y0 = forward(net, x, 1, n, false);
        int[] p = {29, 34, 35};
        for (int c = 0; c < 3; c++) {
            x[c * n * n * n + (p[0] * n + p[1]) * n + p[2]] += 5f;
        }
        float[] y1 = forward(net, x, 1, n, false);
        int changedFar = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        int idx = c * n * n * n + (i * n + j) * n + k;
                        boolean inside = depends(i, p[0]) && depends(j, p[1]) && depends(k, p[2]);
                        double d = Math.abs(y1[idx] - y0[idx]);
                        if (!inside) {
                            assertEquals(0.0, d, 1e-5, "output " + i + "," + j + "," + k + " outside the field");
                        } else if (Math.abs(i - p[0]) >= 20 && d > 0) {
                            changedFar++;
                        }
                    }
                }
            }
        }
        assertTrue(changedFar > 0, "the response should reach at least 20 voxels");
    }

    /** Whether output voxel o can depend on input voxel p along one axis. */
    static boolean depends(int o, int p) {
        int[] in = ReceptiveField.inputInterval(o, o);
        return p >= in[0] && p <= in[1];
    }
}
