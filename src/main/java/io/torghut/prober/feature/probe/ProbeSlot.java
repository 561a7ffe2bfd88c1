package io.torghut.prober.feature.probe;

import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.adapter.clock.Resolution;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One probe's place in the runner: whether a call of it is still out (scheduled, paced or {@code runNow}: one at a
 * time), how many of its ticks were skipped for that, its job on the scheduler and the cadence that job runs at.
 */
final class ProbeSlot {
    final ScheduledProbe probe;
    /** A call of this probe has not returned yet (it may already be recorded as a timeout). */
    final AtomicBoolean busy = new AtomicBoolean();
    final AtomicLong skipped = new AtomicLong();
    /** When the last call started ({@link System#nanoTime()}), to keep the cadence when a faster pace ends. */
    volatile long lastStartNanos = System.nanoTime();
    /** The faster cadence asked for by {@link ProbeRunner#pace}, empty for the probe's own. Guarded by the runner. */
    Optional<Duration> faster = Optional.empty();
    /** The probe's job on the scheduler, null before the start and after the stop. Guarded by the runner. */
    Jobs.Job job;

    ProbeSlot(ScheduledProbe probe) {
        this.probe = probe;
    }

    String name() {
        return probe.name();
    }

    /** The cadence the job runs at: the probe's interval, or the faster pace while one is asked for. */
    Duration every() {
        Duration own = Resolution.honoured(probe.interval());
        return faster.filter(f -> f.compareTo(own) < 0).orElse(own);
    }

    /** Time left until the next run at the current cadence, counted from the start of the last one. */
    Duration untilNextRun() {
        Duration since = Duration.ofNanos(System.nanoTime() - lastStartNanos);
        Duration left = every().minus(since);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
