package org.d3m.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.PathOutputCommitter;

/**
 * A Hadoop output format that writes each record to a file of its own: the key is the file's path
 * relative to the output folder ({@code sample-7.d3ms}, {@code seeds/seed-7.json}), the value writes
 * its bytes. Files go to the task attempt's work path of the output committer (by default Hadoop's
 * {@code FileOutputCommitter}; any {@code PathOutputCommitter}, such as the S3A committers, works), so
 * Spark's commit protocol puts each file in place once: the driver's commit coordinator lets one attempt
 * of a task commit, so a retried or speculative attempt leaves no duplicate and no partial file.
 *
 * <p>An existing output folder is allowed (the jobs resume into it). Records are never serialised: the
 * values are made and written in the same task.
 */
public final class PerFileOutputFormat extends FileOutputFormat<String, PerFileOutputFormat.Body> {

    /** Writes one file's bytes. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    @Override
    public RecordWriter<String, Body> getRecordWriter(TaskAttemptContext context) throws IOException {
        Path work = ((PathOutputCommitter) getOutputCommitter(context)).getWorkPath();
        FileSystem fs = work.getFileSystem(context.getConfiguration());
        return new RecordWriter<>() {
            @Override
            public void write(String name, Body body) throws IOException {
                Path p = new Path(work, name);
                try (FSDataOutputStream raw = fs.create(p, true)) {
                    BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
                    body.write(out);
                    out.flush();
                    raw.hsync();
                }
            }

            @Override
            public void close(TaskAttemptContext c) {
                // each file is closed when written
            }
        };
    }

    @Override
    public void checkOutputSpecs(JobContext job) throws IOException {
        if (getOutputPath(job) == null) {
            throw new IOException("no output folder set");
        }
    }
}
