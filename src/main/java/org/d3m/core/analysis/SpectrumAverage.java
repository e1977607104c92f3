package org.d3m.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spectra of comparisons averaged over seeds (mean P_pred, P_true and P_cross per bin), with
 * T(k), r(k) and 1 - r^2 recomputed from the averaged spectra. The results it returns carry only
 * names and spectra (the per-seed scalars live in {@link ComparisonTable}).
 */
public final class SpectrumAverage {

    private final Map<String, Spectrum[]> sums = new LinkedHashMap<>();
    private int count;

    /** Adds one seed's results; every seed must have the same names in the same order. */
    public void add(List<Comparison.Result> results) {
        for (Comparison.Result r : results) {
            Spectrum[] s = {r.density().pred(), r.density().truth(), r.density().cross(),
                r.displacement().pred(), r.displacement().truth(), r.displacement().cross()};
            Spectrum[] acc = sums.get(r.name());
            if (acc == null) {
                if (count > 0) {
                    throw new IllegalArgumentException("prediction " + r.name() + " is missing from earlier seeds");
                }
                acc = new Spectrum[s.length];
                for (int i = 0; i < s.length; i++) {
                    acc[i] = new Spectrum(s[i].k().clone(), new double[s[i].size()], s[i].modes().clone(), s[i].dk());
                }
                sums.put(r.name(), acc);
            }
            for (int i = 0; i < s.length; i++) {
                for (int b = 0; b < s[i].size(); b++) {
                    acc[i].p()[b] += s[i].p()[b];
                }
            }
        }
        count++;
    }

    /** The averaged comparisons (spectra and transfer statistics only). */
    public List<Comparison.Result> results() {
        List<Comparison.Result> out = new ArrayList<>();
        for (Map.Entry<String, Spectrum[]> e : sums.entrySet()) {
            Spectrum[] a = new Spectrum[6];
            for (int i = 0; i < 6; i++) {
                Spectrum s = e.getValue()[i];
                double[] p = s.p().clone();
                for (int b = 0; b < p.length; b++) {
                    p[b] /= count;
                }
                a[i] = new Spectrum(s.k(), p, s.modes(), s.dk());
            }
            Comparison.Spectra d = new Comparison.Spectra(a[0], a[1], a[2], TransferStats.of(a[1].k(), a[0].p(), a[1].p(), a[2].p()));
            Comparison.Spectra v = new Comparison.Spectra(a[3], a[4], a[5], TransferStats.of(a[4].k(), a[3].p(), a[4].p(), a[5].p()));
            out.add(new Comparison.Result(e.getKey(), null, null, null, null, null, Double.NaN, d, v, null));
        }
        return out;
    }
}
