package org.d3m.ij.fields;

import java.awt.image.IndexColorModel;
import java.util.Arrays;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.plugin.LutLoader;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;

import org.d3m.core.field.Box;
import org.d3m.core.field.FieldChecks;
import org.d3m.core.field.Parallel;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;

/**
 * The one place that turns core fields into ImageJ images and back.
 *
 * <p><b>Layout.</b> Core arrays are C order over (x, y, z), z fastest: value (ix, iy, iz) at
 * {@code (ix*n + iy)*n + iz}. An ImageJ stack has one slice per z and, inside a slice, x fastest:
 * pixel (x, y) of slice z at {@code y*n + x}. So conversion transposes (a copy): slice iz, pixel
 * (ix, iy) = core (ix, iy, iz). Image x is core x, image y is core y, the slider is z.
 *
 * <p><b>Calibration.</b> pixelWidth = pixelHeight = pixelDepth = cell size L/n [Mpc/h], unit
 * "Mpc/h", origin 0, so the TIFF carries the box size (voxel size * n). Provenance text goes
 * in the "Info" property. A vector field is a {@link CompositeImage} in XYCZT order with three
 * channels (the x, y, z components), grayscale, each with a symmetric display range.
 */
public final class FieldImages {

    /** The calibration unit of every field image. */
    public static final String UNIT = "Mpc/h";
    /** Floor applied to 1 + delta before log10 in {@link #logDensity} (empty CIC cells). */
    public static final double LOG_FLOOR = 1e-3;
    /** Fraction of values clipped at each end by the default display range. */
    public static final double CLIP = 0.005;

    private FieldImages() {
    }

    /** A 32-bit stack (n slices, slice = z) of a scalar field, calibrated, Fire LUT, given title. */
    public static ImagePlus scalar(ScalarField f, String title, String info) {
        Box box = f.box();
        ImagePlus imp = new ImagePlus(title, toStack(box, f.data()));
        calibrate(imp, box);
        if (info != null) {
            imp.setProperty("Info", info);
        }
        IndexColorModel fire = LutLoader.getLut("fire");
        if (fire != null) {
            imp.getProcessor().setColorModel(fire);
            imp.getStack().setColorModel(fire);
        }
        double[] r = range(f.data(), false);
        imp.setDisplayRange(r[0], r[1]);
        return imp;
    }

    /**
     * A 3-channel composite hyperstack (XYCZT: c = component x, y, z; n z-slices; 1 frame) of a
     * vector field, calibrated, grayscale channels with a symmetric range each.
     */
    public static CompositeImage vector(VectorField v, String title, String info) {
        Box box = v.box();
        int n = box.n();
        ImageStack[] comps = new ImageStack[3];
        for (int c = 0; c < 3; c++) {
            comps[c] = toStack(box, v.c()[c]);
        }
        ImageStack stack = new ImageStack(n, n);
        for (int z = 0; z < n; z++) {
            for (int c = 0; c < 3; c++) {
                stack.addSlice(sliceLabel((char) ('x' + c), z, box.cell()), comps[c].getProcessor(z + 1));
            }
        }
        ImagePlus imp = new ImagePlus(title, stack);
        imp.setDimensions(3, n, 1);
        imp.setOpenAsHyperStack(true);
        calibrate(imp, box);
        if (info != null) {
            imp.setProperty("Info", info);
        }
        CompositeImage ci = new CompositeImage(imp, CompositeImage.GRAYSCALE);
        for (int c = 0; c < 3; c++) {
            double[] r = range(v.c()[c], true);
            LUT lut = LUT.createLutFromColor(java.awt.Color.white);
            lut.min = r[0];
            lut.max = r[1];
            ci.setChannelLut(lut, c + 1);
        }
        ci.setPosition(1, 1, 1);
        double[] r0 = range(v.c()[0], true);
        ci.setDisplayRange(r0[0], r0[1]);
        ci.setProperty("Info", imp.getProperty("Info"));
        return ci;
    }

