package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make-dataset through Spark (local[2], 10 seeds: every split, so the test split's 2LPT field too; one
 * seed with a fault injected on its first attempt) against
 * the single-machine command: the same sample files byte for byte, the same index but for its time and
 * folder; a rerun resumes; bad input is one line before anything is written.
 */
class MakeDatasetJobTest {

    @TempDir
    static Path dir;
    static Path single;

    @BeforeAll
    static void singleMachine() {
        single = dir.resolve("single");
        Runs.Result r = Runs.cli(Runs.args("make-dataset", "samples=10", "seed=100", "threads=2", "output_dir=" + single));
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void sparkWithARetriedTaskWritesTheSingleMachineDatasetAndResumes() throws Exception {
        Path spark = dir.resolve("spark");
        Runs.Result r = Runs.spark(Runs.args("make-dataset", "samples=10", "seed=100", "output_dir=" + spark,
                "master=local[2]", "spark.ui.enabled=false", Sparks.FAIL_ONCE + "=103"));
        assertEquals(0, r.code(), r.err());
        assertEquals("10 samples (8 train, 1 val, 1 test) of 16^3 in " + spark, r.out().strip());
        assertTrue(r.err().contains("1 failed attempt"), "the injected fault failed one attempt: " + r.err());
        assertTrue(r.err().contains("10/10 seeds"), r.err());
        assertSameDataset(single, spark);

        // resume: a missing and a truncated sample are made again, the others kept
        Path s3 = spark.resolve("sample-103.d3ms");
        Path s6 = spark.resolve("sample-106.d3ms");
        Files.setLastModifiedTime(spark.resolve("sample-109.d3ms"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        long kept = Files.getLastModifiedTime(spark.resolve("sample-109.d3ms")).toMillis();
        Files.delete(s3);
        byte[] b6 = Files.readAllBytes(s6);
        Files.write(s6, java.util.Arrays.copyOf(b6, b6.length / 2));
        Runs.Result again = Runs.spark(Runs.args("make-dataset", "samples=10", "seed=100", "output_dir=" + spark,
                "master=local[2]", "spark.ui.enabled=false"));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("8 of 10 samples exist: 2/2 seeds"), again.err());
        assertEquals(kept, Files.getLastModifiedTime(spark.resolve("sample-109.d3ms")).toMillis(), "kept, not rewritten");
        assertSameDataset(single, spark);
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("bad");
        String[][] bad = {
            {"make-dataset", "samples=2", "grid=18", "output_dir=" + out},
            Runs.args("make-dataset", "samples=2", "colour=red", "output_dir=" + out),
            Runs.args("make-dataset", "samples=0", "output_dir=" + out),
            Runs.args("make-dataset", "samples=2", "kernel=magic", "output_dir=" + out),
            Runs.args("make-dataset", "samples=2", "sigma8=-1", "output_dir=" + out),
            Runs.args("make-dataset", "samples=2", "output_dir=" + out, "master="),
        };
        String[] expect = {
            "error: sample grid must be a multiple of 4, got 18",
            "error: unknown key 'colour' for make-dataset; known:",
            "error: sample count must be >= 1, got 0",
            "error: kernel",
            "error: sigma8 must be a finite number > 0, or 0 for no rescaling; got -1",
            "error: master must not be empty",
        };
        for (int i = 0; i < bad.length; i++) {
            Runs.Result r = Runs.spark(bad[i]);
            assertEquals(1, r.code(), String.join(" ", bad[i]));
            assertTrue(r.err().startsWith(expect[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", bad[i]));
        }
        assertEquals(2, Runs.spark("no-such-job").code());

        // a folder holding a dataset with other settings is refused, untouched
        TreeMap<String, byte[]> before = Runs.files(single);
        Runs.Result r = Runs.spark("make-dataset", "grid=16", "box_size=64", "steps=3", "samples=10", "seed=100",
                "output_dir=" + single, "master=local[1]", "spark.ui.enabled=false");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + single + " holds a dataset made with other settings: steps=2 (now 3)"),
                r.err());
        TreeMap<String, byte[]> after = Runs.files(single);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    @Test
    void cosmologyRangesGiveTheSingleMachineSamplesAndIndex() throws Exception {
        String[] keys = {"samples=10", "seed=300", "omega_m_range=0.2,0.4", "a_s_range=1e-9,3e-9", "redshift_range=0,1"};
        Path one = dir.resolve("ranges-single");
        Runs.Result r = Runs.cli(Runs.args("make-dataset", concat(keys, "threads=2", "output_dir=" + one)));
        assertEquals(0, r.code(), r.err());
        Path spark = dir.resolve("ranges-spark");
        r = Runs.spark(Runs.args("make-dataset", concat(keys, "output_dir=" + spark, "master=local[2]",
                "spark.ui.enabled=false")));
        assertEquals(0, r.code(), r.err());
        assertSameDataset(one, spark);
        String index = Files.readString(spark.resolve("index.json"));
        assertTrue(index.contains("\"omega_m\"") && index.contains("\"redshift\""), "the index records each sample's draw");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Sample files byte for byte, the same set of files, index.json equal but for created, output_dir and threads. */
    static void assertSameDataset(Path expected, Path actual) {
        TreeMap<String, byte[]> a = Runs.files(expected);
        TreeMap<String, byte[]> b = Runs.files(actual);
        assertEquals(a.keySet(), b.keySet(), "the same files (no _temporary, no .crc, no _SUCCESS)");
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            if (e.getKey().endsWith(".d3ms")) {
                assertArrayEquals(e.getValue(), b.get(e.getKey()), e.getKey() + " byte for byte");
            }
        }
        JsonObject ia = JsonParser.parseString(new String(a.get("index.json"))).getAsJsonObject();
        JsonObject ib = JsonParser.parseString(new String(b.get("index.json"))).getAsJsonObject();
        for (JsonObject i : new JsonObject[] {ia, ib}) {
            i.getAsJsonObject("meta").remove("created");
            i.getAsJsonObject("meta").remove("output_dir");
            i.getAsJsonObject("meta").remove("threads"); // the run's thread count (results never depend on it)
        }
        assertEquals(ia, ib, "index.json but for created, output_dir and threads");
    }
}
