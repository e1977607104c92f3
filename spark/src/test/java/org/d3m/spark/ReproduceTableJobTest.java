package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.d3m.core.emulator.DjlRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce-table through Spark gives the single-machine command's table.csv, cell for cell. */
class ReproduceTableJobTest {

    @Test
    void sparkTableIsTheCommandsTable(@TempDir Path dir) throws Exception {
        String model = "model=" + TinyModel.weights();
        String[] keys = {"seeds=2", "seed=2000", "three_point_seeds=0", "cosmologies=trained,Om0.1", "device=cpu", model};
        Path cli = dir.resolve("cli");
        DjlRuntime.setThreads(1); // libtorch as a Spark task with one core runs it (the command leaves it every core)
        Runs.Result c = Runs.cli(Runs.args("reproduce-table", concat(keys, "threads=2", "output_dir=" + cli)));
        assertEquals(0, c.code(), c.err());
        Path spark = dir.resolve("spark");
        Runs.Result s = Runs.spark(Runs.args("reproduce-table", concat(keys, "output_dir=" + spark, "master=local[2]",
                "spark.ui.enabled=false")));
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("| Om0.1 | D3M | displacement |"), s.out());
        assertEquals(Files.readString(cli.resolve("table.csv")), Files.readString(spark.resolve("table.csv")));
        assertEquals(4, Runs.files(spark.resolve("seeds")).size(), "one file per (cosmology, seed)");
        assertFalse(Files.exists(spark.resolve("_temporary")));

        Runs.Result bad = Runs.spark(Runs.args("reproduce-table", "seeds=2", "seed=505", model,
                "output_dir=" + dir.resolve("bad")));
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("error: seeds 505..506 include seeds the model was trained on"), bad.err());
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    /** At redshift=1 too, and a folder made at z = 1 is not extended at z = 0. */
    @Test
    void sparkTableIsTheCommandsTableAtARedshift(@TempDir Path dir) throws Exception {
        String model = "model=" + TinyModel.weights();
        String[] keys = {"seeds=1", "seed=2000", "three_point_seeds=0", "cosmologies=trained", "device=cpu", model, "redshift=1"};
        Path cli = dir.resolve("cli");
        DjlRuntime.setThreads(1);
        Runs.Result c = Runs.cli(Runs.args("reproduce-table", concat(keys, "threads=2", "output_dir=" + cli)));
        assertEquals(0, c.code(), c.err());
        Path spark = dir.resolve("spark");
        Runs.Result s = Runs.spark(Runs.args("reproduce-table", concat(keys, "output_dir=" + spark, "master=local[2]",
                "spark.ui.enabled=false")));
        assertEquals(0, s.code(), s.err());
        assertEquals(Files.readString(cli.resolve("table.csv")), Files.readString(spark.resolve("table.csv")));
        String md = Files.readString(spark.resolve("table.md"));
        assertTrue(md.contains("to 0.5 (z = 1)") && md.contains("records no redshift"), md);
        Runs.Result z0 = Runs.spark(Runs.args("reproduce-table", "seeds=1", "seed=2000", "three_point_seeds=0",
                "cosmologies=trained", "device=cpu", model, "output_dir=" + spark, "master=local[1]"));
        assertEquals(1, z0.code());
        assertTrue(z0.err().contains("holds a table made with other settings"), z0.err());
    }

    /**
     * three_point_estimator reaches the tasks: with particles the Spark table is the command's with
     * particles (not the mesh default's), table.md names it, and a folder made with one estimator is not
     * extended with the other.
     */
    @Test
    void sparkTableUsesTheThreePointEstimator(@TempDir Path dir) throws Exception {
        String model = "model=" + TinyModel.weights();
        String[] keys = {"seeds=1", "seed=2000", "three_point_seeds=1", "cosmologies=trained", "device=cpu", model};
        Path cli = dir.resolve("cli");
        Runs.Result c = Runs.cli(Runs.args("reproduce-table", concat(keys, "threads=2", "output_dir=" + cli,
                "three_point_estimator=particles")));
        assertEquals(0, c.code(), c.err());
        Path mesh = dir.resolve("cli-mesh");
        assertEquals(0, Runs.cli(Runs.args("reproduce-table", concat(keys, "threads=2", "output_dir=" + mesh))).code());
        assertNotEquals(Files.readString(mesh.resolve("table.csv")), Files.readString(cli.resolve("table.csv")),
                "the two estimators give different 3PCF cells");
        Path spark = dir.resolve("spark");
        Runs.Result s = Runs.spark(Runs.args("reproduce-table", concat(keys, "output_dir=" + spark, "master=local[2]",
                "spark.ui.enabled=false", "three_point_estimator=particles")));
        assertEquals(0, s.code(), s.err());
        assertEquals(Files.readString(cli.resolve("table.csv")), Files.readString(spark.resolve("table.csv")));
        assertTrue(Files.readString(spark.resolve("table.md")).contains("estimator particles:"), "table.md names it");
        Runs.Result other = Runs.spark(Runs.args("reproduce-table", concat(keys, "output_dir=" + spark, "master=local[1]",
                "three_point_estimator=mesh")));
        assertEquals(1, other.code());
        assertTrue(other.err().contains("holds a table made with other settings"), other.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
