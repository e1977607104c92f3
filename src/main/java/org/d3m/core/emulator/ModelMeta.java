package org.d3m.core.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a weights file says about its network: base width, the training grid n and spacing
 * [Mpc/h per cell] (the box size is grid * spacing), the global-residual flag, and free text such as
 * the training cosmology, dataset, commands, validation loss and versions ({@code info}).
 */
public record ModelMeta(int width, int grid, double spacing, boolean residual, Map<String, String> info,
        Conditioning conditioning) {

    /** An unconditioned network's metadata. */
    public ModelMeta(int width, int grid, double spacing, boolean residual, Map<String, String> info) {
        this(width, grid, spacing, residual, info, Conditioning.NONE);
    }

    public ModelMeta {
        conditioning = conditioning == null ? Conditioning.NONE : conditioning;
        if (width < 1 || grid < 4 || grid % 4 != 0 || !(spacing > 0) || Double.isInfinite(spacing)) {
            throw new IllegalArgumentException("invalid model metadata: width " + width + ", grid " + grid
                    + ", spacing " + spacing);
        }
        info = info == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** Training box side [Mpc/h]. */
    public double boxSize() {
        return grid * spacing;
    }

    /**
     * The LPT kernel of the training data ("fastpm" or "exact"): the dataset's {@code kernel} key.
     * Models trained before the kernel existed were trained on spectral ("exact") fields.
     */
    public String kernel() {
        return info.getOrDefault("dataset.kernel", "exact");
    }

    /**
     * Why this model cannot emulate a field of this box and LPT kernel, or null when it can
     * ({@link #kernelMismatch}, then {@link #fits}).
     *
     * @param box    the field's box
     * @param kernel "fastpm" or "exact"
     */
    public String mismatch(org.d3m.core.field.Box box, String kernel) {
        String k = kernelMismatch(kernel);
        if (k != null) {
            return k;
        }
        if (!fits(box)) {
            return "the model wants " + plain(spacing) + " Mpc/h per cell and a grid that is a multiple of " + grid
                    + "; this box is " + plain(box.size()) + " Mpc/h with grid " + box.n();
        }
        return null;
    }

    /**
     * "the model was trained on kernel=K fields, not kernel=k" when the training data's kernel is
     * not {@code kernel}, else null; callers add what to do about it.
     */
    public String kernelMismatch(String kernel) {
        return kernel().equals(kernel) ? null : "the model was trained on kernel=" + kernel() + " fields, not kernel=" + kernel;
    }

    /** True when the box has the training spacing and a grid that is a multiple of the training grid. */
    public boolean fits(org.d3m.core.field.Box box) {
        return box.n() % grid == 0 && Math.abs(box.cell() - spacing) <= 1e-6 * spacing;
    }

    private static String plain(double x) {
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A copy with one more info entry. */
    public ModelMeta with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(info);
        m.put(key, value);
        return new ModelMeta(width, grid, spacing, residual, m, conditioning);
    }
}
