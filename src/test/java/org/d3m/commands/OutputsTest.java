package org.d3m.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Image titles a command composes. */
class OutputsTest {

    @Test
    void aTitleNamesNoWordTwice() {
        // LPT from an open linear density titled "linear density seed=42 z=0" (issue 26: was "... z=0 z=0")
        org.d3m.core.sim.SimulationSetup setup = new LptCommand().setup();
        LptCommand lpt = new LptCommand();
        lpt.linear_input = "linear density seed=42 z=0"; // only named in the title here, never read
        assertEquals("ZA displacement linear density seed=42 z=0",
                Outputs.title("ZA displacement", lpt, setup, "z=0"));
        assertEquals("ZA displacement linear density seed=42 z=0 z=1",
                Outputs.title("ZA displacement", lpt, setup, "z=1"), "another epoch is named");
        assertEquals("FastPM displacement seed=7 z=0", Outputs.withoutRepeats("FastPM  displacement seed=7 z=0 seed=7"));
    }
}
