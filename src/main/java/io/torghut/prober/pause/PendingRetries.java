package io.torghut.prober.pause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one piece of pending work (a pause git could not take, or an Argo CD sync that could not be asked for), retried
 * with exponential backoff (initial, doubling, at most 5 minutes) until it succeeds or {@code retryFor} has passed.
 * Its state is published in {@link PauseState} so GET /pause, /diagnose and the metrics show it.
 */
final class PendingRetries {
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private final ScheduledExecutorService scheduler;
    private final PauseState state;
    private final Clock clock;
    private final Duration initial;
    private final Duration retryFor;
    private ScheduledFuture<?> next;

    PendingRetries(ScheduledExecutorService scheduler, PauseState state, Clock clock, Duration initial, Duration retryFor) {
        this.scheduler = scheduler;
        this.state = state;
        this.clock = clock;
        this.initial = initial;
        this.retryFor = retryFor;
    }

    /**
     * Records a failure and schedules {@code retry}; returns false (and clears the work) when it has been pending for
     * longer than {@code retryFor}: the caller then gives up loudly.
     */
    synchronized boolean failed(PendingKind kind, String error, String commit, Consumer<PendingKind> retry) {
        Instant now = clock.instant();
        PauseRecords.Pending before = state.pending().filter(p -> p.kind() == kind).orElse(null);
        Instant since = before == null ? now : Instant.parse(before.since());
        int attempts = before == null ? 1 : before.attempts() + 1;
        if (Duration.between(since, now).compareTo(retryFor) > 0) {
            clear();
            return false;
        }
        Duration delay = backoff(initial, attempts);
        state.pending(new PauseRecords.Pending(kind, since.toString(), attempts, error, now.plus(delay).toString(), commit));
        cancel();
        next = scheduler.schedule(() -> retry.accept(kind), delay.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    static Duration backoff(Duration initial, int attempts) {
        Duration delay = initial.multipliedBy(1L << Math.min(20, attempts - 1));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    synchronized void clear() {
        cancel();
        state.pending(null);
    }

    private void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
