package io.torghut.prober.feature.pause.decision;

import java.time.Duration;

/**
 * The pauses under way (a webhook's, the automatic one, a retry), so that a stop can let them finish: a pause whose
 * commit is being pushed must still ask Argo CD to sync and record its Event, or trading stays on with nobody told.
 * Once {@link #close closed} (the process is stopping) no new pause starts: the caller gets 503 and Alertmanager
 * retries against another replica or the restarted pod, which resumes from git.
 */
final class PausesInFlight {
    private int running;
    private boolean closed;

    /** False when stopping: do not start a pause. Every true must be followed by {@link #exit()}. */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    synchronized void exit() {
        running--;
        notifyAll();
    }

    /** Admits no new pause, then waits at most {@code timeout} for the running ones; true when none is left. */
    synchronized boolean closeAndAwait(Duration timeout) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized boolean stopping() {
        return closed;
    }
}
