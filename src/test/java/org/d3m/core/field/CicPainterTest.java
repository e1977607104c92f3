package org.d3m.core.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CicPainterTest {

    private static VectorField randomDisplacement(Box box, double amplitude, long seed) {
        Random r = new Random(seed);
        VectorField v = VectorField.zeros(box);
        for (float[] c : v.c()) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
            }
        }
        return v;
    }

    @Test
    void massIsConservedForLargePeriodicDisplacements() {
        Box lag = new Box(100, 16);
        CicPainter painter = new CicPainter(lag, lag.refined(2), 2);
        float[] mesh = new float[32 * 32 * 32];
        painter.paint(randomDisplacement(lag, 150, 3), null, mesh);
        double total = 0;
        for (float m : mesh) {
            total += m;
        }
        assertEquals(lag.cells(), total, 1e-7 * lag.cells());
    }

    @Test
    void particleBetweenCellsSplitsItsMassByCicWeights() {
        Box lag = new Box(8, 2);           // particles at q = 0 and 4 Mpc/h along each axis
        Box mesh = new Box(8, 8);          // 1 Mpc/h cells
        VectorField d = VectorField.zeros(lag);
        // Particle 0 (q = 0,0,0) moved to (0.25, -0.5, 7.75): wraps to (0.25, 7.5, 7.75).
        d.x()[0] = 0.25f;
        d.y()[0] = -0.5f;
        d.z()[0] = 7.75f;
        float[] w = new float[lag.cells()];
        w[0] = 1;
        float[] out = new float[mesh.cells()];
        new CicPainter(lag, mesh, 1).paint(d, w, out);
        assertEquals(0.75 * 0.5 * 0.25, out[mesh.index(0, 7, 7)], 1e-7);
        assertEquals(0.25 * 0.5 * 0.75, out[mesh.index(1, 0, 0)], 1e-7);
        assertEquals(0.75 * 0.5 * 0.75, out[mesh.index(0, 0, 0)], 1e-7);
    }

    @Test
    void readoutIsTheAdjointOfPainting() {
        Box lag = new Box(50, 8);
        Box mesh = lag.refined(2);
        CicPainter painter = new CicPainter(lag, mesh, 2);
        VectorField d = randomDisplacement(lag, 30, 5);
        Random r = new Random(9);
        float[] w = new float[lag.cells()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        float[] g = new float[mesh.cells()];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) r.nextGaussian();
        }
        float[] painted = new float[mesh.cells()];
        painter.paint(d, w, painted);
        float[] read = new float[lag.cells()];
        painter.readout(g, d, read);
        double lhs = 0;
        double rhs = 0;
        for (int i = 0; i < g.length; i++) {
            lhs += (double) painted[i] * g[i];
        }
        for (int i = 0; i < w.length; i++) {
            rhs += (double) w[i] * read[i];
        }
        assertEquals(lhs, rhs, 1e-5 * Math.abs(lhs) + 1e-4);
    }

    @Test
    void readoutOfALinearFunctionIsExactInsideACell() {
        Box lag = new Box(16, 4);
        Box mesh = new Box(16, 16);
        float[] f = new float[mesh.cells()];
        for (int ix = 0; ix < 16; ix++) {
            for (int iy = 0; iy < 16; iy++) {
                for (int iz = 0; iz < 16; iz++) {
                    f[mesh.index(ix, iy, iz)] = 2 * iy + 3 * iz;
                }
            }
        }
        VectorField d = VectorField.zeros(lag);
        d.y()[lag.index(1, 1, 1)] = 0.3f;  // q = (4,4,4) -> y = 4.3
        d.z()[lag.index(1, 1, 1)] = 0.6f;  // z = 4.6
        float[] out = new float[lag.cells()];
        new CicPainter(lag, mesh, 1).readout(f, d, out);
        assertEquals(2 * 4.3 + 3 * 4.6, out[lag.index(1, 1, 1)], 1e-5);
    }

    @Test
    void paintingIsBitIdenticalForAnyThreadCount() {
        Box lag = new Box(64, 16);
        VectorField d = randomDisplacement(lag, 40, 11);
        float[] one = new float[32 * 32 * 32];
        float[] three = new float[32 * 32 * 32];
        new CicPainter(lag, lag.refined(2), 1).paint(d, null, one);
        new CicPainter(lag, lag.refined(2), 3).paint(d, null, three);
        assertArrayEquals(one, three);
    }

    @Test
    void unperturbedLatticeGivesUniformDensityOnTheParticleGrid() {
        Box lag = new Box(64, 8);
        ScalarField delta = new CicPainter(lag, lag, 2).density(VectorField.zeros(lag));
        for (float v : delta.data()) {
            assertEquals(0, v, 1e-6);
        }
    }
}
