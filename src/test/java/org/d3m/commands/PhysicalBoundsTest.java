package org.d3m.commands;

import static org.d3m.commands.GeneratorCommandsTest.cli;
import static org.d3m.commands.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.d3m.commands.GeneratorCommandsTest.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 3: absurd physical keys are refused before any work, in every generator (they
 * share {@code CosmologyParameters}, core {@code Cosmology}, {@code SimulationSetup} and
 * {@code Realization}), instead of writing an all-zero field or noise wrapped at half the box.
 */
class PhysicalBoundsTest {

    @TempDir
    Path dir;
    Path out;

    @BeforeEach
    void anExistingOutput() throws Exception {
        out = Files.writeString(dir.resolve("old.npy"), "an older file that must stay as it is");
    }

    @Test
    void absurdAmplitudesAreRefusedWithTheRange() throws Exception {
        refused(dir, "sigma8 must be in [0.01, 3], got 1e+10", "simulate", "grid=8", "sigma8=1e10", "output=" + out);
        refused(dir, "a_s must be in [1e-20, 1e-07], got 1", "lpt", "grid=8", "a_s=1", "output=" + out);
        refused(dir, "a_s must be in [1e-20, 1e-07], got 0", "lpt", "grid=8", "a_s=0", "output=" + out);
        refused(dir, "n_s must be in [0.5, 1.5], got -50", "lpt", "grid=8", "n_s=-50", "output=" + out);
    }

    @Test
    void otherPhysicalKeysAreBounded() throws Exception {
        refused(dir, "h must be in [0.2, 1.5], got 67.74", "lpt", "grid=8", "h=67.74", "output=" + out);
        refused(dir, "omega_m must be in [0.01, 1], got 0.001", "lpt", "grid=8", "omega_m=0.001", "omega_b=0", "output=" + out);
        refused(dir, "omega_b must be in [0, omega_m)", "lpt", "grid=8", "omega_m=0.3", "omega_b=0.3", "output=" + out);
        refused(dir, "redshift must be in [0, 1000], got 5000", "lpt", "grid=8", "redshift=5000", "output=" + out);
        refused(dir, "box_size must be in [1, 1e5] Mpc/h", "lpt", "grid=8", "box_size=0.5", "output=" + out);
        refused(dir, "sigma8 must be in [0.01, 3], got 0.001", "linear-power", "sigma8=0.001",
                "output=" + dir.resolve("pk.csv"));
    }

    @Test
    void aDisplacementComparableToTheBoxIsRefused() throws Exception {
        // every key in range, but sigma8 = 3 in a 1 Mpc/h box: rms |Psi| = 1.4 L
        String line = refused(dir, "the linear displacement at z=0 has an rms of ", "lpt", "grid=8", "box_size=1",
                "sigma8=3", "output=" + out);
        assertTrue(line.contains("more than half the box (1 Mpc/h)"), line);
        refused(dir, "the linear displacement at z=0 has an rms of ", "simulate", "grid=8", "box_size=1",
                "a_s=1e-7", "steps=2", "output=" + out);
    }

    @Test
    void thePapersCosmologyInTheSmallestBoxStillRuns() {
        // rms |Psi| = 0.38 L at z = 0 in a 1 Mpc/h box: the limit of L/2 leaves it alone
        Result r = cli("lpt", "grid=8", "box_size=1", "output=" + dir.resolve("small.npy"));
        assertEquals(0, r.code(), r.err());
        Result s = cli("lpt", "grid=8", "sigma8=3", "output=" + dir.resolve("strong.npy"));
        assertEquals(0, s.code(), s.err());
    }
}
