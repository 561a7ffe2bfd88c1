package io.torghut.prober.pause;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of the pause, owned by {@link PauseWiring} and shut down by it: the scheduler (git refresh, effectiveness
 * checks, retries, the automatic pause) and the single writer of Kubernetes Events (in order, off the request path).
 * Daemon threads, so that nothing here can keep a stopping JVM alive.
 */
final class PauseExecutors {
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, daemon("pause-scheduler"));
    private final ExecutorService eventWriter = Executors.newSingleThreadExecutor(daemon("pause-events"));
    /**
     * Git rounds run here, off the caller's thread, so that a caller is answered within its bound while a slow push
     * goes on. Rounds share one flight ({@code SingleFlight}), so at most one pushes; the others wait for it.
     */
    private final ExecutorService gitWork = Executors.newCachedThreadPool(daemon("pause-git"));

    PauseExecutors() {
        // At shutdown no delayed work (a retry, the next refresh) starts; the one running finishes or is abandoned.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Executor eventWriter() {
        return eventWriter;
    }

    Executor gitWork() {
        return gitWork;
    }

    /** First step of a stop: nothing scheduled starts any more. */
    void stopScheduling() {
        scheduler.shutdown();
    }

    /** Lets the Events already queued be written, for at most {@code budget}; false when some were left. */
    boolean drainEvents(Duration budget) throws InterruptedException {
        eventWriter.shutdown();
        return eventWriter.awaitTermination(budget.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Last step: whatever still runs (a hung git refresh, an Event to an API that has gone) is interrupted. */
    void shutdownNow() {
        scheduler.shutdownNow();
        eventWriter.shutdownNow();
        gitWork.shutdownNow();
    }

    boolean terminated() {
        return scheduler.isTerminated() && eventWriter.isTerminated() && gitWork.isTerminated();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
