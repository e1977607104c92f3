package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.d3m.core.cosmology.Cosmology;
import org.d3m.core.cosmology.EisensteinHu;
import org.d3m.core.cosmology.LinearPower;
import org.d3m.core.emulator.DjlRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs on a master whose executors are JVMs of their own, started by Spark's Worker from a
 * SPARK_HOME that holds Spark's jars only ({@code spark-home/target/jars}, assembled by the build; the
 * failsafe configuration sets SPARK_HOME): {@code local-cluster[2,1,1024]}, one Master and two Workers
 * in this JVM, each Worker launching an executor JVM, as on a standalone cluster. The jobs' classes reach
 * the executors only through {@code spark.jars}, which the jobs set from {@code -Dd3m.spark.jar} (the
 * built {@code target/d3m-spark.jar}), as {@code ./d3m spark} does. Checked: make-dataset gives the
 * command's files byte for byte; ensemble with D3M gives local mode's files byte for byte (libtorch on
 * the task's cores in both); reproduce-table with {@code pk_dir} ships each table and gives the
 * command's table; a task that fails on every attempt is one line; the memory check reads the cores the
 * executors really have; the shaded jar names its version.
 */
class SparkClusterIT {

    static final String CLUSTER = "local-cluster[2,1,1024]";
    @TempDir
    static Path dir;

    @BeforeAll
    static void sparkHomeHoldsSparksJarsOnly() throws IOException {
        Path jars = sparkHome().resolve("jars");
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(jars)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith("spark-core_2.13-")), "Spark is in " + jars + ": " + names);
        for (String n : names) {
            assertFalse(n.matches("(?i)(D3M|d3m-spark|api-|pytorch|ij-|scijava|imglib).*"), "not Spark's: " + n);
        }
    }

    /** The application folders (app-*) in the Workers' work dir now. */
    static List<Path> appFolders() throws IOException {
        Path work = sparkHome().resolve("work");
        if (!Files.isDirectory(work)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith("app-")).toList();
        }
    }

    /** Each application's folder in the Workers' work dir holds a copy of the 136 MB jar per executor: removed. */
    @AfterAll
    static void removeTheWorkersAppFolders() throws IOException {
        Path work = sparkHome().resolve("work");
        if (Files.isDirectory(work)) {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Path sparkHome() {
        String home = System.getenv("SPARK_HOME");
        assertTrue(home != null && Files.isDirectory(Path.of(home, "jars")), "SPARK_HOME with jars/ (failsafe sets it): " + home);
        return Path.of(home);
    }

    @Test
    void makeDatasetOnSeparateExecutorsIsTheCommandsDataset() throws IOException {
        Path single = dir.resolve("md-cli");
        Runs.Result c = Runs.cli(Runs.args("make-dataset", "samples=4", "seed=100", "threads=1", "output_dir=" + single));
        assertEquals(0, c.code(), c.err());
        Path cluster = dir.resolve("md-cluster");
        List<Path> before = appFolders();
        Runs.Result r = Runs.spark(Runs.args("make-dataset", "samples=4", "seed=100", "output_dir=" + cluster,
                "master=" + CLUSTER, "spark.ui.enabled=false"));
        assertEquals(0, r.code(), r.err());
        assertEquals("4 samples (4 train, 0 val, 0 test) of 16^3 in " + cluster, r.out().strip());
        assertTrue(r.err().contains("4/4 seeds"), "progress on a cluster too: " + r.err());
        MakeDatasetJobTest.assertSameDataset(single, cluster);
        List<Path> apps = new ArrayList<>(appFolders());
        apps.removeAll(before);
        assertEquals(1, apps.size(), "one application: " + apps);
        assertExecutorsRanOnSparksJarsOnly(apps.get(0));
    }

    /**
     * Each executor's stderr in the Workers' work dir starts with the command the Worker ran: its class
     * path is SPARK_HOME's jars only, and the executor's folder holds the jar it fetched (spark.jars).
     */
    static void assertExecutorsRanOnSparksJarsOnly(Path app) throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Files.walk(app)) {
            logs = s.filter(p -> p.getFileName().toString().equals("stderr")).toList();
        }
        assertEquals(2, logs.size(), "two executors: " + logs);
        for (Path log : logs) {
            String first = Files.readAllLines(log).get(0);
            java.util.regex.Matcher cp = java.util.regex.Pattern.compile("\"-cp\" \"([^\"]*)\"").matcher(first);
            assertTrue(first.startsWith("Spark Executor Command:") && cp.find(), first);
            assertTrue(cp.group(1).endsWith(sparkHome().resolve("jars") + "/*"), cp.group(1));
            for (String entry : cp.group(1).split(java.io.File.pathSeparator)) {
                assertTrue(entry.startsWith(sparkHome().toString()), "only SPARK_HOME on the class path: " + entry);
            }
            assertTrue(Files.size(log.resolveSibling("d3m-spark.jar")) > 100_000_000L, "the jar came by spark.jars: " + log);
        }
    }

    @Test
    void ensembleWithD3mOnSeparateExecutorsIsLocalModeByteForByte() {
        Path model = TinyModel.weights();
        String[] keys = {"seeds=2", "seed=1000", "models=za,fastpm,d3m", "model=" + model, "device=cpu", "symmetries=2",
            "spark.ui.enabled=false"};
        Path local = dir.resolve("ens-local");
        Runs.Result l = Runs.spark(Runs.args("ensemble", concat(keys, "output_dir=" + local, "master=local[2]")));
        assertEquals(0, l.code(), l.err());
        Path cluster = dir.resolve("ens-cluster");
        Runs.Result r = Runs.spark(Runs.args("ensemble", concat(keys, "output_dir=" + cluster, "master=" + CLUSTER)));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("model " + model + " (width 4"), r.out());
        TreeMap<String, byte[]> a = Runs.files(local);
        TreeMap<String, byte[]> b = Runs.files(cluster);
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.containsKey("pk-covariance-D3M.csv") && a.containsKey("seeds/seed-1001.json"), a.keySet().toString());
        for (Map.Entry<String, byte[]> e : a.entrySet()) {
            assertArrayEquals(e.getValue(), b.get(e.getKey()), e.getKey() + ": local[2] and the cluster byte for byte");
        }
    }

    @Test
    void reproduceTableWithPkDirShipsEachTable() throws IOException {
        Path pkDir = dir.resolve("class-tables");
        Files.createDirectories(pkDir);
        writeTable(pkDir.resolve("class_pk_Om0.1.txt"), Cosmology.planck15().withOmegaM(0.1));
        writeTable(pkDir.resolve("class_pk_Om0.5.txt"), Cosmology.planck15().withOmegaM(0.5)); // not asked for: not shipped
        String[] keys = {"seeds=1", "seed=2000", "three_point_seeds=0", "cosmologies=trained,Om0.1", "device=cpu",
            "model=" + TinyModel.weights(), "pk_dir=" + pkDir};
        Path cli = dir.resolve("rt-cli");
        DjlRuntime.setThreads(1); // libtorch as a task with one core runs it (the command leaves it every core)
        Runs.Result c = Runs.cli(Runs.args("reproduce-table", concat(keys, "threads=1", "output_dir=" + cli)));
        assertEquals(0, c.code(), c.err());
        Path cluster = dir.resolve("rt-cluster");
        Runs.Result r = Runs.spark(Runs.args("reproduce-table", concat(keys, "output_dir=" + cluster, "master=" + CLUSTER,
                "spark.ui.enabled=false")));
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(cli.resolve("table.csv")), Files.readString(cluster.resolve("table.csv")));
        assertEquals(2, Runs.files(cluster.resolve("seeds")).size());
    }

    @Test
    void aTaskThatFailsOnEveryAttemptIsItsOwnLine() {
        Path out = dir.resolve("fails");
        Runs.Result r = Runs.spark(Runs.args("make-dataset", "samples=1", "seed=700", "output_dir=" + out, "master=" + CLUSTER,
                "spark.ui.enabled=false", "spark.task.maxFailures=2", Sparks.FAIL_ALWAYS + "=700"));
        assertEquals(1, r.code(), r.err());
        List<String> errors = r.err().lines().filter(x -> x.startsWith("error: ")).toList();
        assertEquals(List.of("error: a task failed on every attempt: IllegalStateException: injected fault on seed 700"
                + " (every attempt)"), errors, r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Job aborted"), r.err());
    }

    /** Standalone gives an executor all of a worker's cores: the check reads them once executors register. */
    @Test
    void theMemoryCheckReadsTheExecutorsCores() {
        SparkConf conf = new SparkConf(false).setAppName("d3m memory check").setMaster("local-cluster[1,2,1024]")
                .set("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Sparks.requireMemoryOnExecutors(sc, 400L << 20, "grid 512^3", 120_000, System.err));
            assertEquals(2, Sparks.registeredExecutorCores(sc));
            assertTrue(e.getMessage().startsWith("grid 512^3 x 2 concurrent tasks needs ~800 MB per executor but"
                    + " spark.executor.memory leaves ~724 MB of heap"), e.getMessage());
            Sparks.requireMemoryOnExecutors(sc, 300L << 20, "grid 256^3", 120_000, System.err);
        }
    }

    @Test
    void theShadedJarNamesItsVersion() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty(Sparks.JOBS_JAR))) {
            assertEquals(System.getProperty("d3m.version"),
                    jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
        }
    }

    /** A linear P(k) table in the CLASS tables' two columns (k [h/Mpc], P [(Mpc/h)^3]), here from Eisenstein-Hu. */
    static void writeTable(Path file, Cosmology c) {
        LinearPower p = new EisensteinHu(c);
        StringBuilder sb = new StringBuilder("# k [h/Mpc]  P [(Mpc/h)^3], Eisenstein-Hu (test table)\n");
        for (int i = 0; i <= 400; i++) {
            double k = Math.pow(10, -4 + 6.0 * i / 400);
            sb.append(String.format(Locale.ROOT, "%.8e %.8e%n", k, p.at(k)));
        }
        try {
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
