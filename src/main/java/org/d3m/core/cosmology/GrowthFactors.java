package org.d3m.core.cosmology;


/**
 * First- and second-order growth factors of flat LCDM (no radiation), as FastPM and 2LPT need them.
 *
 * <p>Solves, in x = ln a with ' = d/dln a,
 * <pre>
 *   D1'' + (2 + dlnE/dlna) D1' - 1.5 Om(a) D1 = 0
 *   D2'' + (2 + dlnE/dlna) D2' - 1.5 Om(a) D2 = -1.5 Om(a) D1^2
 * </pre>
 * from a = e^-12 (deep in matter domination) with the growing modes D1 = a, D1' = a,
 * D2 = -3/7 a^2, D2' = -6/7 a^2, by classical RK4 with 2048 steps per e-fold. The solution and its
 * derivative (exact, from the ODE) are stored at every step and read back by cubic Hermite
 * interpolation, so values are accurate to ~1e-10 relative; a = 1 lies on a node.
 *
 * <p>Normalisations: {@link #d1EarlyNorm} is the raw solution (D1 -&gt; a at early times);
 * {@link #d1} divides by D1_raw(1) so that D1(1) = 1; {@link #d2} divides by D1_raw(1)^2 so that
 * x = q + d1(a) Psi1 + d2(a) Psi2 holds with Psi1, Psi2 computed from the z = 0 linear field.
 * Valid for a in [{@link #aMin()}, {@link #aMax()}] = [6.1e-6, 2.117]; outside, methods throw.
 */
public final class GrowthFactors {

    private static final int STEPS_PER_EFOLD = 2048;
    private static final double X_MIN = -12.0;
    private static final double X_MAX = 0.75;
    private static final int I_MIN = (int) Math.round(X_MIN * STEPS_PER_EFOLD);
    private static final int I_MAX = (int) Math.round(X_MAX * STEPS_PER_EFOLD);
    private static final double H = 1.0 / STEPS_PER_EFOLD;

    /** Most recently used tables kept (1.7 MB each): a training set draws a new Omega_m per sample. */
    static final int CACHE_SIZE = 16;
    private static final java.util.Map<Double, GrowthFactors> CACHE = new java.util.LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Double, GrowthFactors> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final Background bg;
    private final double omegaM;
    /** State at node i: D1, D1', D2, D2' (primes d/dln a), raw (early-time) normalisation. */
    private final double[][] y;
    /** Their ln-a derivatives at node i, from the ODE right-hand side. */
    private final double[][] dy;
    private final double d1Today;

    private GrowthFactors(double omegaM) {
        this.omegaM = omegaM;
        this.bg = new Background(omegaM);
        int n = I_MAX - I_MIN + 1;
        y = new double[4][n];
        dy = new double[4][n];
        double a0 = Math.exp(X_MIN);
        double[] s = {a0, a0, -3.0 / 7.0 * a0 * a0, -6.0 / 7.0 * a0 * a0};
        for (int i = 0; i < n; i++) {
            double x = (I_MIN + i) * H;
            double[] d = rhs(x, s);
            for (int v = 0; v < 4; v++) {
                y[v][i] = s[v];
                dy[v][i] = d[v];
            }
            if (i + 1 < n) {
                s = rk4Step(x, s, d);
            }
        }
        d1Today = y[0][-I_MIN];
    }

    /**
     * The growth factors for this Omega_m (the last {@link #CACHE_SIZE} are cached; thread-safe).
     * Omega_m in (0, 1].
     */
    public static GrowthFactors of(double omegaM) {
        if (!(omegaM > 0 && omegaM <= 1)) {
            throw new IllegalArgumentException("omega_m must be in (0, 1], got " + omegaM);
        }
        synchronized (CACHE) {
            GrowthFactors g = CACHE.get(omegaM);
            if (g != null) {
                return g;
            }
        }
        GrowthFactors g = new GrowthFactors(omegaM); // solved outside the lock; a racing twin is harmless
        synchronized (CACHE) {
            GrowthFactors had = CACHE.putIfAbsent(omegaM, g);
            return had != null ? had : g;
        }
    }

