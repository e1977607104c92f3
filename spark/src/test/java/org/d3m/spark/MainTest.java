package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher without Spark: usage, list, help, masters, one-line errors. */
class MainTest {

    @Test
    void usageListAndHelp() {
        Runs.Result none = Runs.spark();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("usage: d3m spark list"), none.err());
        Runs.Result list = Runs.spark("list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("make-dataset") && list.out().contains("ensemble") && list.out().contains("reproduce-table"));
        Runs.Result help = Runs.spark("help", "make-dataset");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("usage: d3m spark make-dataset key=value") && help.out().contains("mesh_factor")
                && help.out().contains("master"), help.out());
        Runs.Result eh = Runs.spark("help", "ensemble");
        assertTrue(eh.out().contains("models") && eh.out().contains("default auto"), eh.out());
    }

    @Test
    void localMastersRetryLikeACluster() {
        assertEquals("local[2,4]", Sparks.master("local[2]"));
        assertEquals("local[*,4]", Sparks.master("local[*]"));
        assertEquals("local[1,4]", Sparks.master("local"));
        assertEquals("local[2,1]", Sparks.master("local[2,1]"));
        assertEquals("yarn", Sparks.master("yarn"));
        assertEquals(3, Sparks.slots(new SparkConf().setMaster("local[3,4]")));
        assertEquals(2, Sparks.slots(new SparkConf().setMaster("yarn").set("spark.executor.cores", "4").set("spark.task.cpus", "2")));
    }

    /** Issue 23, item 6: local-cluster has executors of their own; only local masters bind the driver to loopback. */
    @Test
    void localClusterIsNotLocalMode() {
        assertTrue(Sparks.isLocal(new SparkConf(false).setMaster("local[2,4]")));
        assertTrue(Sparks.isLocal(new SparkConf(false).setMaster("local")));
        assertFalse(Sparks.isLocal(new SparkConf(false).setMaster("local-cluster[2,1,1024]")));
        assertFalse(Sparks.isLocal(new SparkConf(false).setMaster("spark://127.0.0.1:7077")));
        for (String m : new String[] {"local", "local[*]", "local[2,4]", "local-cluster[2,1,1024]", "spark://127.0.0.1:7077",
            "spark://localhost:7077"}) {
            assertTrue(Sparks.loopbackOnly(m), m);
        }
        for (String m : new String[] {"spark://10.1.2.3:7077", "spark://head.cluster:7077", "spark://127.0.0.1.example:7077",
            "yarn", "k8s://https://127.0.0.1:443"}) {
            assertFalse(Sparks.loopbackOnly(m), m);
        }
        // executor cores before start: given; local-cluster's C; YARN's and Kubernetes' default 1; standalone: unknown
        assertEquals(1, Sparks.executorCores(new SparkConf(false).setMaster("local-cluster[2,1,1024]")));
        assertEquals(3, Sparks.executorCores(new SparkConf(false).setMaster("local-cluster[1,3,1024]")));
        assertEquals(1, Sparks.executorCores(new SparkConf(false).setMaster("yarn")));
        assertEquals(0, Sparks.executorCores(new SparkConf(false).setMaster("spark://h:7077")));
        assertEquals(4, Sparks.executorCores(new SparkConf(false).setMaster("spark://h:7077").set("spark.executor.cores", "4")));
    }

    /** Issue 23, item 1: executors of their own get the jobs' jar, or the run is refused before Spark starts. */
    @Test
    void aClusterMasterShipsTheJobsJarOrIsRefused(@TempDir Path dir) throws Exception {
        String before = System.getProperty(Sparks.JOBS_JAR);
        try {
            System.clearProperty(Sparks.JOBS_JAR);
            Runs.Result r = Runs.spark(Runs.args("make-dataset", "samples=1", "output_dir=" + dir.resolve("a"),
                    "master=spark://127.0.0.1:1"));
            assertEquals(1, r.code());
            assertEquals("error: master=spark://127.0.0.1:1 runs the tasks in executors of their own, which need the jobs'"
                    + " jar: run ./d3m spark (it ships spark/target/d3m-spark.jar), give spark.jars=/absolute/path/d3m-spark.jar,"
                    + " or use spark-submit (docs/cluster.md)", r.err().strip());
            System.setProperty(Sparks.JOBS_JAR, dir.resolve("no.jar").toString());
            r = Runs.spark(Runs.args("make-dataset", "samples=1", "output_dir=" + dir.resolve("a"), "master=local-cluster[1,1,1024]"));
            assertEquals(1, r.code());
            assertTrue(r.err().startsWith("error: master=local-cluster[1,1,1024] ships the jobs' jar " + dir.resolve("no.jar")
                    + " to the executors, but it is missing"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            Path jar = Files.writeString(dir.resolve("d3m-spark.jar"), "x");
            System.setProperty(Sparks.JOBS_JAR, jar.toString());
            SparkConf c = Sparks.conf("t", JobArgs.parse("make-dataset", List.of("master=spark://h:7077")));
            assertEquals(jar.toAbsolutePath().toString(), c.get("spark.jars"));
            SparkConf given = Sparks.conf("t", JobArgs.parse("make-dataset", List.of("master=spark://h:7077", "spark.jars=/x/y.jar")));
            assertEquals("/x/y.jar", given.get("spark.jars"), "spark-submit's or the user's jar is kept");
            assertFalse(Sparks.conf("t", JobArgs.parse("make-dataset", List.of("master=local[2]"))).contains("spark.jars"));
            assertFalse(Files.exists(dir.resolve("a")), "nothing written");
        } finally {
            if (before == null) {
                System.clearProperty(Sparks.JOBS_JAR);
            } else {
                System.setProperty(Sparks.JOBS_JAR, before);
            }
        }
    }

    /** Issue 23, item 1: yarn and k8s:// need Spark modules that ./d3m spark lacks: one line, before Spark starts. */
    @Test
    void yarnAndKubernetesWithoutTheirModulesAreOneLine(@TempDir Path dir) {
        for (String[] m : new String[][] {{"yarn", "YARN"}, {"k8s://https://127.0.0.1:443", "Kubernetes"}, {"mesos://h:5050", "Mesos"}}) {
            Runs.Result r = Runs.spark(Runs.args("make-dataset", "samples=1", "output_dir=" + dir.resolve("a"), "master=" + m[0]));
            assertEquals(1, r.code(), r.err());
            assertEquals("error: master=" + m[0] + " needs Spark's " + m[1] + " support, which this class path lacks"
                    + " (./d3m spark has spark-core only): submit spark/target/d3m-spark.jar with the cluster's spark-submit"
                    + " (docs/cluster.md)", r.err().strip());
        }
        assertFalse(Files.exists(dir.resolve("a")));
        Runs.Result help = Runs.spark("help", "ensemble");
        assertTrue(help.out().contains("spark://HOST:PORT, a standalone cluster") && help.out().contains("spark-submit only"),
                help.out());
    }

    @Test
    void clusterMemoryIsCheckedAgainstTheExecutorHeap() {
        SparkConf c = new SparkConf().setMaster("yarn").set("spark.executor.memory", "1g").set("spark.executor.cores", "2");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sparks.requireMemory(c, 800L << 20, "grid 256^3"));
        assertTrue(e.getMessage().startsWith("grid 256^3 x 2 concurrent tasks needs ~1600 MB per executor but"
                + " spark.executor.memory leaves ~724 MB of heap"), e.getMessage());
        Sparks.requireMemory(c.set("spark.executor.memory", "4g"), 800L << 20, "grid 256^3");
        // standalone without spark.executor.cores: not known before start (checked once executors register)
        Sparks.requireMemory(new SparkConf(false).setMaster("spark://h:7077").set("spark.executor.memory", "1g"), 800L << 20,
                "grid 256^3");
        // local-cluster[N,C,M]: C cores per executor
        assertThrows(IllegalArgumentException.class, () -> Sparks.requireMemory(new SparkConf(false)
                .setMaster("local-cluster[1,2,1024]"), 400L << 20, "grid 256^3"));
    }
}
