package org.d3m.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.d3m.core.io.OutputPlan.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output plan: inputs, duplicate outputs and kinds compared by canonical path. */
class OutputPlanTest {

    @TempDir
    Path dir;

    private static String refused(OutputPlan plan) {
        return assertThrows(IllegalArgumentException.class, plan::check).getMessage();
    }

    @Test
    void anOutputThatIsAnInputIsRefusedHoweverItIsSpelled() throws Exception {
        Path a = Files.writeString(dir.resolve("a.npy"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), a.getFileName());
        Path dotted = dir.resolve("sub/../a.npy");
        Files.createDirectory(dir.resolve("sub"));
        for (Path out : List.of(a, dotted, link, Path.of("").toAbsolutePath().relativize(a))) {
            String m = refused(new OutputPlan().input("input", a).file("output", out, Kind.FIELD));
            assertEquals("output=" + out + " is the same file as input=" + a + ", which it would destroy; choose another output", m);
        }
        new OutputPlan().input("input", a).file("output", dir.resolve("b.npy"), Kind.FIELD).check();
    }

    @Test
    void twoOutputsAtOnePathAreRefusedAndKindsChecked() {
        Path s = dir.resolve("s.npy");
        assertEquals("momentum_output=" + s + " and output=" + s + " are the same file; give each output its own name",
                refused(new OutputPlan().file("output", s, Kind.FIELD).file("momentum_output", s, Kind.FIELD)));
        assertEquals("output=" + dir.resolve("pk.npy") + ": a table is written as CSV; the name must end in .csv",
                refused(new OutputPlan().file("output", dir.resolve("pk.npy"), Kind.CSV)));
        assertEquals("plot_output=" + dir.resolve("x.csv") + ": a plot is written as PNG; the name must end in .png",
                refused(new OutputPlan().file("plot_output", dir.resolve("x.csv"), Kind.PNG)));
        assertEquals("output=" + dir.resolve("x.png") + ": unknown field file type; use .tif, .tiff or .npy",
                refused(new OutputPlan().file("output", dir.resolve("x.png"), Kind.FIELD)));
        new OutputPlan().file("output", dir.resolve("PK.CSV"), Kind.CSV).file("plot_output", dir.resolve("pk.png"), Kind.PNG)
                .file("notes", dir.resolve("notes.md"), Kind.ANY).check();
    }

    @Test
    void foldersMayShareAnInputFolderButNotItsFiles() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path index = Files.writeString(data.resolve("index.json"), "{}");
        new OutputPlan().input("dataset", data).folder("output_dir", data, List.of("best.d3mw")).check();
        assertEquals("output_dir=" + index + " is the same file as truth=" + index + ", which it would destroy; choose another output",
                refused(new OutputPlan().input("truth", index).folder("output_dir", data, List.of("index.json"))));
        assertEquals("cannot write output_dir=" + index + ": it exists and is not a folder",
                refused(new OutputPlan().folder("output_dir", index, List.of("table.csv"))));
        new OutputPlan().folder("output_dir", dir.resolve("new/deeper"), List.of("table.csv")).check();
    }
}