    /**
     * A derived view log10(max(1 + delta, {@value #LOG_FLOOR})) of a density contrast field
     * (LUTs are linear, so a log view needs its own image), titled {@code title}. Its display
     * range is the {@value #CLIP} and 1 - {@value #CLIP} quantiles of the occupied cells (1 + delta
     * above the floor): the empty cells, often a large part of a CIC mesh, sit at the floor and
     * would otherwise set the low end and wash the image out.
     */
    public static ImagePlus logDensity(ScalarField delta, String title, String info) {
        float[] src = delta.data();
        float[] out = new float[src.length];
        Parallel.forEach(out.length, 0, i -> out[i] = (float) Math.log10(Math.max(1.0 + src[i], LOG_FLOOR)));
        ImagePlus imp = scalar(new ScalarField(delta.box(), out), title, info);
        double[] r = occupiedRange(out);
        imp.setDisplayRange(r[0], r[1]);
        return imp;
    }

    /** The display range of a log-density view from its cells above the floor (all cells if none is). */
    static double[] occupiedRange(float[] logDensity) {
        float floor = (float) Math.log10(LOG_FLOOR);
        int count = 0;
        for (float v : logDensity) {
            if (v > floor) {
                count++;
            }
        }
        if (count == 0) {
            return range(logDensity, false);
        }
        float[] occupied = new float[count];
        int j = 0;
        for (float v : logDensity) {
            if (v > floor) {
                occupied[j++] = v;
            }
        }
        return range(occupied, false);
    }

    /**
     * The scalar field of a single-channel n x n x n image. The box size comes from a Mpc/h
     * calibration (pixelWidth * n); an uncalibrated image uses {@code boxSize} [Mpc/h], which
     * must then be &gt; 0. Any bit depth is read as float. Every value must be finite
     * ({@link FieldChecks}).
     */
    public static ScalarField toScalar(ImagePlus imp, double boxSize) {
        int n = imp.getWidth();
        if (imp.getNChannels() != 1 || imp.getNFrames() != 1 || imp.getHeight() != n || imp.getNSlices() != n) {
            throw new IllegalArgumentException("image '" + imp.getTitle() + "' must be a single-channel stack of n^3 with n = width, got "
                    + shape(imp));
        }
        Box box = new Box(boxSize(imp, boxSize), n);
        ScalarField f = new ScalarField(box, fromStack(imp.getStack(), n, 1, 0));
        return FieldChecks.requireFinite(f, "image '" + imp.getTitle() + "'");
    }

    /**
     * The vector field of a 3-channel n x n x n hyperstack (channel = component x, y, z). The box
     * size is found as in {@link #toScalar}. Every value must be finite and |Psi| &lt;= box size
     * ({@link FieldChecks}).
     */
    public static VectorField toVector(ImagePlus imp, double boxSize) {
        int n = imp.getWidth();
        if (imp.getNChannels() != 3 || imp.getNFrames() != 1 || imp.getHeight() != n || imp.getNSlices() != n) {
            throw new IllegalArgumentException("image '" + imp.getTitle()
                    + "' must be a 3-channel stack of n^3 (components x, y, z), got " + shape(imp));
        }
        Box box = new Box(boxSize(imp, boxSize), n);
        float[][] c = new float[3][];
        for (int k = 0; k < 3; k++) {
            c[k] = fromStack(imp.getStack(), n, 3, k);
        }
        return FieldChecks.requireDisplacement(new VectorField(box, c), "image '" + imp.getTitle() + "'");
    }

    /** "WxHxD, C channels, T frames" for error messages. */
    static String shape(ImagePlus imp) {
        return imp.getWidth() + "x" + imp.getHeight() + "x" + imp.getNSlices() + " with " + imp.getNChannels()
                + " channel" + (imp.getNChannels() == 1 ? "" : "s") + (imp.getNFrames() > 1 ? " and " + imp.getNFrames() + " frames" : "");
    }

