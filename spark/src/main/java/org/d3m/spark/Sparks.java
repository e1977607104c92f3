package org.d3m.spark;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.d3m.core.io.MemoryCheck;

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

    static JavaSparkContext start(SparkConf conf) {
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        return sc;
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

    /** True for a local master. */
    static boolean isLocal(SparkConf conf) {
        return conf.get("spark.master", "local").startsWith("local");
    }

    /** Tasks that run at once in one JVM: N of local[N] (the cores for local[*]); executor cores / task cpus on a cluster. */
    static int slots(SparkConf conf) {
        Matcher x = LOCAL.matcher(conf.get("spark.master", "local"));
        if (x.matches()) {
            String n = x.group(1);
            return n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
        }
        return Math.max(1, conf.getInt("spark.executor.cores", 1) / Math.max(1, conf.getInt("spark.task.cpus", 1)));
    }

    /**
     * Refuses, before any work, a run whose tasks do not fit their heap: the single-machine command's
     * estimate per task ({@code perTaskBytes}), times the tasks that share a JVM. In local mode the JVM is
     * this one and the check is the CLI's {@link MemoryCheck}; on a cluster the executors' heap is
     * {@code spark.executor.memory} less Spark's reserved 300 MB.
     */
    static void requireMemory(SparkConf conf, long perTaskBytes, String what) {
        int slots = slots(conf);
        String tasks = slots == 1 ? "" : " x " + slots + " concurrent tasks";
        if (isLocal(conf)) {
            MemoryCheck.require(perTaskBytes * slots, what + tasks);
            return;
        }
        long heap = conf.getSizeAsBytes("spark.executor.memory", "1g") - 300 * MB;
        if (perTaskBytes * slots > 0.9 * heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s%s needs ~%d MB per executor but spark.executor.memory leaves ~%d MB of heap"
                            + " (raise spark.executor.memory, lower spark.executor.cores or use a smaller grid)",
                    what, tasks, (perTaskBytes * slots + MB - 1) / MB, heap / MB));
        }
    }

    // ---- on an executor ----

    /** Threads of a task: the given count, or for 0 ("all cores") the cpus Spark gives the task. */
    static int taskThreads(int threads) {
        TaskContext tc = TaskContext.get();
        return threads > 0 ? threads : tc == null ? 1 : Math.max(1, tc.cpus());
    }

    /** The local path of a file shipped with {@code SparkContext.addFile}, or null for null. */
    static Path shipped(String name) {
        return name == null ? null : Path.of(SparkFiles.get(name));
    }

    /** The injected test fault: the first attempt of the task of {@code seed} fails when the conf asks for it. */
    static void maybeFail(long seed) {
        SparkEnv env = SparkEnv.get();
        TaskContext tc = TaskContext.get();
        if (env == null || tc == null || tc.attemptNumber() > 0) {
            return;
        }
        String s = env.conf().get(FAIL_ONCE, "");
        if (!s.isEmpty() && Long.parseLong(s.trim()) == seed) {
            throw new IllegalStateException("injected fault on seed " + seed + " (first attempt only)");
        }
    }
}
