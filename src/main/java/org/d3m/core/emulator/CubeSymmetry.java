package org.d3m.core.emulator;

import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * One of the 48 symmetries of the periodic cube: an axis permutation followed by axis flips
 * (x -&gt; -x mod L, which keeps grid point 0 fixed). Acting on a vector field the symmetry S maps
 * v to v'(x) = S v(S^-1 x): flips negate that component, permutations permute the components.
 * Index = 8 * permutation (0..5) + flip bits (bit a flips output axis a); index 0 is the identity.
 */
public final class CubeSymmetry {

    /** Number of symmetries of the cube. */
    public static final int COUNT = 48;

    private static final int[][] PERMS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    /**
     * The order in which {@link Emulator} averages over symmetries: the first k of it for k
     * symmetries. The identity first, then seven that cover all six axis permutations and several
     * flips (with the shipped width-16 model on 6 unseen seeds this first eight gave a point-wise
     * error of 0.307 of 2LPT's, the eight pure flips 0.310, all 48 0.298, the network alone 0.377),
     * then the rest by index.
     */
    private static final int[] AVERAGING_ORDER = averagingOrder(0, 11, 21, 30, 33, 42, 7, 24);

    private final int index;
    private final int[] perm;
    private final boolean[] flip;

    private CubeSymmetry(int index) {
        this.index = index;
        this.perm = PERMS[index / 8];
        this.flip = new boolean[] {(index & 1) != 0, (index & 2) != 0, (index & 4) != 0};
    }

    /** The symmetry with index 0..47. */
    public static CubeSymmetry of(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("cube symmetry index must be in 0..47, got " + index);
        }
        return new CubeSymmetry(index);
    }

    /** The j-th symmetry (0..47) of the averaging order (see {@link Emulator#setSymmetries}); 0 is the identity. */
    public static CubeSymmetry averaging(int j) {
        if (j < 0 || j >= COUNT) {
            throw new IllegalArgumentException("averaging position must be in 0..47, got " + j);
        }
        return of(AVERAGING_ORDER[j]);
    }

    private static int[] averagingOrder(int... first) {
        int[] order = new int[COUNT];
        boolean[] taken = new boolean[COUNT];
        int m = 0;
        for (int i : first) {
            order[m++] = i;
            taken[i] = true;
        }
        for (int i = 0; i < COUNT; i++) {
            if (!taken[i]) {
                order[m++] = i;
            }
        }
        return order;
    }

    /**
     * The inverse symmetry: {@code inverse().apply(apply(v))} is v. Output axis a of this one reads
     * input axis perm[a] (negated if flip[a]), so the inverse's output axis perm[a] reads axis a,
     * negated likewise.
     */
    public CubeSymmetry inverse() {
        int[] inv = new int[3];
        int bits = 0;
        for (int a = 0; a < 3; a++) {
            inv[perm[a]] = a;
            if (flip[a]) {
                bits |= 1 << perm[a];
            }
        }
        for (int p = 0; p < PERMS.length; p++) {
            if (java.util.Arrays.equals(PERMS[p], inv)) {
                return of(8 * p + bits);
            }
        }
        throw new AssertionError("no permutation " + java.util.Arrays.toString(inv));
    }

    public int index() {
        return index;
    }

    /** Output axis a is input axis {@code permutation()[a]}. */
    public int[] permutation() {
        return perm.clone();
    }

    /** Whether output axis a is flipped. */
    public boolean flipped(int axis) {
        return flip[axis];
    }

    /** The transformed scalar field s'(x) = s(S^-1 x) (new arrays). */
    public ScalarField apply(ScalarField s) {
        float[] out = new float[s.data().length];
        gather(s.data(), out, s.box().n(), 1f, offsets(s.box().n()));
        return new ScalarField(s.box(), out);
    }

    /** The transformed vector field v'(x) = S v(S^-1 x) (new arrays). */
    public VectorField apply(VectorField v) {
        float[][] out = new float[3][v.box().cells()];
        applyInto(v.c(), out, v.box().n());
        return new VectorField(v.box(), out);
    }

    /** Writes the transform of the 3 components {@code in} (each n^3, C order) into {@code out}. */
    public void applyInto(float[][] in, float[][] out, int n) {
        int[][] off = offsets(n);
        for (int a = 0; a < 3; a++) {
            gather(in[perm[a]], out[a], n, flip[a] ? -1f : 1f, off);
        }
    }

    /** off[a][i]: flat-index contribution of output coordinate i along output axis a. */
    private int[][] offsets(int n) {
        int[] strideIn = {n * n, n, 1};
        int[][] off = new int[3][n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                int q = flip[a] ? (n - i) % n : i;
                off[a][i] = q * strideIn[perm[a]];
            }
        }
        return off;
    }

    private static void gather(float[] in, float[] out, int n, float sign, int[][] off) {
        int o = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int base = off[0][i] + off[1][j];
                for (int k = 0; k < n; k++) {
                    out[o++] = sign * in[base + off[2][k]];
                }
            }
        }
    }


    @Override
    public String toString() {
        return "CubeSymmetry(" + index + ": perm " + java.util.Arrays.toString(perm) + ", flips "
                + java.util.Arrays.toString(flip) + ")";
    }
}
