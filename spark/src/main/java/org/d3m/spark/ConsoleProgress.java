package org.d3m.spark;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * One line of progress on the driver's console, whatever the master: seeds done of the total, tasks
 * running, failed attempts (retried), elapsed time, from Spark's task events (which reach the driver
 * from every executor). On a terminal the line is redrawn in place; otherwise a line is printed at
 * most every 5 % or 30 s. The Spark UI shows the same per stage.
 */
final class ConsoleProgress extends SparkListener {

    private final PrintStream err;
    private final String what;
    private final int total;
    private final boolean tty;
    private final long start = System.nanoTime();
    private int done;
    private int running;
    private int failed;
    private int lastPrinted = -1;
    private long lastTime;

    ConsoleProgress(PrintStream err, String what, int total) {
        this.err = err;
        this.what = what;
        this.total = total;
        this.tty = System.console() != null;
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart e) {
        running++;
        print(false);
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        running = Math.max(0, running - 1);
        if (e.taskInfo().successful()) {
            done++;
        } else {
            failed++;
        }
        print(false);
    }

    /** The final line (ends the line on a terminal). */
    synchronized void finish() {
        print(true);
        if (tty) {
            err.println();
        }
    }

    private void print(boolean force) {
        long now = System.nanoTime();
        double s = (now - start) * 1e-9;
        boolean step = done * 20L / Math.max(1, total) != lastPrinted * 20L / Math.max(1, total);
        if (!tty && !force && !(done != lastPrinted && (step || now - lastTime > 30e9))) {
            return;
        }
        String line = String.format(Locale.ROOT, "[d3m-spark] %s: %d/%d seeds, %d running%s, %.0f s", what,
                Math.min(done, total), total, running, failed > 0 ? ", " + failed + " failed attempt(s)" : "", s);
        if (tty) {
            err.print("\r" + line + "   ");
        } else {
            err.println(line);
        }
        err.flush();
        lastPrinted = done;
        lastTime = now;
    }
}
