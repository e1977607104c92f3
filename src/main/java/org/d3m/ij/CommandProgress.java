package org.d3m.ij;

import java.io.PrintStream;
import java.util.Locale;

import ij.IJ;

import org.d3m.core.progress.Progress;

/**
 * Where a command's progress goes, chosen by the front end that runs it: the CLI (and the headless
 * macro runner) sends it to stderr, the ImageJ bridge to the status bar and progress bar, where
 * Esc cancels. A command just calls
 * {@code CommandProgress.get()} and hands the result to the core.
 */
public final class CommandProgress {

    private static volatile Progress sink;

    private CommandProgress() {
    }

    /**
     * The progress of the front end running commands now: the one set by {@link #set}, else
     * ImageJ's status bar when an ImageJ window exists, else {@link Progress#NONE}.
     */
    public static Progress get() {
        Progress s = sink;
        if (s != null) {
            return s;
        }
        return IJ.getInstance() != null ? imagej() : Progress.NONE;
    }

    /** Sets (or with null clears) the process-wide progress sink. */
    public static void set(Progress p) {
        sink = p;
    }

    /**
     * ImageJ's progress bar and status line; cancelled when the user pressed Esc
     * ({@link IJ#escapePressed()}; the bridge resets it when a command starts), so that core loops
     * that check {@link Progress#checkCancelled()} stop within a step.
     */
    public static Progress imagej() {
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                IJ.showProgress(Math.max(0, Math.min(1, fraction)));
                if (message != null && !message.isEmpty()) {
                    IJ.showStatus(message);
                }
            }

            @Override
            public boolean cancelled() {
                return IJ.escapePressed();
            }
        };
    }

    /**
     * Lines "[ 42%] message" on {@code err}, printed when the message changes or the fraction
     * advances by at least 5 points (keeps logs short).
     */
    public static Progress lines(PrintStream err) {
        return new Progress() {
            private String lastMessage;
            private double lastFraction = -1;

            @Override
            public synchronized void report(double fraction, String message) {
                boolean newMessage = message != null && !message.equals(lastMessage);
                if (newMessage || fraction >= lastFraction + 0.05 || (fraction >= 1 && lastFraction < 1)) {
                    err.println(String.format(Locale.ROOT, "[%3.0f%%] %s", 100 * Math.max(0, Math.min(1, fraction)),
                            message == null ? "" : message));
                    lastFraction = fraction;
                    lastMessage = message;
                }
            }
        };
    }
}
