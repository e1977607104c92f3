package org.d3m.spark;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkException;
import org.d3m.core.io.Provenance;
import org.d3m.ij.Commands;
import org.scijava.command.CommandInfo;

/**
 * The D3M jobs on Apache Spark:
 * <pre>
 *   spark-submit --class org.d3m.spark.Main d3m-spark.jar JOB key=value ...
 *   ./d3m spark JOB key=value ... [master=local[*]] [spark.KEY=VALUE ...]
 *   ./d3m spark list | help JOB
 * </pre>
 * The jobs' keys are those of the single-machine commands (ensemble has its own); {@code master} and
 * any {@code spark.*} key go to Spark. Any failure prints one line {@code error: ...} on stderr and exits
 * 1 (2 for a usage error); bad input is refused before Spark starts or anything is written.
 */
public final class Main {

    static final String JOBS = """
            make-dataset      (ZA, FastPM) training pairs, one seed per task: the files and index of ./d3m make-dataset
            ensemble          ZA / 2LPT / FastPM / D3M per seed: density P(k), point-wise error vs FastPM; mean, scatter, covariance
            reproduce-table   the paper's Table 1 (./d3m reproduce-table), one (cosmology, seed) per task
            """;

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a job and returns the exit code: 0 success, 1 error, 2 usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        try {
            String job = args[0];
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            switch (job) {
                case "-h", "--help" -> out.print(usage());
                case "list" -> out.print(JOBS);
                case "version", "--version" -> out.println("D3M for Fiji (Spark jobs) " + Provenance.version());
                case "help" -> {
                    if (rest.isEmpty()) {
                        out.print(usage());
                    } else {
                        out.print(help(rest.get(0)));
                    }
                }
                case "make-dataset" -> out.println(MakeDatasetJob.run(JobArgs.parse(job, rest), err));
                case "ensemble" -> out.println(EnsembleJob.run(JobArgs.parse(job, rest), err));
                case "reproduce-table" -> out.println(ReproduceTableJob.run(JobArgs.parse(job, rest), err));
                default -> {
                    err.println("error: unknown job '" + job + "'; jobs: make-dataset, ensemble, reproduce-table");
                    return 2;
                }
            }
            out.flush();
            return 0;
        } catch (Throwable t) {
            err.println("error: " + errorLine(t));
            if (Boolean.getBoolean("d3m.debug")) {
                t.printStackTrace(err);
            }
            return 1;
        }
    }

    /**
     * One line for a failure, from the whole chain of causes down to the root: the message of the
     * innermost IllegalArgumentException (a bad key, or an executor's refusal, through Spark's job
     * failure); a task that failed on every attempt with another exception: "a task failed on every
     * attempt: " and that exception's line, whether Spark carries the exception as a cause (local
     * mode) or only as text in a message of the chain (an executor's exception that did not travel),
     * never Spark's "Job aborted" with the task's stack trace; else the plugin's
     * {@link Commands#errorLine} of the cause below Spark's wrappers.
     */
    static String errorLine(Throwable t) {
        IllegalArgumentException bad = null;
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof IllegalArgumentException i && i.getMessage() != null) {
                bad = i;
            }
        }
        if (bad != null) {
            return bad.getMessage().replace('\n', ' ');
        }
        Throwable task = taskFailure(t);
        if (task != null) {
            return TASK_FAILED + Commands.errorLine(task);
        }
        String lostLine = null;
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            Matcher lost = c.getMessage() == null ? null : LOST_TASK.matcher(firstLine(c.getMessage()));
            if (lost != null && lost.find()) {
                lostLine = lost.group(1); // the innermost such message wins
            }
        }
        if (lostLine != null) {
            Matcher refused = REFUSAL.matcher(lostLine);
            return refused.matches() ? refused.group(1)
                    : TASK_FAILED + lostLine.replaceFirst("^(?:[a-z]\\w*\\.)+(\\w+(?:Exception|Error))", "$1");
        }
        Throwable root = t; // below Spark's wrappers ("Job aborted."): what went wrong
        while (root instanceof SparkException && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(Commands.errorLine(root));
    }

    /** An executor's refusal, as text: its message alone, as in local mode. */
    private static final Pattern REFUSAL = Pattern.compile("java\\.lang\\.IllegalArgumentException: (.+)");

    private static final String TASK_FAILED = "a task failed on every attempt: ";
    /** The task's own failure in the text of Spark's "Job aborted due to stage failure" (when it has no cause). */
    private static final Pattern LOST_TASK = Pattern.compile("most recent failure: Lost task [^)]*\\)(?: \\([^)]*\\))?: (.+)$");

    /**
     * The exception a task threw, when Spark's job failure carries it as a cause (local mode): the
     * innermost cause that is not Spark's own wrapper; null when there is none.
     */
    static Throwable taskFailure(Throwable t) {
        Throwable found = null;
        boolean spark = false;
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof SparkException) {
                spark = true;
            } else if (spark) {
                found = c;
            }
        }
        return found;
    }

    /** The text before the first stack frame or line break. */
    private static String firstLine(String line) {
        int cut = line.length();
        for (String mark : new String[] {" \tat ", "\n", "\tat "}) {
            int i = line.indexOf(mark);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return line.substring(0, cut).strip();
    }

    static String usage() {
        return """
                usage: d3m spark list                    the jobs
                       d3m spark help JOB                a job's keys
                       d3m spark JOB key=value ...       run a job (master=local[*] unless given)
                       spark-submit --class org.d3m.spark.Main d3m-spark.jar JOB key=value ...
                keys: the job's (those of the ./d3m command of the same name), master=..., and spark.KEY=VALUE
                for the Spark configuration; -Dd3m.debug=true prints stack traces. See docs/cluster.md.
                """;
    }

    static String help(String job) {
        CommandInfo info = switch (job) {
            case "make-dataset" -> CommandKeys.info(MakeDatasetJob.Keys.class, job);
            case "ensemble" -> CommandKeys.info(EnsembleJob.Keys.class, job);
            case "reproduce-table" -> CommandKeys.info(ReproduceTableJob.Keys.class, job);
            default -> throw new IllegalArgumentException("unknown job '" + job + "'; jobs: make-dataset, ensemble, reproduce-table");
        };
        String text = org.d3m.cli.Main.help(info).replace("usage: d3m ", "usage: d3m spark ");
        String what = JOBS.lines().filter(l -> l.startsWith(job + " ")).findFirst().orElse(job).substring(job.length()).strip();
        return job + " on Spark - " + what + text.substring(text.indexOf('\n'))
                + """
                Spark keys:
                  master        string   default local[*]   local[N] (retries a failed task like a cluster: local[N,4]);
                                                            spark://HOST:PORT, a standalone cluster (spark.jars is set to
                                                            spark/target/d3m-spark.jar); yarn and k8s://https://HOST:PORT
                                                            through the cluster's spark-submit only (docs/cluster.md)
                  spark.KEY     string                      any Spark setting, e.g. spark.executor.memory=8g
                threads=0 means the cores Spark gives a task (spark.task.cpus), for libtorch too; paths may be file:,
                hdfs: or s3a: URIs; on a cluster output_dir must be one folder for the driver and every executor.
                """;
    }
}
