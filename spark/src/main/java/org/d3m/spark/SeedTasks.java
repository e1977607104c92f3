package org.d3m.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;

/**
 * Runs one Spark task per item (a seed, or a cosmology and seed) and commits the files each task
 * writes into {@code out} through {@link PerFileOutputFormat}: one partition per item, so a task is
 * one seed's work, retried alone when it fails, and a run that stops keeps every seed committed so far.
 */
final class SeedTasks {

    private SeedTasks() {
    }

    static <T> void run(JavaSparkContext sc, Path out, List<T> items, PairFlatMapFunction<T, String, PerFileOutputFormat.Body> task,
                        String what, PrintStream err) {
        if (items.isEmpty()) {
            return;
        }
        Job job;
        try {
            job = Job.getInstance(sc.hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        job.setOutputFormatClass(PerFileOutputFormat.class);
        job.setOutputKeyClass(String.class);
        job.setOutputValueClass(PerFileOutputFormat.Body.class);
        FileOutputFormat.setOutputPath(job, out);
        ConsoleProgress progress = new ConsoleProgress(err, what, items.size());
        sc.sc().addSparkListener(progress);
        sc.setJobDescription(what + " (" + items.size() + " seeds)");
        try {
            sc.parallelize(items, items.size()).flatMapToPair(task).saveAsNewAPIHadoopDataset(job.getConfiguration());
        } finally {
            progress.finish();
            sc.sc().removeSparkListener(progress);
            sc.setJobDescription(null);
        }
    }
}
