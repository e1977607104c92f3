package org.d3m.cli;

import java.io.PrintStream;
import java.util.Set;

import org.d3m.core.progress.Progress;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM for the CLI. By default the JVM answers them by running its shutdown
 * hooks and exiting while the command's thread goes on; inside libtorch (a training step's backward
 * pass) that exit crashed the JVM (SIGSEGV, {@code hs_err_pid*.log}), and work that registered a hook
 * meanwhile failed with "Shutdown in progress". Here a signal instead:
 * <ul>
 *   <li>during a {@link #STOPPABLE} command (the ones that run libtorch or resume): asks the command to
 *   stop, through the progress it hands to the core ({@link #stoppable(Progress)}), at its next step
 *   boundary. The command saves what it can resume from (train: the checkpoint; make-dataset: finished
 *   samples are files), closes its DJL objects, and {@link Main} prints one line and exits with
 *   {@link #exitCode()} (128 + the signal: 130 for SIGINT, 143 for SIGTERM, what a shell reports for a
 *   process killed by it). A second signal, or no boundary within {@link #GRACE_SECONDS} seconds, ends
 *   the process at once by that signal's default action ({@link #die}), as kill -9 would: files are
 *   written atomically, so the last checkpoint stays.</li>
 *   <li>otherwise: ends the process at once by the signal's default action (those commands write
 *   atomically; benchmark, which also runs libtorch, is safe this way too).</li>
 * </ul>
 * Only {@link Main#main} installs the handlers; an in-process {@link Main#run} (tests, the ImageJ bridge)
 * never sees a signal.
 */
final class StopSignals {

    /** Commands that stop at a step boundary rather than exit at once. */
    static final Set<String> STOPPABLE = Set.of("train", "make-dataset", "emulate", "reproduce-table",
            "validate-range", "demo");
    /**
     * How long a stopping command may take to reach a step boundary before the process ends anyway [s]:
     * 300, or {@code -Dd3m.stop.seconds}. Generous, because that end loses the work since the last
     * checkpoint: a training step of the paper's width takes about 3 s on 2 cores and a whole-box pass at
     * 128^3 about 5 s, but a starved machine can be a hundred times slower (a width-4 step took over a
     * minute next to a training run that held both cores).
     */
    static final int GRACE_SECONDS = Integer.getInteger("d3m.stop.seconds", 300);

    private static volatile String received;
    private static volatile boolean stoppable;
    private static volatile PrintStream err = System.err;

    private StopSignals() {
    }

    /**
     * Handles SIGINT and SIGTERM from now on (a signal the process inherited as ignored stays ignored);
     * {@code stderr} gets the one line of a forced exit.
     */
    static void install(PrintStream stderr) {
        err = stderr;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> received(name));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // -Xrs or a platform without the signal: the JVM's own handling stays
            }
        }
    }

    /** Marks whether the command about to run stops at step boundaries ({@link #STOPPABLE}). */
    static void running(String command) {
        stoppable = STOPPABLE.contains(command);
    }

    /** True once SIGINT or SIGTERM arrived. */
    static boolean requested() {
        return received != null;
    }

    /** The exit status after a signal: 130 for SIGINT, 143 for SIGTERM (128 + its number). */
    static int exitCode() {
        return "INT".equals(received) ? 130 : 143;
    }

    /** The name of the signal received ("SIGINT", "SIGTERM"), or null. */
    static String signalName() {
        String r = received;
        return r == null ? null : "SIG" + r;
    }

    /** {@code p}, cancelled also once a signal arrived. */
    static Progress stoppable(Progress p) {
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                p.report(fraction, message);
            }

            @Override
            public boolean cancelled() {
                return requested() || p.cancelled();
            }
        };
    }

    private static synchronized void received(String name) {
        if (received != null) {
            die(); // a second signal: the user insists
        }
        received = name;
        if (!stoppable) {
            die();
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE_SECONDS * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            err.println("error: no step boundary within " + GRACE_SECONDS + " s of " + signalName() + "; exiting now");
            err.flush();
            die();
        }, "d3m-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Ends the process by the signal received, with its default action (the kernel ends it; no exit
     * handlers run). Not System.exit: an exit while a thread is inside libtorch crashed in its static
     * destructors (SIGSEGV in {@code at::accelerator::getAccelerator} during {@code torchBackward}, seen
     * on a forced exit here).
     */
    private static void die() {
        Signal s = new Signal(received);
        try {
            Signal.handle(s, SignalHandler.SIG_DFL);
            Signal.raise(s);
        } catch (IllegalArgumentException e) {
            // fall through
        }
        Runtime.getRuntime().halt(exitCode());
    }
}
