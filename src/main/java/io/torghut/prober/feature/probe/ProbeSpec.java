package io.torghut.prober.feature.probe;

import java.time.Duration;
import java.util.Optional;

/**
 * When and as what a probe runs: the signal it feeds (bounded, a metric label), its role in the verdict, its cadence,
 * the hard timeout the runner enforces (clients give up a little earlier on their own), and for a freshness signal
 * the age above which it is stale.
 */
public record ProbeSpec(String name, SignalRole role, Duration interval, Duration timeout, Optional<Duration> maxAge) {
    /** A configured signal name (an HTTP target, a freshness table): it becomes a metric label, so it is bounded. */
    public static final String NAME_PATTERN = "[a-z][a-z0-9_-]{0,62}";
    /** What {@link #NAME_PATTERN} says, for the startup message. */
    public static final String NAME_MESSAGE = "must be lower-case letters, digits, '-' or '_'";

    /** A probe with a configured cadence. */
    public static ProbeSpec of(String name, SignalRole role, Schedule schedule) {
        return of(name, role, schedule.interval(), schedule.timeout());
    }

    public static ProbeSpec of(String name, SignalRole role, Duration interval, Duration timeout) {
        return new ProbeSpec(name, role, interval, timeout, Optional.empty());
    }

    public static ProbeSpec freshness(String name, Duration maxAge, Duration interval, Duration timeout) {
        return new ProbeSpec(name, SignalRole.FRESHNESS, interval, timeout, Optional.of(maxAge));
    }
}
