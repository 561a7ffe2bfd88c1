package io.torghut.prober.adapter.clock;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The one clock of the prober: periodic jobs and one-shot timers. Production runs them on Quarkus' scheduler and
 * Vert.x timers ({@link QuarkusJobs}); the runner's unit tests drive a manual double through this seam, so that the
 * runner's own rules (hard timeout, no overlap, pace) are tested without waiting for a scheduler's tick.
 */
public interface Jobs {

    /**
     * A periodic job that never overlaps itself. {@code start} starts the work and returns at once (it runs on a Vert.x
     * event-loop thread, so it must never block) with a stage that completes when the work has ended; until then every
     * tick of the job is skipped, and {@code skipped} is called for each.
     *
     * @param interval   whole seconds, at least one ({@link Resolution})
     * @param firstAfter the first tick comes no earlier than this
     */
    Job every(String id, Duration interval, Duration firstAfter, Supplier<CompletionStage<Void>> start, Runnable skipped);

    /**
     * A periodic job whose {@code task} may take a while (it runs on a worker thread, never on the event loop); a tick
     * while the previous run is still going is skipped.
     */
    Job everyBlocking(String id, Duration interval, Duration firstAfter, Runnable task);

    /** Runs {@code action} once after {@code delay} (millisecond resolution) on a worker thread; it must be short. */
    Job after(Duration delay, Runnable action);

    /** A scheduled job or timer. Cancelling it again, or after a timer fired, does nothing. */
    @FunctionalInterface
    interface Job {
        void cancel();
    }
}
