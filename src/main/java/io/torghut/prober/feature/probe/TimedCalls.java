package io.torghut.prober.feature.probe;

import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One call of a probe on a probe worker, bounded by the probe's hard timeout: a call still out at its timeout is
 * recorded as {@code timeout} then (a millisecond timer, not the scheduler's next tick) and interrupted; its slot stays
 * busy until the call really returns, so the probe never overlaps itself. Results are redacted and handed to the sink,
 * except after the stop.
 */
final class TimedCalls {
    /** Clients get a little less than the hard timeout so that they usually fail first, with a better reason. */
    private static final double CLIENT_BUDGET = 0.9;
    private final ExecutorService workers;
    private final Jobs timers;
    private final Clock clock;
    private final Redactor redactor;
    private final ProbeSink sink;
    private final BooleanSupplier stopped;

    TimedCalls(ExecutorService workers, Jobs timers, Clock clock, Redactor redactor, ProbeSink sink, BooleanSupplier stopped) {
        this.workers = workers;
        this.timers = timers;
        this.clock = clock;
        this.redactor = redactor;
        this.sink = sink;
        this.stopped = stopped;
    }

    /** One call: {@code recorded} when its result is stored (at the latest at the timeout), {@code released} when it returned. */
    record Call(CompletableFuture<ProbeResult> recorded, CompletableFuture<Void> released) {
    }

    /** Starts a call of the slot's probe; the slot must already be marked busy by the caller. */
    Call start(ProbeSlot slot) {
        ScheduledProbe probe = slot.probe;
        slot.lastStartNanos = System.nanoTime();
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Duration budget = Duration.ofMillis((long) (probe.timeout().toMillis() * CLIENT_BUDGET));
        CompletableFuture<ProbeOutcome> outcome = new CompletableFuture<>();
        CompletableFuture<Void> released = new CompletableFuture<>();
        Runnable release = () -> {
            slot.busy.set(false);
            released.complete(null);
        };
        // Whoever claims the call first owns the release: the worker when it starts, or the timeout when the call was
        // still queued (all workers taken). A cancelled queued task never runs its finally block.
        AtomicBoolean claimed = new AtomicBoolean();
        Jobs.Job timer;
        Future<?> work;
        try {
            timer = timers.after(probe.timeout(), () -> outcome.completeExceptionally(new TimeoutException()));
            work = submit(probe, budget, outcome, claimed, release, timer);
        } catch (RuntimeException stopping) {
            // the workers or the timers are gone: the process is stopping
            release.run();
            return new Call(CompletableFuture.completedFuture(null), released);
        }
        CompletableFuture<ProbeResult> recorded = outcome.handle((found, error) -> {
            timer.cancel();
            if (error != null) {
                if (claimed.compareAndSet(false, true)) {
                    release.run();
                }
                work.cancel(true);
            }
            ProbeOutcome settled = error == null ? found : ProbeOutcome.fail(FailureReason.TIMEOUT,
                    "no result within the " + probe.timeout().toMillis() + "ms timeout"
                            + (error instanceof TimeoutException ? "" : ": " + error));
            ProbeResult result = new ProbeResult(probe.name(), settled.redacted(redactor::clean),
                    Duration.ofNanos(System.nanoTime() - start), startedAt);
            if (!stopped.getAsBoolean()) {
                sink.accept(result);
            }
            return result;
        });
        return new Call(recorded, released);
    }

    private Future<?> submit(ScheduledProbe probe, Duration budget, CompletableFuture<ProbeOutcome> outcome, AtomicBoolean claimed,
                             Runnable release, Jobs.Job timer) {
        try {
            return workers.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return;
                }
                try {
                    ProbeOutcome found = probe.check(budget);
                    // null would break the handler and lose the result without a trace
                    outcome.complete(found != null ? found
                            : ProbeOutcome.fail(FailureReason.ERROR, "probe returned no outcome (a bug in the probe)"));
                } catch (Throwable unexpected) {
                    outcome.complete(ProbeOutcome.fail(FailureReason.ERROR, "probe failed unexpectedly: " + unexpected));
                } finally {
                    release.run();
                }
            });
        } catch (RuntimeException rejected) {
            timer.cancel();
            throw rejected;
        }
    }
}
