package org.d3m.commands;

import java.io.File;
import java.nio.file.Path;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.cosmology.EisensteinHu;
import org.d3m.core.cosmology.LinearPower;
import org.d3m.core.cosmology.PhysicalRanges;
import org.d3m.core.cosmology.TabulatedPower;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;

/**
 * The cosmology keys shared by commands: flat LCDM parameters, an optional tabulated spectrum
 * and an optional sigma8 renormalisation. Defaults are the paper's (Planck 2015).
 */
public abstract class CosmologyParameters implements Command {

    @Parameter(description = "primordial amplitude A_s (pivot 0.05/Mpc), 1e-20 to 1e-7")
    protected double a_s = CosmologyPresets.A_S;
    @Parameter(description = "spectral index n_s, 0.5 to 1.5")
    protected double n_s = CosmologyPresets.N_S;
    @Parameter(description = "Hubble parameter h = H0 / (100 km/s/Mpc), 0.2 to 1.5")
    protected double h = CosmologyPresets.H;
    @Parameter(description = "matter density Omega_m (flat LCDM), 0.01 to 1")
    protected double omega_m = CosmologyPresets.OMEGA_M;
    @Parameter(description = "baryon density Omega_b, 0 to below omega_m")
    protected double omega_b = CosmologyPresets.OMEGA_B;
    @Parameter(required = false, description = "tabulated linear P(k) at z=0 (k [h/Mpc], P [(Mpc/h)^3]); empty: Eisenstein-Hu from a_s")
    protected File pk_file;
    @Parameter(required = false, description = "rescale the spectrum to this sigma8, 0.01 to 3; 0: no rescaling")
    protected double sigma8 = 0;
    /** The validated cosmology (and sigma8: 0 for none, else in [0.01, 3]); ranges in {@link PhysicalRanges}. */
    protected Cosmology cosmology() {
        if (!(sigma8 >= 0) || Double.isInfinite(sigma8)) {
            throw new IllegalArgumentException("sigma8 must be a finite number > 0, or 0 for no rescaling; got " + Outputs.number(sigma8));
        }
        if (sigma8 != 0) {
            PhysicalRanges.require("sigma8", sigma8, PhysicalRanges.SIGMA8);
        }
        return new Cosmology(a_s, n_s, h, omega_m, omega_b);
    }

    /** The table's path, or null when none was given; an error when it does not exist. */
    protected Path pkPath() {
        if (pk_file == null || pk_file.getPath().isEmpty()) {
            return null;
        }
        if (pk_file.isDirectory()) {
            throw new IllegalArgumentException("pk_file " + pk_file + " is a folder; give the table file (k, P columns)");
        }
        if (!pk_file.isFile()) {
            throw new IllegalArgumentException("pk_file " + pk_file + " does not exist");
        }
        return pk_file.toPath();
    }

    /** The linear spectrum at z = 0: the table or Eisenstein-Hu, rescaled to sigma8 when asked. */
    protected LinearPower power() {
        Path table = pkPath();
        Cosmology c = cosmology(); // validates the keys, sigma8 included, also when a table is used
        LinearPower p = table != null ? TabulatedPower.read(table) : new EisensteinHu(c);
        return sigma8 > 0 ? p.rescaledToSigma8(sigma8) : p;
    }
}
