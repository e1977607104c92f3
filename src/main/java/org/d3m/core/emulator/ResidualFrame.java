package org.d3m.core.emulator;

import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.Lpt;
import org.d3m.core.ic.LptKernel;

/**
 * The units in which a conditioned D3M network ({@link Conditioning#FILM}, {@link Conditioning#CHANNELS})
 * sees one field, so that one network serves fields from nearly linear to strongly non-linear.
 *
 * <p>From the ZA displacement alone: the linear density delta behind it ({@link Lpt#deltaKFromPsi1}),
 * its amplitude {@code s = rms(delta) / }{@link #REF_DENSITY} (1 for the paper's Planck 2015 field at
 * z = 0 on its 4 Mpc/h grid; the rms of delta is set by the smallest scales, so it hardly depends on
 * the seed or the box), the length unit {@code u = }{@link #REF_DISPLACEMENT}{@code  s} [Mpc/h] and
 * the 2LPT displacement. Then
 * <pre>
 *   input  = ( ZA / u ,  (2LPT - ZA) / (0.1 u s) )        6 channels, each of order 1
 *   output: Psi = 2LPT + 0.05 u net                       net of order 1
 *   conditions = ( (Omega_m - 0.3) / 0.15 ,  ln s ,  z - 0.6 )
 * </pre>
 * The network learns the correction to 2LPT. Measured on the training set (Omega_m 0.09-0.55, A_s
 * 0.16-2 times Planck's, z 0-1.2): the rms of (FastPM - 2LPT) / u is 0.03 for nearly linear fields
 * (s = 0.1-0.25: it does not vanish, since FastPM's force mesh makes its own small-scale linear growth,
 * a linear filter of ZA, not third-order terms alone) and rises to 0.14 at s = 1.35; the factor 0.05 u
 * keeps the network's output of order one over that range. The second-order term scales as u s, hence
 * its factor. Training weights each sample by 1 / its 2LPT error (see {@link Trainer}), so the loss is
 * the squared ratio of the network's error to 2LPT's, the quantity the emulator is judged by.
 *
 * <p>These constants are part of a trained model: changing them invalidates it.
 */
public final class ResidualFrame {

    /** Input channels: ZA and the second-order term, 3 each. */
    public static final int CHANNELS = 6;
    /** Length of the condition vector. */
    public static final int CONDITIONS = 3;
    /** rms linear density on the paper's grid (128 Mpc/h, 32^3, FastPM kernel), Planck 2015, z = 0. */
    public static final double REF_DENSITY = 1.85;
    /** Typical ZA displacement rms [Mpc/h] of that field. */
    public static final double REF_DISPLACEMENT = 8.0;
    /** The second-order input channels are (2LPT - ZA) / (SECOND_ORDER u s). */
    public static final double SECOND_ORDER = 0.1;
    /** The network's output is (Psi - 2LPT) / (CORRECTION u). */
    public static final double CORRECTION = 0.05;

    private final VectorField za;
    private final VectorField lpt2;
    private final double s;
    private final float[] conditions;

    private ResidualFrame(VectorField za, VectorField lpt2, double s, float[] conditions) {
        this.za = za;
        this.lpt2 = lpt2;
        this.s = s;
        this.conditions = conditions;
    }

    /**
     * The frame of a ZA displacement at redshift z of a flat cosmology with this Omega_m: 2LPT is
     * computed from ZA with FastPM's kernel (3 + 13 FFTs).
     */
    public static ResidualFrame of(VectorField za, double omegaM, double redshift, int threads) {
        GrowthFactors g = GrowthFactors.of(omegaM);
        double a = 1 / (1 + redshift);
        double d1 = g.d1(a);
        double r = LptKernel.FASTPM.secondOrderGrowth(g, a) / (d1 * d1);
        Lpt lpt = new Lpt(za.box(), threads, LptKernel.FASTPM);
        float[] deltaK = lpt.deltaKFromPsi1(za);
        VectorField lpt2 = lpt.secondOrderFromZa(za, r);
        double s = amplitude(deltaK, lpt);
        return new ResidualFrame(za, lpt2, s, conditions(omegaM, redshift, s));
    }

