package org.d3m.core.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.d3m.core.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset files, the 80/10/10 split, streaming reads and resumable building. */
class DatasetTest {

    @TempDir
    Path dir;

    @Test
    void buildsSplitsAndReadsBackExactly() {
        SampleSource src = TestSources.smoothing(8, 32.0);
        Dataset d = DatasetBuilder.build(dir, 20, 100, src, Map.of("cosmology", "test"), Progress.NONE);
        assertEquals(16, d.split("train").size());
        assertEquals(2, d.split("val").size());
        assertEquals(2, d.split("test").size());
        assertEquals("val", Dataset.splitOf(8));
        assertEquals("test", Dataset.splitOf(19));
        Dataset again = Dataset.open(dir);
        assertEquals("test", again.meta().get("cosmology"));
        assertEquals(8, again.box().n());
        assertEquals(4.0, again.box().cell(), 0);
        for (Dataset.Entry e : again.entries()) {
            Sample want = src.make(e.seed());
            Sample got = again.read(e);
            assertArrayEquals(want.za().c()[2], got.za().c()[2], 0f);
            assertArrayEquals(want.target().c()[0], got.target().c()[0], 0f);
            assertNotNull(got.lpt2(), "every split keeps 2LPT (the conditioned emulator corrects it)");
            assertArrayEquals(want.lpt2().c()[1], got.lpt2().c()[1], 0f);
        }
    }

    @Test
    void sampleParametersRoundTripThroughFileAndIndex() throws IOException {
        SampleSource plain = TestSources.smoothing(8, 32.0);
        SampleSource src = seed -> {
            Sample s = plain.make(seed);
            return new Sample(s.za(), s.target(), s.lpt2(), Map.of(Sample.OMEGA_M, 0.25 + seed * 1e-3,
                    Sample.REDSHIFT, 0.5, Sample.A_S, 1.5e-9, Sample.SIGMA8, 0.7));
        };
        Dataset d = DatasetBuilder.build(dir, 10, 40, src, Map.of(), Progress.NONE);
        Dataset again = Dataset.open(dir);
        for (Dataset.Entry e : again.entries()) {
            assertEquals(0.25 + e.seed() * 1e-3, e.params().get(Sample.OMEGA_M), 0, "index records the parameters");
            Sample s = again.read(e);
            assertEquals(e.params(), s.params(), "the sample file records them too");
            assertEquals(0.5, s.param(Sample.REDSHIFT, -1), 0);
            assertEquals(-1, s.param("unknown", -1), 0);
        }
        assertEquals(d.entries(), again.entries());
    }

    @Test
    void versionOneSampleFilesStillRead() throws IOException {
        Sample s = TestSources.smoothing(8, 32.0).make(3);
        // version 1: no parameter block (a file from before version 2)
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer h = java.nio.ByteBuffer.allocate(SampleFile.HEADER_V1).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        h.putInt(SampleFile.MAGIC).putInt(1).putInt(8).putDouble(32.0).putLong(3).putInt(2);
        out.write(h.array());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(512 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (org.d3m.core.field.VectorField v : new org.d3m.core.field.VectorField[] {s.za(), s.target()}) {
            for (float[] c : v.c()) {
                b.clear();
                b.asFloatBuffer().put(c);
                out.write(b.array());
            }
        }
        Path f = dir.resolve("old.d3ms");
        Files.write(f, out.toByteArray());
        SampleFile.Header hd = SampleFile.header(f);
        assertEquals(1, hd.version());
        Sample got = SampleFile.read(f);
        assertArrayEquals(s.target().c()[2], got.target().c()[2], 0f);
        assertEquals(Map.of(), got.params());
        assertEquals(Map.of(), SampleFile.params(f));
    }

    @Test
    void perSeedPiecesGiveTheBuildersFilesAndIndex() throws IOException {
        SampleSource src = TestSources.smoothing(8, 32.0);
        Dataset d = DatasetBuilder.build(dir, 10, 100, src, Map.of("cosmology", "test"), Progress.NONE);
        for (Dataset.Entry e : d.entries()) {
            Sample s = DatasetBuilder.sample(src, 100, (int) (e.seed() - 100));
            assertNotNull(s.lpt2(), "2LPT in every split");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            SampleFile.write(out, e.seed(), s);
            byte[] file = Files.readAllBytes(dir.resolve(e.file()));
            assertArrayEquals(file, out.toByteArray(), "the stream holds the file's bytes");
            assertEquals(SampleFile.header(dir.resolve(e.file())), SampleFile.header(file, file.length, e.file()));
            assertThrows(IllegalArgumentException.class, () -> SampleFile.header(file, file.length - 1, "short"));
            assertThrows(IllegalArgumentException.class, () -> SampleFile.header(new byte[10], 10, "tiny"));
        }
        String json = Files.readString(dir.resolve(Dataset.INDEX));
        assertEquals(json, Dataset.indexJson(100, d.box(), d.meta(), d.entries()));
        Dataset parsed = Dataset.parseIndex(json, "index.json");
        assertEquals(d.entries(), parsed.entries());
        DatasetBuilder.requireSameDataset(parsed, "here", 100, Map.of("cosmology", "test"));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> DatasetBuilder.requireSameDataset(parsed, "here", 100, Map.of("cosmology", "other")));
        assertEquals("here holds a dataset made with other settings: cosmology=test (now other); use the same settings"
                + " to extend it, or another folder", other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dataset.parseIndex("{\"format\": 3", "bad.json"));
    }

    @Test
    void resumeSkipsCompleteSamplesAndRemakesBrokenOnes() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        SampleSource base = TestSources.smoothing(8, 32.0);
        SampleSource counting = seed -> {
            calls.incrementAndGet();
            return base.make(seed);
        };
        // a "killed" run: cancelled after 4 samples
        AtomicInteger reports = new AtomicInteger();
        Progress stopper = new Progress() {
            @Override
            public void report(double fraction, String message) {
                if (message.endsWith("written")) {
                    reports.incrementAndGet();
                }
            }

            @Override
            public boolean cancelled() {
                return reports.get() >= 4;
            }
        };
        assertThrows(Progress.CancelledException.class, () -> DatasetBuilder.build(dir, 10, 7, counting, stopper));
        assertEquals(4, calls.get());
        assertThrows(IllegalArgumentException.class, () -> Dataset.open(dir)); // no index yet
        DatasetBuilder.build(dir, 10, 7, counting, Progress.NONE);
        assertEquals(10, calls.get());
        // truncate one file, delete another: exactly those two are made again
        try (FileChannel ch = FileChannel.open(dir.resolve(Dataset.fileName(9)), StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        Files.delete(dir.resolve(Dataset.fileName(12)));
        Dataset d = DatasetBuilder.build(dir, 10, 7, counting, Progress.NONE);
        assertEquals(12, calls.get());
        assertArrayEquals(base.make(9).za().c()[1], d.read(d.entries().get(2)).za().c()[1], 0f);
        assertThrows(IllegalArgumentException.class, () -> DatasetBuilder.build(dir, 10, 8, counting, Progress.NONE));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }
}