    /** Tables now cached (for tests of the bound). */
    static int cached() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    private double[] rhs(double x, double[] s) {
        double a = Math.exp(x);
        double om = bg.omegaM(a);
        double friction = 2 + bg.dlnEdlna(a);
        return new double[] {
            s[1],
            -friction * s[1] + 1.5 * om * s[0],
            s[3],
            -friction * s[3] + 1.5 * om * s[2] - 1.5 * om * s[0] * s[0]
        };
    }

    private double[] rk4Step(double x, double[] s, double[] k1) {
        double[] k2 = rhs(x + H / 2, add(s, k1, H / 2));
        double[] k3 = rhs(x + H / 2, add(s, k2, H / 2));
        double[] k4 = rhs(x + H, add(s, k3, H));
        double[] out = new double[4];
        for (int v = 0; v < 4; v++) {
            out[v] = s[v] + H / 6 * (k1[v] + 2 * k2[v] + 2 * k3[v] + k4[v]);
        }
        return out;
    }

    private static double[] add(double[] s, double[] k, double step) {
        double[] out = new double[s.length];
        for (int v = 0; v < s.length; v++) {
            out[v] = s[v] + step * k[v];
        }
        return out;
    }

    /** Cubic Hermite interpolation of variable v at ln a = x. */
    private double interp(int v, double a) {
        if (!(a >= aMin() && a <= aMax())) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "scale factor a = %s outside the tabulated growth range [%.4g, %.4g]", a, aMin(), aMax()));
        }
        double u = Math.log(a) / H - I_MIN;
        int i = (int) Math.floor(u);
        if (i >= y[v].length - 1) {
            i = y[v].length - 2;
        }
        if (i < 0) {
            i = 0;
        }
        double t = u - i;
        double t2 = t * t;
        double t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = t3 - 2 * t2 + t;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = t3 - t2;
        return h00 * y[v][i] + h10 * H * dy[v][i] + h01 * y[v][i + 1] + h11 * H * dy[v][i + 1];
    }

    /** Smallest tabulated scale factor, e^-12 ~ 6.1e-6. */
    public double aMin() {
        return Math.exp(I_MIN * H);
    }

    /** Largest tabulated scale factor, e^0.75 ~ 2.117. */
    public double aMax() {
        return Math.exp(I_MAX * H);
    }

    /** Omega_m today of this solution. */
    public double omegaM() {
        return omegaM;
    }

    /** The background this solution uses. */
    public Background background() {
        return bg;
    }

    /** Linear growth D1(a), normalised to D1(1) = 1. */
    public double d1(double a) {
        return interp(0, a) / d1Today;
    }

    /** Linear growth D1(a) normalised to a deep in matter domination (D1(1) = 0.7843 for Om = 0.3089). */
    public double d1EarlyNorm(double a) {
        return interp(0, a);
    }

    /** f1 = dln D1 / dln a. */
    public double f1(double a) {
        return interp(1, a) / interp(0, a);
    }

    /**
     * Second-order growth D2(a) in the normalisation of {@link #d1} (negative): divided by
     * D1_raw(1)^2, so that d2(a)/d1(a)^2 = D2_raw/D1_raw^2 ~ -3/7 Om(a)^(-1/143).
     */
    public double d2(double a) {
        return interp(2, a) / (d1Today * d1Today);
    }

    /** f2 = dln D2 / dln a. */
    public double f2(double a) {
        return interp(3, a) / interp(2, a);
    }

    /** dD1/da with D1(1) = 1: (dD1/dln a) / a. */
    public double dd1da(double a) {
        return interp(1, a) / (a * d1Today);
    }

    /** FastPM kick factor G_f(a) = a^3 E(a) dD1/da (D1(1) = 1 normalisation). */
    public double gf(double a) {
        return a * a * a * bg.e(a) * dd1da(a);
    }

    /**
     * g_f = dG_f/da = 1.5 Om D1(a) / (a^2 E(a)) (D1(1) = 1). From G_f = a^2 E D1' (' = d/dln a):
     * dG_f/da = a E [(2 + dlnE/dlna) D1' + D1''] = a E 1.5 Om(a) D1 and Om(a) = Om / (a^3 E^2).
     */
    public double gfPrime(double a) {
        return 1.5 * omegaM * d1(a) / (a * a * bg.e(a));
    }
}
