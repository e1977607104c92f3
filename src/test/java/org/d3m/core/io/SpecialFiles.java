package org.d3m.core.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers for files a test cannot make with plain Java: FIFOs, and the PID of an ended process. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** The PID of a process that has ended. */
    public static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    /** Makes a FIFO with mkfifo; skips the test where there is none. */
    public static Path fifo(Path p) throws Exception {
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).start();
        } catch (IOException e) {
            mk = null;
        }
        assumeTrue(mk != null && mk.waitFor() == 0 && Files.exists(p), "mkfifo is not available");
        return p;
    }
}
