package org.d3m.ij.fields;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.d3m.core.field.Box;
import org.d3m.core.field.ScalarField;
import org.d3m.core.io.AtomicFiles;
import org.d3m.core.io.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 7: a field and its {@code .json} sidecar are both written to temporary files
 * before either is renamed, so a failure while writing the sidecar (a full disk) leaves the old
 * field as it was instead of a new field without its sidecar.
 */
class SidecarAtomicityTest {

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSidecarThatCannotBeWrittenLeavesTheOldFieldUnchanged() throws IOException {
        Path out = dir.resolve("delta.npy");
        byte[] old = "the field of an earlier run".getBytes();
        Files.write(out, old);
        Files.createDirectory(dir.resolve("delta.npy.json")); // the sidecar's write fails
        ScalarField f = new ScalarField(new Box(16, 8), new float[512]);
        assertThrows(RuntimeException.class, () -> FieldFiles.write(out.toFile(), f, Provenance.of("test")));
        assertArrayEquals(old, Files.readAllBytes(out), "the field was not replaced");
        assertEquals(List.of("delta.npy", "delta.npy.json"), files(), "no temporary file left");
    }

    @Test
    void aFailingWriterLeavesNeitherTheTargetNorATemporaryFile() throws IOException {
        Path out = dir.resolve("x.npy.json");
        Files.writeString(out, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.prepare(out, o -> {
            o.write(new byte[100]);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("x.npy.json"), files());
    }

    @Test
    void bothFilesAreWrittenWhenAllGoesWell() throws IOException {
        Path out = dir.resolve("delta.npy");
        FieldFiles.write(out.toFile(), new ScalarField(new Box(16, 8), new float[512]), Provenance.of("test").put("seed", 3));
        assertEquals(List.of("delta.npy", "delta.npy.json"), files());
        assertEquals("3", Provenance.parseJson(Files.readString(dir.resolve("delta.npy.json"))).get("seed"));
    }
}
