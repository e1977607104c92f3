package org.d3m.core.emulator;

/**
 * Receptive field of {@link D3mNet} along one axis, in input voxels, from the layer index maps:
 * a stride-1 3x3x3 block maps output interval [lo, hi] to input [lo-1, hi+1]; a stride-2 block to
 * [2lo-1, 2hi+1]; the up-sampling layer (y[2m] = x[m], y[2m+1] = x[m], x[m+1]) to
 * [floor(lo/2), floor((hi+1)/2)]; pointwise layers keep it; a concat takes the union of both paths.
 * The result is {@link #RADIUS} = 26 voxels (the maximum over the four output phases mod 4; 25 for
 * phase 0), so a tile needs a periodic halo
 * of at least 26 voxels; tiles use {@link #HALO} = 28 (rounded up to a multiple of 4 so that tile
 * origins stay on the stride-4 lattice of the two down-samplings).
 */
public final class ReceptiveField {

    /** Maximum distance [voxels] from an output voxel to an input voxel it depends on. */
    public static final int RADIUS = radius();

    /** Tile halo [voxels]: RADIUS rounded up to a multiple of 4. */
    public static final int HALO = (RADIUS + 3) / 4 * 4;

    private ReceptiveField() {
    }

    /** Input interval {lo, hi} that output voxel interval [lo, hi] depends on. */
    public static int[] inputInterval(int lo, int hi) {
        int[] c0 = conv(conv(new int[] {lo, hi})); // head (1x1), dec2b, dec2a -> concat (up2, x1)
        int[] l1 = up(c0); // up2 output at c0 needs dec1b output at l1
        int[] c1 = conv(conv(l1)); // dec1b, dec1a -> concat (up1, x2)
        int[] l2 = up(c1); // up1 output at c1 needs the bottom output at l2
        int[] x2 = union(c1, down(conv(conv(l2)))); // bottom two blocks, then the stride-2 block from x2
        int[] x1 = union(c0, down(conv(conv(x2)))); // x2 = two blocks after the stride-2 block from x1
        return conv(conv(x1)); // x1 = two blocks on the input
    }

    private static int radius() {
        int r = 0;
        for (int j = 0; j < 4; j++) {
            int[] in = inputInterval(j, j);
            r = Math.max(r, Math.max(j - in[0], in[1] - j));
        }
        return r;
    }

    private static int[] conv(int[] i) {
        return new int[] {i[0] - 1, i[1] + 1};
    }

    private static int[] down(int[] i) {
        return new int[] {2 * i[0] - 1, 2 * i[1] + 1};
    }

    private static int[] up(int[] i) {
        return new int[] {Math.floorDiv(i[0], 2), Math.floorDiv(i[1] + 1, 2)};
    }

    private static int[] union(int[] a, int[] b) {
        return new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }
}
