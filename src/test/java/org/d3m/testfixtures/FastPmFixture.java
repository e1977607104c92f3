package org.d3m.testfixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Npy;
import org.d3m.core.sim.SimulationSetup;
import org.junit.jupiter.api.Assumptions;

/**
 * The C FastPM's outputs on its own linear fields (shared/data/fastpm-same-field, see its README):
 * the paper's setup, L = 128 Mpc/h, 32^3 particles, Omega_m = 0.3089. Tests using it skip when the
 * shared data is absent (a user's machine).
 */
public final class FastPmFixture {

    public static final double BOX = 128;
    public static final int GRID = 32;
    public static final double OMEGA_M = 0.3089;

    private final Path dir;

    private FastPmFixture(Path dir) {
        this.dir = dir;
    }

    /** The fixture of FastPM seed 101 or 102; skips the test when the data is absent. */
    public static FastPmFixture seed(int seed) {
        String root = System.getProperty("d3m.shared.data");
        Assumptions.assumeTrue(root != null && Files.isDirectory(Path.of(root)), "shared data not available");
        Path d = Path.of(root, "fastpm-same-field", "seed" + seed);
        Assumptions.assumeTrue(Files.isDirectory(d), d + " not available");
        return new FastPmFixture(d);
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public ScalarField linearDelta() {
        return io(() -> Npy.readScalar(file("linear_delta.npy"), BOX));
    }

    public VectorField vector(String name) {
        return io(() -> Npy.readVector(file(name), BOX));
    }

    /** Our setup of the fixture's run on its linear field (cosmology Omega_m = 0.3089, h = 0.6774). */
    public SimulationSetup setup(int threads) {
        Cosmology c = Cosmology.planck15();
        return new SimulationSetup(new Box(BOX, GRID), c, null, Double.NaN, 0, threads).withLinearDensity(linearDelta());
    }

    /** rms over particles of the periodic difference a - b of two displacements, divided by the rms of b. */
    public static double relativeRms(VectorField a, VectorField b) {
        return relativeRms(a, b, true);
    }

    /** rms of a - b (wrapped into the box when {@code periodic}: displacements, not velocities) over rms of b. */
    public static double relativeRms(VectorField a, VectorField b, boolean periodic) {
        double num = 0;
        double den = 0;
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < a.c()[d].length; i++) {
                double raw = a.c()[d][i] - b.c()[d][i];
                double diff = periodic ? a.box().wrapCentered(raw) : raw;
                num += diff * diff;
                den += (double) b.c()[d][i] * b.c()[d][i];
            }
        }
        return Math.sqrt(num / den);
    }

    private interface Io<T> {
        T get() throws IOException;
    }

    private static <T> T io(Io<T> a) {
        try {
            return a.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
