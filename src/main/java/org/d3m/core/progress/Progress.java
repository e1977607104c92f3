package org.d3m.core.progress;

/**
 * Progress reports from core loops: a fraction in [0, 1] and a short message. Sub-ranges let a
 * caller hand a part of its range to a sub-task. Implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface Progress {

    /** Ignores all reports. */
    Progress NONE = (fraction, message) -> { };

    void report(double fraction, String message);

    /** True when the user asked to stop; loops then throw {@link CancelledException}. */
    default boolean cancelled() {
        return false;
    }

    /** Throws {@link CancelledException} if {@link #cancelled()}. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancelledException();
        }
    }

    /** A progress that maps [0, 1] onto [from, to] of this one. */
    default Progress sub(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                parent.report(from + (to - from) * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean cancelled() {
                return parent.cancelled();
            }
        };
    }

    /** A progress that reports nothing but is cancelled when this one is (a sub-task whose reports would clutter). */
    default Progress quiet() {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean cancelled() {
                return parent.cancelled();
            }
        };
    }

    /** Thrown by a core loop that stops because its progress was cancelled. */
    class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled");
        }

        /** A cancellation whose message says more (see {@link StoppedException}). */
        protected CancelledException(String message) {
            super(message);
        }
    }

    /**
     * A cancellation after which the loop saved what it had done, so that the same call resumes: the
     * message is one line for the user, such as "stopped at step 12; resume with the same command".
     */
    final class StoppedException extends CancelledException {
        public StoppedException(String message) {
            super(message);
        }
    }
}
