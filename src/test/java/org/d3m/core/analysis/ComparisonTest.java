package org.d3m.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.d3m.core.field.VectorField;
import org.d3m.core.sim.Realization;
import org.d3m.core.sim.SimulationSetup;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final Comparison.Settings FAST = new Comparison.Settings(1, 0.02, new double[] {0.11, 0.5}, true, 4, 4,
            20, 2);

    @Test
    void aFieldComparedWithItselfIsPerfect() {
        VectorField psi = new Realization(SimulationSetup.paper(3).withSeed(3)).lpt(2, 1);
        Comparison c = new Comparison(FAST);
        Comparison.Result r = c.compare("self", psi, c.truth(psi));
        for (double v : new double[] {r.densityT()[0], r.densityR()[0], r.densityT()[1], r.densityR()[1],
            r.displacementT()[0], r.displacementR()[1]}) {
            assertEquals(1.0, v, 1e-12);
        }
        assertEquals(0, r.pointwise().mean(), 0.0);
        assertEquals(0, r.threePointResidual(), 0.0);
    }

    @Test
    void scaledDisplacementHasTransferEqualToTheScaleAndUnitCorrelation() {
        VectorField psi = new Realization(SimulationSetup.paper(5)).psi1();
        VectorField scaled = VectorField.zeros(psi.box());
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < psi.x().length; i++) {
                scaled.c()[d][i] = 0.9f * psi.c()[d][i];
            }
        }
        Comparison c = new Comparison(FAST.withThreePoint(false));
        Comparison.Result r = c.compare("scaled", scaled, c.truth(psi));
        assertEquals(0.9, r.displacementT()[0], 1e-5);
        assertEquals(1.0, r.displacementR()[1], 1e-6);
        assertEquals(0.1, r.pointwise().mean(), 1e-5);
        assertTrue(Double.isNaN(r.threePointResidual()));
    }

    @Test
    void tableAveragesSeedsWithScatter() {
        ComparisonTable t = new ComparisonTable(new double[] {0.11, 0.5});
        Comparison c = new Comparison(FAST.withThreePoint(false));
        for (long seed = 1; seed <= 2; seed++) {
            Realization real = new Realization(SimulationSetup.paper(seed));
            VectorField truth = real.lpt(2, 1);
            t.add(List.of(c.compare("ZA", real.lpt(1, 1), c.truth(truth))));
        }
        List<ComparisonTable.Row> rows = t.rows();
        assertEquals(2, rows.size());
        assertEquals("ZA density", rows.get(0).label());
        assertTrue(Double.isNaN(rows.get(0).mean()[0]), "no point-wise error on density rows");
        assertTrue(rows.get(1).mean()[0] > 0 && rows.get(1).std()[0] > 0);
        assertTrue(t.format().contains("±"), t.format());
    }

    /** A cell present on some seeds only (the 3PCF on the first few) is averaged over those; absent cells stay NaN. */
    @Test
    void tableAveragesEachCellOverTheSeedsThatHaveIt() {
        ComparisonTable t = new ComparisonTable(new double[] {0.11, 0.5});
        SimulationSetup small = new SimulationSetup(new org.d3m.core.field.Box(64, 16),
                org.d3m.core.cosmology.Cosmology.planck15(), null, Double.NaN, 1, 2);
        Comparison.Settings tiny = new Comparison.Settings(1, 0.02, new double[] {0.11, 0.5}, true, 2, 2, 10, 2);
        double[] residual = new double[3];
        double[] t05 = new double[3];
        for (int seed = 1; seed <= 3; seed++) {
            Realization real = new Realization(small.withSeed(seed));
            Comparison c = new Comparison(tiny.withThreePoint(seed <= 2));
            Comparison.Result r = c.compare("ZA", real.lpt(1, 1), c.truth(real.lpt(2, 1)));
            residual[seed - 1] = r.threePointResidual();
            t05[seed - 1] = r.densityT()[1];
            t.add(List.of(r));
        }
        assertTrue(Double.isNaN(residual[2]) && residual[0] > 0 && residual[1] > 0);
        ComparisonTable.Row density = t.rows().get(0);
        int last = density.mean().length - 1;
        assertEquals((residual[0] + residual[1]) / 2, density.mean()[last], 1e-15, "mean of the two seeds with a 3PCF");
        assertEquals(Math.abs(residual[0] - residual[1]) / Math.sqrt(2), density.std()[last], 1e-15);
        assertEquals(2, density.count()[last]);
        assertEquals((t05[0] + t05[1] + t05[2]) / 3, density.mean()[3], 1e-15);
        assertEquals(3, density.count()[3]);
        assertTrue(Double.isNaN(density.mean()[0]) && density.count()[0] == 0, "no point-wise error on density rows");
        assertTrue(t.format().contains("over 3 seeds (the 3PCF over 2 of them)"), t.format());
    }

    @Test
    void threePointEstimatorChoosesMeshOrParticles() {
        org.d3m.core.field.Box box = new org.d3m.core.field.Box(64, 16);
        VectorField psi = new Realization(new SimulationSetup(box, org.d3m.core.cosmology.Cosmology.planck15(), null,
                Double.NaN, 5, 2)).lpt(2, 1);
        Comparison.Settings s = new Comparison.Settings(1, 0.02, new double[] {0.11, 0.5}, true, 3, 3, 15, 2);
        assertEquals(ThreePointEstimator.MESH, s.estimator(), "the default");
        Comparison mesh = new Comparison(s);
        float[] f = mesh.density(psi).data().clone();
        for (int i = 0; i < f.length; i++) {
            f[i] += 1;
        }
        Multipoles want = new MeshThreePoint(box, 15, 3, 3, 1).compute(f);
        Multipoles got = mesh.multipoles(psi);
        double[][] x = Particles.positions(psi);
        Multipoles particles = new ThreePoint(64, 15, 3, 3, 1).compute(x[0], x[1], x[2], null);
        Multipoles viaOption = new Comparison(s.withEstimator(ThreePointEstimator.PARTICLES)).multipoles(psi);
        for (int l = 0; l <= 3; l++) {
            for (int b = 0; b < 3; b++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(want.zeta()[l][b], got.zeta()[l][b], "mesh: CIC 1 + delta");
                org.junit.jupiter.api.Assertions.assertArrayEquals(particles.zeta()[l][b], viaOption.zeta()[l][b]);
            }
        }
        double differ = 0;
        for (int b1 = 0; b1 < 3; b1++) {
            for (int b2 = 0; b2 < 3; b2++) {
                differ = Math.max(differ, Math.abs(want.get(0, b1, b2) / particles.get(0, b1, b2) - 1));
            }
        }
        assertTrue(differ > 1e-4, "the mesh and the particles are different estimators: " + differ);
        assertEquals(ThreePointEstimator.PARTICLES, ThreePointEstimator.parse(" Particles "));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ThreePointEstimator.parse("fft"));
        assertTrue(e.getMessage().contains("mesh or particles"));
    }
}
