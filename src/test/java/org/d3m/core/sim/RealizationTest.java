package org.d3m.core.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.cosmology.GrowthFactors;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.ic.LptKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealizationTest {

    private static SimulationSetup small(long seed, int threads) {
        return new SimulationSetup(new Box(64, 16), Cosmology.planck15(), null, Double.NaN, seed, threads);
    }

    @Test
    void zaAtAnyEpochIsTheGrowthFactorTimesPsi1() {
        Realization r = new Realization(small(4, 2));
        double a = 0.5;
        VectorField za = r.lpt(1, a);
        double d1 = GrowthFactors.of(0.3089).d1(a);
        for (int i = 0; i < za.x().length; i += 7) {
            assertEquals(d1 * r.psi1().x()[i], za.x()[i], 1e-5);
        }
        VectorField two = r.lpt(2, 1.0);
        // FastPM's kernel (the default): the second-order amplitude at z = 0 is exactly 3/7
        assertEquals(r.psi1().y()[5] - 3.0 / 7.0 * r.psi2().y()[5], two.y()[5], 1e-5);
        Realization exact = new Realization(small(4, 2).withKernel(LptKernel.EXACT));
        double d2 = GrowthFactors.of(0.3089).d2(1.0);
        assertEquals(exact.psi1().y()[5] + d2 * exact.psi2().y()[5], exact.lpt(2, 1.0).y()[5], 1e-5);
    }

    @Test
    void kernelsDifferOnlyInTheirDiscretisation() {
        Realization fastpm = new Realization(small(6, 2));
        Realization exact = new Realization(small(6, 2).withKernel(LptKernel.EXACT));
        // same linear field; FastPM's finite-difference derivative is weaker at high k, so its Psi1 is smaller
        assertArrayEquals(fastpm.linearDensity().data(), exact.linearDensity().data());
        double ratio = fastpm.psi1().rms() / exact.psi1().rms();
        assertTrue(ratio < 1 && ratio > 0.8, "rms Psi1 fastpm / exact = " + ratio);
    }

    @Test
    void sameSeedGivesTheSameFieldForAnyThreadCount() {
        VectorField a = new Realization(small(9, 1)).lpt(2, 1);
        VectorField b = new Realization(small(9, 2)).lpt(2, 1);
        for (int d = 0; d < 3; d++) {
            assertArrayEquals(a.c()[d], b.c()[d]);
        }
    }

    @Test
    void sigma8RescalingScalesTheDisplacement() {
        SimulationSetup base = small(3, 2);
        double own = base.linearPower().sigma8();
        SimulationSetup doubled = new SimulationSetup(base.box(), base.cosmology(), null, 2 * own, 3, 2);
        assertEquals(2 * own, doubled.linearPower().sigma8(), 1e-6 * own);
        assertEquals(2 * new Realization(base).psi1().rms(), new Realization(doubled).psi1().rms(), 1e-4);
    }

    @Test
    void tableThatDoesNotCoverTheGridIsRejected(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("pk.txt");
        Files.writeString(table, "# k P\n0.1 1000\n0.2 800\n0.5 300\n");
        SimulationSetup s = new SimulationSetup(new Box(64, 16), Cosmology.planck15(), table, Double.NaN, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::linearPower);
        assertTrue(e.getMessage().contains("pk_file"), e.getMessage());
    }

    @Test
    void badOrderAndRedshiftAreRejected() {
        Realization r = new Realization(small(1, 1));
        assertThrows(IllegalArgumentException.class, () -> r.lpt(3, 1));
        assertThrows(IllegalArgumentException.class, () -> SimulationSetup.scaleFactor(-1));
    }
}
