package org.d3m.core.cosmology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** Access to /work/shared/data through the system property d3m.shared.data; skips when absent. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String name) {
        String dir = System.getProperty("d3m.shared.data");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "shared data not available");
        Path p = Path.of(dir, name);
        Assumptions.assumeTrue(Files.isRegularFile(p), name + " not available");
        return p;
    }

    /** The "sigma8 = X" value in a CLASS table's header. */
    static double headerSigma8(Path p) throws IOException {
        Pattern pat = Pattern.compile("^#\\s*sigma8\\s*=\\s*([0-9.eE+-]+)");
        for (String line : Files.readAllLines(p)) {
            Matcher m = pat.matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new AssertionError("no sigma8 in header of " + p);
    }
}
