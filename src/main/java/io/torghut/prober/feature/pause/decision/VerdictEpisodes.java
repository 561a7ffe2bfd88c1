package io.torghut.prober.feature.pause.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The prober's own episodes: one begins when the verdict finds a reason to pause (stale or unknown freshness during
 * the session, a dependency down), whether or not trading is on, and ends once no such reason has been seen for
 * {@code reset}. Trading being paused does not end it: a pause makes the verdict stop recommending one, and a human's
 * resume must not look like a new episode. Pure: fed the verdict and the time.
 */
public final class VerdictEpisodes {
    private final Duration reset;
    private boolean seen;
    private Episode current;
    private Instant goodSince;

    /** @param reset how long the reasons must be gone for the episode to end ({@code prober.pause.episode-reset}) */
    public VerdictEpisodes(Duration reset) {
        this.reset = reset;
    }

    /**
     * An episode under way.
     *
     * @param start when it began; empty when it was already under way at this process's first complete verdict, so
     *              its beginning is unknown
     */
    public record Episode(Optional<Instant> start) {
        String describe() {
            return start.map(s -> "the verdict has found reasons to pause since " + s)
                    .orElse("the verdict has found reasons to pause since before this prober started");
        }
    }

    /** @param bad the verdict has reasons to pause, trading on or not */
    public synchronized void update(boolean bad, Instant now) {
        boolean first = !seen;
        seen = true;
        if (bad) {
            goodSince = null;
            if (current == null) {
                current = new Episode(first ? Optional.empty() : Optional.of(now));
            }
            return;
        }
        if (current == null) {
            return;
        }
        if (goodSince == null) {
            goodSince = now;
        }
        if (Duration.between(goodSince, now).compareTo(reset) >= 0) {
            current = null;
            goodSince = null;
        }
    }

    /** The episode under way, empty when none is (or no complete verdict has been seen yet). */
    public synchronized Optional<Episode> current() {
        return Optional.ofNullable(current);
    }
}
