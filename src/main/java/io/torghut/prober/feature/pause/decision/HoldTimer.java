package io.torghut.prober.feature.pause.decision;

import java.time.Duration;
import java.time.Instant;

/**
 * Fires once per episode when a condition has held for {@code hold}: the automatic pause waits until the verdict has
 * said PAUSE_RECOMMENDED long enough, and does not fire again until the verdict has left that level. Pure.
 */
final class HoldTimer {
    private final Duration hold;
    private Instant since;
    private boolean fired;

    public HoldTimer(Duration hold) {
        this.hold = hold;
    }

    /** @return true exactly once per episode, at the first update at least {@code hold} after it began */
    public synchronized boolean update(boolean condition, Instant now) {
        if (!condition) {
            since = null;
            fired = false;
            return false;
        }
        if (since == null) {
            since = now;
        }
        if (!fired && Duration.between(since, now).compareTo(hold) >= 0) {
            fired = true;
            return true;
        }
        return false;
    }
}
