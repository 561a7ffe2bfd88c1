package io.torghut.prober.adapter.clock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link Jobs} whose periodic jobs tick only when the test says so ({@link #fire}), with the scheduler's
 * {@code ConcurrentExecution.SKIP} rule: a tick while the job's last start has not completed is skipped and reported.
 * One-shot timers are real (millisecond timers on a thread of their own), as Vert.x's are, so hard timeouts are tested
 * in real time. The runner's rules are tested here without waiting for a scheduler's once-a-second tick; the same rules
 * on Quarkus' scheduler are tested in {@code ProbeRunnerOnSchedulerTest}.
 */
public final class ManualJobs implements Jobs, AutoCloseable {
    private final Map<String, Registered> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "manual-timers");
        thread.setDaemon(true);
        return thread;
    });

    /** A job as it was registered; {@code inFlight} is the stage of its last start. */
    public static final class Registered {
        public final String id;
        public final Duration interval;
        public final Duration firstAfter;
        private final Supplier<CompletionStage<Void>> start;
        private final Runnable skipped;
        private volatile CompletionStage<Void> inFlight = CompletableFuture.completedFuture(null);

        Registered(String id, Duration interval, Duration firstAfter, Supplier<CompletionStage<Void>> start, Runnable skipped) {
            this.id = id;
            this.interval = interval;
            this.firstAfter = firstAfter;
            this.start = start;
            this.skipped = skipped;
        }

        /** One tick of this job, as the scheduler would give it (also after it was unscheduled: a tick racing the stop). */
        public synchronized void fire() {
            if (!inFlight.toCompletableFuture().isDone()) {
                skipped.run();
                return;
            }
            inFlight = start.get();
        }
    }

    @Override
    public Job every(String id, Duration interval, Duration firstAfter, Supplier<CompletionStage<Void>> start, Runnable skipped) {
        Resolution.problem(interval).ifPresent(problem -> {
            throw new IllegalArgumentException(id + ": " + problem);
        });
        Registered job = new Registered(id, interval, firstAfter, start, skipped);
        if (jobs.putIfAbsent(id, job) != null) {
            throw new IllegalStateException("A job with this identity is already scheduled: " + id);
        }
        return () -> jobs.remove(id, job);
    }

    @Override
    public Job everyBlocking(String id, Duration interval, Duration firstAfter, Runnable task) {
        return every(id, interval, firstAfter, () -> {
            task.run();
            return CompletableFuture.completedFuture(null);
        }, () -> { });
    }

    @Override
    public Job after(Duration delay, Runnable action) {
        ScheduledFuture<?> timer = timers.schedule(action, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> timer.cancel(false);
    }

    /** One tick of the job whose id ends with {@code /suffix} (the runner names them {@code <runner>/<probe>}). */
    public void fire(String suffix) {
        job(suffix).orElseThrow(() -> new IllegalStateException("no job " + suffix + " in " + jobs.keySet())).fire();
    }

    public Optional<Registered> job(String suffix) {
        return jobs.values().stream().filter(j -> j.id.endsWith("/" + suffix) || j.id.equals(suffix)).findFirst();
    }

    public List<String> ids() {
        return jobs.keySet().stream().sorted().toList();
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
