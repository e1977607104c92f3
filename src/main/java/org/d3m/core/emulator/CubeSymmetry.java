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