    private static double boxSize(ImagePlus imp, double fallback) {
        Calibration cal = imp.getCalibration();
        if (cal.scaled() && UNIT.equals(cal.getUnit())) {
            double pw = cal.pixelWidth;
            if (Math.abs(cal.pixelHeight - pw) > 1e-9 * pw || Math.abs(cal.pixelDepth - pw) > 1e-9 * pw) {
                throw new IllegalArgumentException("image '" + imp.getTitle() + "' has non-cubic voxels "
                        + pw + " x " + cal.pixelHeight + " x " + cal.pixelDepth + " Mpc/h");
            }
            return pw * imp.getWidth();
        }
        if (fallback > 0) {
            return fallback;
        }
        throw new IllegalArgumentException("image '" + imp.getTitle() + "' is not calibrated in " + UNIT
                + "; give box_size");
    }

    /** Sets pixel size L/n in all three directions, unit Mpc/h, origin 0. */
    public static void calibrate(ImagePlus imp, Box box) {
        Calibration cal = new Calibration(imp);
        cal.pixelWidth = cal.pixelHeight = cal.pixelDepth = box.cell();
        cal.setUnit(UNIT);
        cal.xOrigin = cal.yOrigin = cal.zOrigin = 0;
        imp.setCalibration(cal);
    }

    /**
     * A slice's label: its comoving position along z [Mpc/h] (the slice's grid points, origin 0),
     * after the component for a vector field: "60 Mpc/h", "x, 60 Mpc/h". Not "z=15", which beside a
     * title's "z=0" reads as a redshift.
     *
     * @param component 'x', 'y' or 'z' for a vector field's channel, null for a scalar field
     * @param cell grid spacing [Mpc/h]
     */
    public static String sliceLabel(Character component, int iz, double cell) {
        double pos = Math.round(iz * cell * 1000) / 1000.0;
        String p = pos == Math.rint(pos) ? Long.toString((long) pos) : Double.toString(pos);
        return (component == null ? "" : component + ", ") + p + " " + UNIT;
    }

    /** Core C-order data to n slices (transposing: slice z, pixel (x, y) = core (x, y, z)). */
    static ImageStack toStack(Box box, float[] data) {
        int n = box.n();
        float[][] slices = new float[n][n * n];
        Parallel.forEach(n, 0, iz -> {
            float[] s = slices[iz];
            for (int iy = 0; iy < n; iy++) {
                for (int ix = 0; ix < n; ix++) {
                    s[iy * n + ix] = data[(ix * n + iy) * n + iz];
                }
            }
        });
        ImageStack stack = new ImageStack(n, n);
        for (int iz = 0; iz < n; iz++) {
            stack.addSlice(sliceLabel(null, iz, box.cell()), new FloatProcessor(n, n, slices[iz]));
        }
        return stack;
    }

    /** Channel {@code c} of an n^3 stack with {@code nc} interleaved channels, in core C order. */
    static float[] fromStack(ImageStack stack, int n, int nc, int c) {
        float[] out = new float[n * n * n];
        Parallel.forEach(n, 0, iz -> {
            ImageProcessor ip = stack.getProcessor(iz * nc + c + 1);
            for (int iy = 0; iy < n; iy++) {
                for (int ix = 0; ix < n; ix++) {
                    out[(ix * n + iy) * n + iz] = ip.getf(ix, iy);
                }
            }
        });
        return out;
    }

    /**
     * Display range: the {@value #CLIP} and 1 - {@value #CLIP} quantiles of a subsample (at most
     * 2^16 values, a fixed stride, so deterministic); symmetric about 0 when {@code symmetric}.
     */
    static double[] range(float[] data, boolean symmetric) {
        int stride = Math.max(1, data.length >> 16);
        int m = (data.length + stride - 1) / stride;
        double[] s = new double[m];
        for (int i = 0, j = 0; j < m; i += stride, j++) {
            s[j] = symmetric ? Math.abs(data[i]) : data[i];
        }
        Arrays.sort(s);
        double hi = s[Math.min(m - 1, (int) Math.floor((1 - CLIP) * (m - 1)))];
        double lo = symmetric ? -hi : s[(int) Math.ceil(CLIP * (m - 1))];
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }
}
