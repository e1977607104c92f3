package org.d3m.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 24 (Low): every command's threads key refuses a negative count, as the generators always did. */
class ThreadsKeyTest {

    @Test
    void everyThreadsKeyRefusesNegatives() {
        for (String command : new String[] {"benchmark", "compare", "paint-density", "power-spectrum", "three-point",
                "train", "simulate", "make-dataset", "emulate"}) {
            GeneratorCommandsTest.Result r = GeneratorCommandsTest.cli(command, "threads=-1");
            assertEquals(1, r.code(), command + ": " + r.err());
            assertEquals("error: threads must be >= 0, got -1", r.err().strip(), command);
            assertTrue(r.out().isEmpty(), command);
        }
    }
}
