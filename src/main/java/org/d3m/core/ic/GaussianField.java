package org.d3m.core.ic;

import java.util.function.DoubleUnaryOperator;
import org.d3m.core.field.Box;
import org.d3m.core.field.Fft;
import org.d3m.core.field.Parallel;

/**
 * The linear density contrast at z = 0 as a Gaussian random field with power spectrum P(k).
 *
 * <p>With w(x) unit white noise and W = FFT(w) (plain sum, so &lt;|W|^2&gt; = n^3), the field's
 * spectrum is {@code F(k) = sqrt(P(k) n^3 / V) W(k)}. In the normalised convention
 * {@code delta_k = F / n^3} and {@code white_k = W / n^(3/2)} this is
 * {@code delta_k = sqrt(P / V) white_k}, so that {@code P(k) = V <|delta_k|^2>}.
 * The k = 0 mode is zero. Modes on a Nyquist plane (any |k_i| = pi n / L) are set to zero, so
 * that every gradient of the field is exactly representable as a real field; this removes a
 * fraction ~3/n of the modes, all at the grid scale.
 */
public final class GaussianField {

    private GaussianField() {
    }

    /**
     * Half-complex spectrum F(k) (see {@link Fft}) of the linear density at z = 0.
     *
     * @param power P(k) [(Mpc/h)^3] as a function of k [h/Mpc]
     */
    public static float[] linearDensitySpectrum(Box box, DoubleUnaryOperator power, long seed, int threads) {
        Fft fft = new Fft(box.n(), threads);
        float[] spectrum = fft.forward(WhiteNoise.generate(box, seed, threads));
        applyPower(box, fft, spectrum, power, threads);
        return spectrum;
    }

    /**
     * Multiplies a white-noise spectrum by sqrt(P(k) n^3 / V) in place; zeroes k = 0 and Nyquist planes.
     * P is evaluated once per distinct |k|^2 = k_f^2 (i^2 + j^2 + l^2) off the Nyquist planes
     * (|i|, |j|, |l| &lt; n/2: 3 (n/2 - 1)^2 + 1 values, against n^3 / 2 modes), as
     * {@code P(k_f sqrt(i^2 + j^2 + l^2))}; no k beyond those modes is asked of P.
     */
    static void applyPower(Box box, Fft fft, float[] spectrum, DoubleUnaryOperator power, int threads) {
        int n = box.n();
        int half = n / 2;
        double norm = (double) n * n * n / box.volume();
        double kf = box.kFundamental();
        int distinct = 3 * (half - 1) * (half - 1) + 1;
        float[] amplitude = new float[distinct];
        Parallel.forRanges(distinct, threads, (from, to) -> {
            for (int m = Math.max(from, 1); m < to; m++) {
                amplitude[m] = (float) Math.sqrt(power.applyAsDouble(kf * Math.sqrt(m)) * norm);
            }
        });
        Parallel.forEach(n, threads, ix -> {
            int sx = box.signedFrequency(ix);
            for (int iy = 0; iy < n; iy++) {
                int sy = box.signedFrequency(iy);
                boolean nyquist = ix == half || iy == half;
                int p = fft.index(ix, iy, 0);
                for (int kz = 0; kz <= half; kz++, p += 2) {
                    float amp = nyquist || kz == half ? 0 : amplitude[sx * sx + sy * sy + kz * kz];
                    spectrum[p] *= amp;
                    spectrum[p + 1] *= amp;
                }
            }
        });
    }
}
