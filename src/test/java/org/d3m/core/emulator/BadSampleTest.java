package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.d3m.core.field.Box;
import org.d3m.core.field.VectorField;
import org.d3m.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 8: a sample file with a NaN (its header intact) is named by train instead of "training
 * diverged at step 0", is made again by make-dataset's resume, and a sample that comes out non-finite is
 * never written.
 */
class BadSampleTest {

    @TempDir
    Path tmp;

    /** Puts a NaN at the first value of the target field of {@code f}, leaving the header as it is. */
    static void spoil(Path f) throws IOException {
        SampleFile.Header h = SampleFile.header(f);
        long at = h.dataOffset() + 3L * h.n() * h.n() * h.n() * 4;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.NaN), at);
        }
    }

    @Test
    void trainNamesTheSampleFileAndResumeRemakesIt() throws IOException {
        Path data = tmp.resolve("data");
        Dataset d = DatasetBuilder.build(data, 20, 500, TestSources.smoothing(8, 32.0), Progress.NONE);
        Path bad = data.resolve(d.split("train").get(3).file());
        byte[] good = Files.readAllBytes(bad);
        spoil(bad);
        assertTrue(SampleFile.isComplete(bad, d.split("train").get(3).seed()));
        assertFalse(SampleFile.isFinite(bad));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(data, tmp.resolve("model"), TrainerTest.config().withEpochs(1), Progress.NONE));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("non-finite value in its target"),
                e.getMessage());

        DatasetBuilder.build(data, 20, 500, TestSources.smoothing(8, 32.0), Progress.NONE);
        assertArrayEquals(good, Files.readAllBytes(bad), "remade on resume");
        assertTrue(SampleFile.isFinite(bad));
    }

    @Test
    void aNonFiniteSampleIsNeverWritten() {
        Box box = new Box(32, 4);
        float[][] c = new float[3][box.cells()];
        float[][] t = new float[3][box.cells()];
        t[2][5] = Float.POSITIVE_INFINITY;
        Path f = tmp.resolve("s.d3ms");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleFile.write(f, 7, new Sample(new VectorField(box, c), new VectorField(box, t), null)));
        assertTrue(e.getMessage().contains("seed 7") && e.getMessage().contains("target field (component 2, index 5)"),
                e.getMessage());
        assertFalse(Files.exists(f));
        assertTrue(tmp.toFile().list().length == 0, "no temporary file left");
    }
}
