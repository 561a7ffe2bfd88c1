package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.shared.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What of the pause runs in the background, owned by {@link PauseLifecycle} and stopped by it: its periodic jobs (git
 * refresh, effectiveness checks) on the prober's one clock ({@link Jobs}), the work that must not hold a caller (git
 * rounds, the automatic pause), and the single writer of Kubernetes Events (in order, off the request path). The
 * retries are one-shot timers on the same clock ({@link PendingRetries}). Daemon threads, so that nothing here can keep
 * a stopping JVM alive.
 */
public final class PauseExecutors {
    private final ExecutorService eventWriter = Executors.newSingleThreadExecutor(DaemonThreads.named("pause-events"));
    /**
     * Git rounds run here, off the caller's thread, so that a caller is answered within its bound while a slow push
     * goes on; rounds share one flight ({@code SingleFlight}), so at most one pushes. The automatic pause starts here
     * too: a verdict listener must return at once.
     */
    private final ExecutorService work = Executors.newCachedThreadPool(DaemonThreads.named("pause-work"));
    private final List<Jobs.Job> jobs = new CopyOnWriteArrayList<>();

    /** A periodic job of the pause on the prober's clock; cancelled by {@link #stopScheduling()}. */
    void every(Jobs clock, String id, Duration interval, Duration firstAfter, Runnable task) {
        jobs.add(clock.everyBlocking(id, interval, firstAfter, task));
    }

    public Executor eventWriter() {
        return eventWriter;
    }

    Executor work() {
        return work;
    }

    /** First step of a stop: no periodic job of the pause ticks any more. */
    void stopScheduling() {
        jobs.forEach(Jobs.Job::cancel);
        jobs.clear();
    }

    /** Lets the Events already queued be written, for at most {@code budget}; false when some were left. */
    boolean drainEvents(Duration budget) throws InterruptedException {
        eventWriter.shutdown();
        return eventWriter.awaitTermination(budget.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Last step: whatever still runs (a hung git round, an Event to an API that has gone) is interrupted. */
    void shutdownNow() {
        eventWriter.shutdownNow();
        work.shutdownNow();
    }

    boolean terminated() {
        return eventWriter.isTerminated() && work.isTerminated();
    }
}
