package org.d3m.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.status.api.v1.ExecutorSummary;
import org.d3m.core.io.MemoryCheck;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Spark side shared by the jobs: the context (master, retries in local mode, local file system
 * without checksum files), the up-front memory check, and what a task needs on its executor (threads,
 * shipped files, the injected test fault).
 */
final class Sparks {

    /** Attempts per task in local mode, as on a cluster ({@code spark.task.maxFailures} defaults to 4). */
    static final int LOCAL_ATTEMPTS = 4;
    /** Spark conf key of the injected fault (tests): the seed whose first attempt fails. */
    static final String FAIL_ONCE = "spark.d3m.test.failOnceSeed";
    /** Spark conf key of the injected fault (tests): the seed whose every attempt fails. */
    static final String FAIL_ALWAYS = "spark.d3m.test.failSeed";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*(\\d+))?])?");
    private static final long MB = 1024L * 1024L;

    private Sparks() {
    }

    /** The conf of a job: the spark.* keys given, the master ({@link #master}), quiet console, raw local files. */
    static SparkConf conf(String appName, JobArgs args) {
        SparkConf conf = new SparkConf().setAppName(appName);
        args.sparkConf.forEach(conf::set);
        String m = args.master != null ? args.master : conf.get("spark.master", "local[*]");
        conf.setMaster(master(m));
        requireClusterManager(conf.get("spark.master"));
        if (!isLocal(conf)) {
            shipJobsJar(conf);
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // file: outputs without Hadoop's .crc side files, so a folder holds what the single-machine command writes
        conf.setIfMissing("spark.hadoop.fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        conf.setIfMissing("spark.hadoop.fs.file.impl.disable.cache", "true");
        conf.setIfMissing("spark.hadoop.fs.AbstractFileSystem.file.impl", "org.apache.hadoop.fs.local.RawLocalFs");
        // task commit moves a task's files into place at once (each file is complete): a killed run keeps them
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "2");
        conf.setIfMissing("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
        return conf;
    }

    /**
     * Starts the context of a job whose tasks need {@code perTaskBytes} each; on a standalone cluster
     * without {@code spark.executor.cores} (an executor then takes all of a worker's free cores) the
     * memory check runs here, on the cores of the executors that registered ({@link #requireMemoryOnExecutors}).
     * A refusal stops the context before anything is written.
     */
    /** The system property that names the jobs' jar for executors (the {@code ./d3m} launcher: spark/target/d3m-spark.jar). */
    static final String JOBS_JAR = "d3m.spark.jar";

    /**
     * Executors in JVMs of their own (any master but local mode) need the jobs' classes: unless
     * {@code spark.jars} is set (spark-submit sets it to the submitted jar), it becomes the absolute path
     * of the jar in {@link #JOBS_JAR}; without either the run is refused with one line, before Spark
     * starts (the executors would otherwise fail every task with a ClassCastException of a SerializedLambda).
     */
    static void shipJobsJar(SparkConf conf) {
        if (!conf.get("spark.jars", "").isBlank()) {
            return;
        }
        String master = conf.get("spark.master", "");
        String jar = System.getProperty(JOBS_JAR, "");
        if (jar.isBlank()) {
            throw new IllegalArgumentException("master=" + master + " runs the tasks in executors of their own, which need"
                    + " the jobs' jar: run ./d3m spark (it ships spark/target/d3m-spark.jar), give"
                    + " spark.jars=/absolute/path/d3m-spark.jar, or use spark-submit (docs/cluster.md)");
        }
        Path p = Path.of(jar).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("master=" + master + " ships the jobs' jar " + p + " to the executors, but it"
                    + " is missing: build it with mvn -f pom-all.xml -DskipTests package, or give spark.jars=...");
        }
        conf.set("spark.jars", p.toString());
    }

    /**
     * Refuses, before Spark starts, a master whose cluster manager is not on the class path: YARN and
     * Kubernetes are modules of a Spark distribution that {@code ./d3m spark} (spark-core only) lacks,
     * and Spark 4 has no Mesos support; such clusters take the jar through their own spark-submit.
     */
    static void requireClusterManager(String master) {
        String m = master.trim();
        String[] kind = m.equals("yarn") || m.startsWith("yarn-") ? new String[] {"YARN", "org.apache.spark.deploy.yarn.YarnClusterManager"}
                : m.startsWith("k8s://") ? new String[] {"Kubernetes", "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager"}
                : m.startsWith("mesos://") ? new String[] {"Mesos", "org.apache.spark.scheduler.cluster.mesos.MesosClusterManager"}
                : null;
        if (kind == null) {
            return;
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : Sparks.class.getClassLoader();
        try {
            Class.forName(kind[1], false, cl);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("master=" + m + " needs Spark's " + kind[0] + " support, which this class path"
                    + " lacks (./d3m spark has spark-core only): submit spark/target/d3m-spark.jar with the cluster's"
                    + " spark-submit (docs/cluster.md)");
        }
    }

    static JavaSparkContext start(SparkConf conf, long perTaskBytes, String what, PrintStream err) {
        JavaSparkContext sc = new JavaSparkContext(conf);
        try {
            sc.setLogLevel("WARN");
            if (executorCores(conf) == 0) {
                requireMemoryOnExecutors(sc, perTaskBytes, what, EXECUTOR_WAIT_MS, err);
            }
            return sc;
        } catch (RuntimeException e) {
            sc.close();
            throw e;
        }
    }

    /**
     * The master to use: {@code local}, {@code local[N]} and {@code local[*]} get {@link #LOCAL_ATTEMPTS}
     * attempts per task ({@code local[N,4]}: plain local mode never retries a failed task), others are
     * kept as given.
     */
    static String master(String m) {
        Matcher x = LOCAL.matcher(m.trim());
        if (!x.matches() || x.group(2) != null) {
            return m.trim();
        }
        return "local[" + (x.group(1) == null ? "1" : x.group(1)) + "," + LOCAL_ATTEMPTS + "]";
    }

    /** The forms of master URL Spark knows: local[...], local-cluster[...], yarn, spark://, k8s://, mesos://. */
    private static final Pattern MASTER_URL = Pattern.compile(
            "local(?:\\[(?:\\*|\\d+)(?:,\\s*\\d+)?])?|local-cluster\\[\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*]|yarn"
            + "|(?:spark|k8s|mesos)://\\S+");

    /**
     * Returns {@code m} when it has a form of Spark master URL; otherwise one line naming the forms,
     * before Spark starts (Spark itself logs a stack trace for "Could not parse Master URL").
     */
    static String requireMasterUrl(String m) {
        if (!MASTER_URL.matcher(m.trim()).matches()) {
            throw new IllegalArgumentException("master=" + m + " is not a Spark master URL; use local, local[N], local[*],"
                    + " local[N,ATTEMPTS], yarn, spark://HOST:PORT or k8s://https://HOST:PORT");
        }
        return m.trim();
    }

    /**
     * True for local mode (local, local[N], local[N,F]), where the tasks run in this JVM; false for any
     * master with executors in JVMs of their own, {@code local-cluster[...]} included.
     */
    static boolean isLocal(SparkConf conf) {
        return LOCAL.matcher(conf.get("spark.master", "local").trim()).matches();
    }

    /**
     * True for a master whose executors can only be on this machine: local mode, {@code local-cluster},
     * or a standalone master on a loopback address ({@code spark://127.x.x.x}, {@code localhost}); only
     * then may the driver bind to 127.0.0.1 (the {@code ./d3m} launcher sets {@code SPARK_LOCAL_IP} by
     * this rule too).
     */
    static boolean loopbackOnly(String master) {
        String m = master.trim();
        return isLocal(new SparkConf(false).setMaster(m)) || m.startsWith("local-cluster[")
                || LOOPBACK_STANDALONE.matcher(m).matches();
    }

    private static final Pattern LOOPBACK_STANDALONE = Pattern.compile("spark://(?:127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[::1])(?::\\d+)?/?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

    /**
     * The cores of an executor as known before start: {@code spark.executor.cores} when set; C of
     * {@code local-cluster[N,C,M]}; 1 on YARN and Kubernetes (their default); 0 when unknown until
     * executors register (a standalone master gives an executor all of a worker's free cores).
     */
    static int executorCores(SparkConf conf) {
        if (conf.contains("spark.executor.cores")) {
            return Math.max(1, conf.getInt("spark.executor.cores", 1));
        }
        String m = conf.get("spark.master", "local").trim();
        Matcher lc = LOCAL_CLUSTER.matcher(m);
        if (lc.matches()) {
            return Integer.parseInt(lc.group(2));
        }
        return m.startsWith("spark://") ? 0 : 1;
    }

    /**
     * Tasks that run at once in one JVM: N of local[N] (the cores for local[*]); executor cores / task
     * cpus on a cluster (1 while the executor cores are unknown, see {@link #executorCores}).
     */
    static int slots(SparkConf conf) {
        Matcher x = LOCAL.matcher(conf.get("spark.master", "local").trim());
        if (x.matches()) {
            String n = x.group(1);
            return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
        return slots(Math.max(1, executorCores(conf)), conf);
    }

    private static int slots(int executorCores, SparkConf conf) {
        return Math.max(1, executorCores / Math.max(1, conf.getInt("spark.task.cpus", 1)));
    }

    /**
     * Refuses, before any work, a run whose tasks do not fit their heap: the single-machine command's
     * estimate per task ({@code perTaskBytes}), times the tasks that share a JVM. In local mode the JVM is
     * this one and the check is the CLI's {@link MemoryCheck}; on a cluster the executors' heap is
     * {@code spark.executor.memory} less Spark's reserved 300 MB.
     */
    static void requireMemory(SparkConf conf, long perTaskBytes, String what) {
        int slots = slots(conf);
        if (isLocal(conf)) {
            MemoryCheck.require(perTaskBytes * slots, what + (slots == 1 ? "" : " x " + slots + " concurrent tasks"));
        } else if (executorCores(conf) > 0) {
            requireExecutorHeap(conf, perTaskBytes, slots, what);
        } // else: after start, on the cores the executors have (start)
    }

    private static void requireExecutorHeap(SparkConf conf, long perTaskBytes, int slots, String what) {
        String tasks = slots == 1 ? "" : " x " + slots + " concurrent tasks";
        long heap = conf.getSizeAsBytes("spark.executor.memory", "1g") - 300 * MB;
        if (perTaskBytes * slots > 0.9 * heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s%s needs ~%d MB per executor but spark.executor.memory leaves ~%d MB of heap"
                            + " (raise spark.executor.memory, set a lower spark.executor.cores or use a smaller grid)",
                    what, tasks, (perTaskBytes * slots + MB - 1) / MB, heap / MB));
        }
    }

    /** How long {@link #start} waits for a first executor to learn its cores [ms]. */
    static final long EXECUTOR_WAIT_MS = 120_000;

    /**
     * The memory check on the executors' real cores (the most any registered executor has), once at
     * least one executor has registered; when none registers within {@code waitMs}, one line on
     * {@code err} says that each task's own check is left (the tasks cannot run before then anyway).
     */
    static void requireMemoryOnExecutors(JavaSparkContext sc, long perTaskBytes, String what, long waitMs, PrintStream err) {
        long end = System.nanoTime() + waitMs * 1_000_000L;
        int cores = registeredExecutorCores(sc);
        while (cores == 0 && System.nanoTime() < end) {
            if (sc.sc().isStopped()) { // the master removed the application (no executor could start)
                throw new IllegalStateException("the cluster ended the application before any executor started"
                        + " (see the master's and the workers' logs; a worker that cannot build the executor's class path"
                        + " needs SPARK_HOME, and SPARK_SCALA_VERSION=2.13 when started without spark-class)");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            cores = registeredExecutorCores(sc);
        }
        if (cores == 0) {
            err.println("[d3m-spark] no executor registered within " + waitMs / 1000 + " s: the memory check is left"
                    + " to each task (set spark.executor.cores to check up front)");
            return;
        }
        requireExecutorHeap(sc.getConf(), perTaskBytes, slots(cores, sc.getConf()), what);
    }

    /** The most cores of any executor registered now (0 when none has). */
    static int registeredExecutorCores(JavaSparkContext sc) {
        int most = 0;
        for (ExecutorSummary e : CollectionConverters.asJava(sc.sc().statusStore().executorList(true))) {
            if (!"driver".equals(e.id())) {
                most = Math.max(most, e.totalCores());
            }
        }
        return most;
    }

    // ---- on an executor ----

    /**
     * Threads of a task: the given count, or for 0 ("all cores") the cpus Spark gives the task. libtorch
     * runs a task's predictions on this many threads too ({@link Emulators#predict}), so a result does
     * not depend on where the task runs (Spark sets OMP_NUM_THREADS on executors, not in local mode).
     */
    static int taskThreads(int threads) {
        TaskContext tc = TaskContext.get();
        return threads > 0 ? threads : tc == null ? 1 : Math.max(1, tc.cpus());
    }

    /** The local path of a file shipped with {@code SparkContext.addFile}, or null for null. */
    static Path shipped(String name) {
        return name == null ? null : Path.of(SparkFiles.get(name));
    }

    /** The folder that holds the files shipped with {@code SparkContext.addFile} on this executor. */
    static Path shippedFolder() {
        return Path.of(SparkFiles.getRootDirectory());
    }

    /**
     * The injected test faults: the first attempt of the task of {@code seed} fails when {@link #FAIL_ONCE}
     * names it, every attempt when {@link #FAIL_ALWAYS} does.
     */
    static void maybeFail(long seed) {
        SparkEnv env = SparkEnv.get();
        TaskContext tc = TaskContext.get();
        if (env == null || tc == null) {
            return;
        }
        String always = env.conf().get(FAIL_ALWAYS, "");
        if (!always.isEmpty() && Long.parseLong(always.trim()) == seed) {
            throw new IllegalStateException("injected fault on seed " + seed + " (every attempt)");
        }
        String s = env.conf().get(FAIL_ONCE, "");
        if (tc.attemptNumber() == 0 && !s.isEmpty() && Long.parseLong(s.trim()) == seed) {
            throw new IllegalStateException("injected fault on seed " + seed + " (first attempt only)");
        }
    }
}
