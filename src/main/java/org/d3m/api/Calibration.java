package org.d3m.api;

import net.imglib2.Interval;

/**
 * The calibration of a field image, kept beside it (imglib2 core has no calibration type; ImageJ2's
 * lives in imagej-common): the edge of a cubic voxel in Mpc/h and the axis order.
 *
 * <p>Axes are {@value #SCALAR} for a scalar field (a density contrast, dimensionless) and
 * {@value #VECTOR} for a displacement [Mpc/h], c = 0, 1, 2 being the x, y and z components. Voxel
 * (0, 0, 0) is the grid point at the origin, so the box side is {@code voxelSize * n} for an
 * n^3 grid. The same convention holds for ImageJ 1 stacks ({@code StackImgs}) and for the
 * calibration of the images the commands show (pixelWidth = pixelHeight = pixelDepth = voxel
 * size, unit {@value #UNIT}).
 *
 * @param voxelSize edge of a voxel [Mpc/h] (box side / grid), &gt; 0
 * @param axes      {@value #SCALAR} or {@value #VECTOR}
 */
public record Calibration(double voxelSize, String axes) {

    /** The unit of {@link #voxelSize}. */
    public static final String UNIT = "Mpc/h";
    /** Axes of a scalar field. */
    public static final String SCALAR = "xyz";
    /** Axes of a displacement: x, y, z, then the component. */
    public static final String VECTOR = "xyzc";

    public Calibration {
        if (!(voxelSize > 0) || Double.isInfinite(voxelSize)) {
            throw new IllegalArgumentException("voxel size must be > 0 Mpc/h, got " + voxelSize);
        }
        if (!SCALAR.equals(axes) && !VECTOR.equals(axes)) {
            throw new IllegalArgumentException("axes must be " + SCALAR + " or " + VECTOR + ", got '" + axes + "'");
        }
    }

    /** The calibration of a field on a box of side {@code boxSize} [Mpc/h] with {@code grid}^3 points. */
    public static Calibration of(double boxSize, int grid, boolean vector) {
        return new Calibration(boxSize / grid, vector ? VECTOR : SCALAR);
    }

    /** True for a displacement ({@value #VECTOR}). */
    public boolean vector() {
        return VECTOR.equals(axes);
    }

    /** Box side [Mpc/h] of an image with this calibration: voxel size times its extent along x. */
    public double boxSize(Interval image) {
        return voxelSize * image.dimension(0);
    }
}
