package io.torghut.prober.probe;

import io.torghut.prober.core.FailureReason;
import io.torghut.prober.core.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs every probe on its own interval with a hard timeout, never overlapping a probe with itself. A probe still
 * stuck past its timeout is recorded as {@code timeout} at once; its next ticks are skipped (and counted) until the
 * stuck call returns, so a hung dependency costs one thread, never a pile of them, and never delays other probes.
 */
public class ProbeRunner {
    private static final Logger LOG = Logger.getLogger(ProbeRunner.class);
    /** Clients get a little less than the hard timeout so that they usually fail first, with a better reason. */
    private static final double CLIENT_BUDGET = 0.9;

    private final List<ScheduledProbe> probes;
    private final ProbeSink store;
    private final Clock clock;
    private final Redactor redactor;
    private final ScheduledExecutorService ticker;
    private final ThreadPoolExecutor workers;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();
    private final AtomicLong lastTickNanos = new AtomicLong(System.nanoTime());
    /** The pending next tick of each probe; touched on the ticker thread only. */
    private final Map<String, ScheduledFuture<?>> nextTick = new ConcurrentHashMap<>();
    /** Probes asked to run more often for a while (see {@link #pace}). */
    private final Map<String, Duration> faster = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    public ProbeRunner(List<ScheduledProbe> probes, ProbeSink store, Clock clock, Redactor redactor, int maxConcurrency) {
        this.probes = List.copyOf(probes);
        this.store = store;
        this.clock = clock;
        this.redactor = redactor;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("probe-ticker"));
        this.workers = new OnDemandPool(maxConcurrency, 30, daemon("probe-worker"));
        for (ScheduledProbe probe : probes) {
            running.put(probe.name(), new AtomicBoolean());
            skipped.put(probe.name(), new AtomicLong());
        }
    }

    public List<ScheduledProbe> probes() {
        return probes;
    }

    /** Schedules every probe; the first run of each starts at once. */
    public void start() {
        for (ScheduledProbe probe : probes) {
            ticker.execute(() -> loop(probe));
        }
        ticker.scheduleAtFixedRate(() -> lastTickNanos.set(System.nanoTime()), 0, 1, TimeUnit.SECONDS);
    }

    /**
     * Stops at once: probes still waiting for an answer (a hung dependency) are interrupted and abandoned, never
     * awaited. What they return afterwards is dropped: "interrupted by the stop" is not news about the dependency, and
     * recorded as a failure it could turn the verdict (and start a pause) while the process stops.
     */
    public void stop() {
        stopped = true;
        ticker.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * Runs a probe at least every {@code every} until called again with empty; the probe's own interval still applies
     * when it is shorter. A consumer that needs fresher observations for a while (the pause being confirmed) asks the
     * one reader for them instead of reading the API itself. The next run starts at once.
     */
    public void pace(String name, Optional<Duration> every) {
        Optional<ScheduledProbe> probe = find(name);
        if (probe.isEmpty()) {
            return;
        }
        boolean hurry = every.isPresent() && !every.get().equals(faster.get(name));
        every.ifPresentOrElse(e -> faster.put(name, e), () -> faster.remove(name));
        if (hurry) {
            try {
                ticker.execute(() -> {
                    ScheduledFuture<?> pending = nextTick.get(name);
                    if (pending != null && pending.cancel(false)) {
                        loop(probe.get());
                    }
                });
            } catch (RejectedExecutionException stopped) {
                // shutting down: nothing left to hurry
            }
        }
    }

    private void loop(ScheduledProbe probe) {
        tick(probe);
        Duration every = probe.interval();
        Duration hurried = faster.get(probe.name());
        if (hurried != null && hurried.compareTo(every) < 0) {
            every = hurried;
        }
        nextTick.put(probe.name(), ticker.schedule(() -> loop(probe), Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Time since the ticker last ran; the liveness check fails when the scheduler itself has stopped. */
    public Duration sinceLastTick() {
        return Duration.ofNanos(System.nanoTime() - lastTickNanos.get());
    }

    /** Ticks skipped because the previous run of that probe had not returned yet. */
    public long skippedRuns(String probe) {
        AtomicLong count = skipped.get(probe);
        return count == null ? 0 : count.get();
    }

    void tick(ScheduledProbe probe) {
        try {
            AtomicBoolean busy = running.get(probe.name());
            if (!busy.compareAndSet(false, true)) {
                skipped.get(probe.name()).incrementAndGet();
                return;
            }
            runOnce(probe, busy);
        } catch (RuntimeException e) {
            // A throwing tick would cancel the probe's schedule for good: log and carry on.
            LOG.errorf("probe %s could not be scheduled: %s", probe.name(), e.toString());
        }
    }

    /** Runs one probe now and returns when its result (or its timeout) is recorded. For tests and the first round. */
    public CompletableFuture<ProbeResult> runNow(ScheduledProbe probe) {
        AtomicBoolean busy = running.get(probe.name());
        if (!busy.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return runOnce(probe, busy);
    }

    private CompletableFuture<ProbeResult> runOnce(ScheduledProbe probe, AtomicBoolean busy) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Duration budget = Duration.ofMillis((long) (probe.timeout().toMillis() * CLIENT_BUDGET));
        CompletableFuture<ProbeOutcome> outcome = new CompletableFuture<>();
        // Whoever claims the run first owns clearing "busy": the worker when it starts, or the timeout when the run
        // was still queued (all workers taken). A cancelled queued task never runs its finally block.
        AtomicBoolean claimed = new AtomicBoolean();
        Future<?> work = workers.submit(() -> {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                ProbeOutcome found = probe.check(budget);
                // null would break the handler below and lose the result without a trace
                outcome.complete(found != null ? found
                        : ProbeOutcome.fail(FailureReason.ERROR, "probe returned no outcome (a bug in the probe)"));
            } catch (Throwable unexpected) {
                outcome.complete(ProbeOutcome.fail(FailureReason.ERROR, "probe failed unexpectedly: " + unexpected));
            } finally {
                busy.set(false);
            }
        });
        return outcome.orTimeout(probe.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((found, error) -> {
                    if (error != null) {
                        if (claimed.compareAndSet(false, true)) {
                            busy.set(false);
                        }
                        work.cancel(true);
                    }
                    ProbeOutcome settled = error == null ? found : ProbeOutcome.fail(FailureReason.TIMEOUT,
                            "no result within the " + probe.timeout().toMillis() + "ms timeout"
                                    + (error instanceof TimeoutException ? "" : ": " + error));
                    ProbeResult result = new ProbeResult(probe.name(), settled.redacted(redactor::clean),
                            Duration.ofNanos(System.nanoTime() - start), startedAt);
                    if (!stopped) {
                        store.accept(result);
                    }
                    return result;
                });
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Used by the metrics: empty until the probe name is known. */
    public Optional<ScheduledProbe> find(String name) {
        return probes.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
