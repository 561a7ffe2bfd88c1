package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.adapter.clock.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The one piece of pending work (a pause git could not take, or an Argo CD sync that could not be asked for), retried
 * with exponential backoff (initial, doubling, at most 5 minutes) until it succeeds or {@code retryFor} has passed.
 * Its state is published in {@link PauseState} so GET /pause, /diagnose and the metrics show it.
 */
public final class PendingRetries {
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private final Jobs jobs;
    private final PauseState state;
    private final Clock clock;
    private final Duration initial;
    private final Duration retryFor;
    private Jobs.Job next;
    private boolean stopped;

    /** @param jobs the one clock: each retry is a one-shot timer on it */
    public PendingRetries(Jobs jobs, PauseState state, Clock clock, Duration initial, Duration retryFor) {
        this.jobs = jobs;
        this.state = state;
        this.clock = clock;
        this.initial = initial;
        this.retryFor = retryFor;
    }

    /**
     * Records a failure and schedules {@code retry}; returns false (and clears the work) when it has been pending for
     * longer than {@code retryFor}: the caller then gives up loudly.
     */
    public synchronized boolean failed(PendingKind kind, String error, String commit, Consumer<PendingKind> retry) {
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
        if (!stopped) {
            next = jobs.after(delay, () -> retry.accept(kind));
        }
        return true;
    }

    static Duration backoff(Duration initial, int attempts) {
        Duration delay = initial.multipliedBy(1L << Math.min(20, attempts - 1));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /** At a stop: no retry starts any more (the work stays visible as pending; the next start reads git again). */
    public synchronized void stop() {
        stopped = true;
        cancel();
    }

    synchronized void clear() {
        cancel();
        state.pending(null);
    }

    private void cancel() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }
}
