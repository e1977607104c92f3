package org.d3m.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, item 5: a Spark failure is one line with the task's own message, never Spark's "Job
 * aborted" with a stack trace; a master URL Spark cannot parse is refused before Spark starts.
 */
class SparkErrorsTest {

    /** What Spark's DAGScheduler puts in the message of a job that a task failed on every attempt. */
    static final String ABORTED = "Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent failure:"
            + " Lost task 0.3 in stage 0.0 (TID 3) (127.0.0.1 executor driver): java.lang.IllegalStateException: disk on fire\n"
            + "\tat org.d3m.spark.SeedTasks.call(SeedTasks.java:42)\n\tat org.apache.spark.rdd.RDD.iterator(RDD.scala:1)\n";

    @Test
    void aTaskThatFailsOnEveryAttemptShowsItsOwnMessage() {
        SparkException local = new SparkException(ABORTED, new IllegalStateException("disk on fire"));
        assertEquals("a task failed on every attempt: IllegalStateException: disk on fire", Main.errorLine(local));
        // on a cluster the task's exception may come only as text in the message
        SparkException remote = new SparkException(ABORTED);
        assertEquals("a task failed on every attempt: IllegalStateException: disk on fire", Main.errorLine(remote));
        // a refusal inside the task (IllegalArgumentException) keeps its message alone
        SparkException refused = new SparkException(ABORTED, new IllegalArgumentException("grid must be even"));
        assertEquals("grid must be even", Main.errorLine(refused));
    }

    /**
     * Issue 23, item 3: the output writer wraps the scheduler's failure in its own "Job aborted." (the
     * line users saw on a cluster): the chain is walked to the root, and the task's text is found in it.
     */
    @Test
    void theWritersJobAbortedIsWalkedThrough() {
        SparkException remote = new SparkException("Job aborted.", new SparkException(ABORTED));
        assertEquals("a task failed on every attempt: IllegalStateException: disk on fire", Main.errorLine(remote));
        SparkException local = new SparkException("Job aborted.",
                new SparkException(ABORTED, new IllegalStateException("disk on fire")));
        assertEquals("a task failed on every attempt: IllegalStateException: disk on fire", Main.errorLine(local));
        String refusedText = ABORTED.replace("java.lang.IllegalStateException: disk on fire",
                "java.lang.IllegalArgumentException: pk_file x.txt has 1 data rows");
        assertEquals("pk_file x.txt has 1 data rows", Main.errorLine(new SparkException("Job aborted.",
                new SparkException(refusedText))));
        // no task in the chain: the line of what is below Spark's wrappers
        assertEquals("SparkException: Task not serializable: java.io.NotSerializableException: Foo",
                Main.errorLine(new SparkException("Job aborted.", new SparkException(
                        "Task not serializable: java.io.NotSerializableException: Foo\n\tat x.y(Z.java:1)"))));
        RuntimeException io = new RuntimeException("wrapper", new java.io.UncheckedIOException("cannot write out/x",
                new java.io.IOException("disk full")));
        assertEquals("UncheckedIOException: cannot write out/x", Main.errorLine(io));
    }

    @Test
    void aBogusMasterIsOneLineBeforeSparkStarts(@TempDir Path dir) throws Exception {
        Runs.Result r = Runs.spark("make-dataset", "master=bogus[3]", "output_dir=" + dir.resolve("ds"));
        assertEquals(1, r.code(), r.err());
        assertEquals("error: master=bogus[3] is not a Spark master URL; use local, local[N], local[*], local[N,ATTEMPTS], yarn,"
                + " spark://HOST:PORT or k8s://https://HOST:PORT", r.err().strip());
        assertTrue(Files.notExists(dir.resolve("ds")), "nothing written");
        for (String ok : new String[] {"local", "local[2]", "local[*]", "local[2,1]", "local-cluster[2,1,1024]", "yarn",
                "spark://host:7077", "k8s://https://host:443", "mesos://host:5050"}) {
            assertEquals(ok, Sparks.requireMasterUrl(ok));
        }
    }
}
