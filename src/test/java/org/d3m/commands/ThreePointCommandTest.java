package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.analysis.MeshThreePoint;
import org.d3m.core.analysis.Multipoles;
import org.d3m.core.analysis.Particles;
import org.d3m.core.analysis.ThreePoint;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.field.Box;
import org.d3m.core.field.CicPainter;
import org.d3m.core.field.VectorField;
import org.d3m.core.io.Csv;
import org.d3m.core.io.Provenance;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.d3m.ij.fields.FieldFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * three-point's {@code three_point_estimator}: mesh (the default) gives the FFT estimator on the CIC
 * density 1 + delta, particles the pair counts of the particles, each equal to the core estimator
 * called directly; the CSV's sidecar and the summary name the estimator; a wrong value is refused.
 */
class ThreePointCommandTest {

    private static final double BOX = 128;
    private static final int GRID = 16;
    private static final String[] BINS = {"r_max=40", "bins=4", "lmax=3"};

    @TempDir
    static Path dir;
    private static Path za;
    private static VectorField psi;

    @BeforeAll
    static void field() {
        psi = new Realization(new SimulationSetup(new Box(BOX, GRID), Cosmology.planck15(), null, Double.NaN, 3, 2))
                .lpt(1, 1.0);
        za = dir.resolve("za.npy");
        FieldFiles.write(za.toFile(), psi, null);
    }

    private static double[] zeta(Path csv) throws Exception {
        return Csv.read(csv).column("zeta [triplets]");
    }

    /** zeta in the CSV's row order (l, b1, b2). */
    private static double[] flat(Multipoles m) {
        int n = m.nBins();
        double[] z = new double[(m.lmax() + 1) * n * n];
        int i = 0;
        for (int l = 0; l <= m.lmax(); l++) {
            for (int b1 = 0; b1 < n; b1++) {
                for (int b2 = 0; b2 < n; b2++) {
                    z[i++] = m.get(l, b1, b2);
                }
            }
        }
        return z;
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * scale, "row " + i);
        }
    }

    private static GeneratorCommandsTest.Result run(Path csv, String... extra) {
        String[] a = new String[4 + BINS.length + extra.length];
        a[0] = "three-point";
        a[1] = "input=" + za;
        a[2] = "box_size=" + BOX;
        a[3] = "output=" + csv;
        System.arraycopy(BINS, 0, a, 4, BINS.length);
        System.arraycopy(extra, 0, a, 4 + BINS.length, extra.length);
        return cli(a);
    }

    @Test
    void meshIsTheDefaultAndIsTheFftEstimatorOnOnePlusDelta() throws Exception {
        Path csv = dir.resolve("mesh.csv");
        GeneratorCommandsTest.Result r = run(csv);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("estimator mesh: CIC density 1 + delta"), r.out());

        float[] w = new CicPainter(psi.box(), psi.box(), 1).density(psi).data().clone();
        for (int i = 0; i < w.length; i++) {
            w[i] += 1;
        }
        Multipoles expected = new MeshThreePoint(psi.box(), 40, 4, 3, 1).compute(w);
        assertClose(flat(expected), zeta(csv));

        Provenance p = Provenance.parseJson(Files.readString(Provenance.sidecarOf(csv)));
        assertEquals("mesh", p.get("three_point_estimator"));
        assertEquals("three-point", p.get("command"));
        assertTrue(p.get("what").startsWith("3PCF multipoles (mesh:"), p.get("what"));
    }

    @Test
    void particlesIsThePairCount() throws Exception {
        Path csv = dir.resolve("particles.csv");
        GeneratorCommandsTest.Result r = run(csv, "three_point_estimator=particles", "threads=2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("estimator particles: particles with unit weights"), r.out());
        double[][] x = Particles.positions(psi);
        Multipoles expected = new ThreePoint(BOX, 40, 4, 3, 1).compute(x[0], x[1], x[2], null);
        assertClose(flat(expected), zeta(csv));
        assertEquals("particles", Provenance.parseJson(Files.readString(Provenance.sidecarOf(csv))).get("three_point_estimator"));

        Path mesh = dir.resolve("mesh-for-particles.csv");
        assertEquals(0, run(mesh, "three_point_estimator=mesh").code());
        assertNotEquals(zeta(mesh)[0], zeta(csv)[0], "the two estimators measure different points");
    }

    @Test
    void anUnknownEstimatorIsRefusedWithOneLine() {
        Path csv = dir.resolve("bad.csv");
        GeneratorCommandsTest.Result r = run(csv, "three_point_estimator=fft");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("three_point_estimator"), r.err());
        assertFalse(Files.exists(csv), "nothing written");
        assertFalse(Files.exists(Provenance.sidecarOf(csv)), "no sidecar");
    }
}