    /** The frame of a training sample, with its stored 2LPT field (its params must hold Omega_m and z). */
    public static ResidualFrame of(Sample sample, int threads) {
        if (sample.lpt2() == null || !sample.params().containsKey(Sample.OMEGA_M)
                || !sample.params().containsKey(Sample.REDSHIFT)) {
            throw new IllegalArgumentException("a conditioned network trains on samples with 2LPT, omega_m and redshift:"
                    + " make the dataset again with this version's make-dataset");
        }
        Lpt lpt = new Lpt(sample.za().box(), threads, LptKernel.FASTPM);
        double s = amplitude(lpt.deltaKFromPsi1(sample.za()), lpt);
        return new ResidualFrame(sample.za(), sample.lpt2(), s,
                conditions(sample.params().get(Sample.OMEGA_M), sample.params().get(Sample.REDSHIFT), s));
    }

    /** rms of the linear density of a half-complex spectrum, over {@link #REF_DENSITY}. */
    static double amplitude(float[] deltaK, Lpt lpt) {
        float[] d = lpt.density(deltaK);
        double sum = 0;
        for (float v : d) {
            sum += (double) v * v;
        }
        double s = Math.sqrt(sum / d.length) / REF_DENSITY;
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("the ZA field has no linear density (all zero or not finite)");
        }
        return s;
    }

    /** The condition vector of a field: ((Omega_m - 0.3) / 0.15, ln s, z - 0.6). */
    public static float[] conditions(double omegaM, double redshift, double s) {
        return new float[] {(float) ((omegaM - 0.3) / 0.15), (float) Math.log(s), (float) (redshift - 0.6)};
    }

    /** Amplitude s of the field (1 for the paper's field at z = 0). */
    public double amplitude() {
        return s;
    }

    /** The length unit u = REF_DISPLACEMENT s [Mpc/h]. */
    public double unit() {
        return REF_DISPLACEMENT * s;
    }

    public float[] conditions() {
        return conditions.clone();
    }

    /** The 2LPT displacement [Mpc/h] the network corrects. */
    public VectorField lpt2() {
        return lpt2;
    }

    public VectorField za() {
        return za;
    }

    /** The network input, 6 components of n^3: ZA / u, then (2LPT - ZA) / (SECOND_ORDER u s). */
    public float[][] input() {
        double u = unit();
        Box box = za.box();
        float[][] x = new float[CHANNELS][];
        for (int d = 0; d < 3; d++) {
            float[] z = za.c()[d];
            float[] l = lpt2.c()[d];
            float[] a = new float[z.length];
            float[] b = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                a[i] = (float) (z[i] / u);
                b[i] = (float) (box.wrapCentered(l[i] - z[i]) / (SECOND_ORDER * u * s));
            }
            x[d] = a;
            x[3 + d] = b;
        }
        return x;
    }

    /** The training target for a true displacement: (truth - 2LPT) / (CORRECTION u), 3 components. */
    public float[][] target(VectorField truth) {
        double scale = CORRECTION * unit();
        Box box = za.box();
        float[][] y = new float[3][];
        for (int d = 0; d < 3; d++) {
            float[] t = truth.c()[d];
            float[] l = lpt2.c()[d];
            float[] o = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                o[i] = (float) (box.wrapCentered(t[i] - l[i]) / scale);
            }
            y[d] = o;
        }
        return y;
    }

    /** The displacement [Mpc/h] for a network output in frame units: 2LPT + CORRECTION u net, wrapped. */
    public VectorField displacement(float[][] net) {
        double scale = CORRECTION * unit();
        Box box = za.box();
        float[][] c = new float[3][];
        for (int d = 0; d < 3; d++) {
            float[] l = lpt2.c()[d];
            float[] o = new float[l.length];
            for (int i = 0; i < l.length; i++) {
                o[i] = (float) box.wrapCentered(l[i] + scale * net[d][i]);
            }
            c[d] = o;
        }
        return new VectorField(box, c);
    }
}
