package io.torghut.prober.feature.probe;

import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.adapter.clock.Resolution;
import io.torghut.prober.shared.DaemonThreads;
import io.torghut.prober.shared.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs every probe as its own job of the scheduler ({@link Jobs}), with a hard timeout, never overlapping a probe with
 * itself. A tick only hands the call to a probe worker ({@link OnDemandPool}), so neither the scheduler's thread nor
 * the event loop ever waits for a dependency. A call still out past its timeout is recorded as {@code timeout} at once
 * (a timer, not the next tick); the probe's next ticks are skipped (and counted) until the stuck call returns, so a hung
 * dependency costs one thread, never a pile of them, and never delays other probes.
 */
public class ProbeRunner {
    private static final Logger LOG = Logger.getLogger(ProbeRunner.class);
    /** How often the heartbeat job shows that the scheduler still ticks ({@link #sinceLastTick()}). */
    static final Duration HEARTBEAT = Resolution.TICK;
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** One runner per application; tests build more on one scheduler, and job ids must not collide. */
    private static final AtomicInteger RUNNERS = new AtomicInteger();

    private final Map<String, ProbeSlot> slots = new LinkedHashMap<>();
    private final List<ScheduledProbe> probes;
    private final Jobs jobs;
    private final ThreadPoolExecutor workers;
    private final TimedCalls calls;
    private final String scope;
    private final AtomicLong lastTickNanos = new AtomicLong(System.nanoTime());
    private Jobs.Job heartbeat;
    private boolean started;
    private volatile boolean stopped;

    public ProbeRunner(List<ScheduledProbe> probes, ProbeSink store, Clock clock, Redactor redactor, int maxConcurrency, Jobs jobs) {
        this.probes = List.copyOf(probes);
        this.jobs = jobs;
        this.workers = new OnDemandPool(maxConcurrency, 30, DaemonThreads.named("probe-worker"));
        this.calls = new TimedCalls(workers, jobs, clock, redactor, store, () -> stopped);
        int n = RUNNERS.incrementAndGet();
        this.scope = n == 1 ? "probes" : "probes-" + n;
        for (ScheduledProbe probe : probes) {
            slots.put(probe.name(), new ProbeSlot(probe));
        }
    }

    public List<ScheduledProbe> probes() {
        return probes;
    }

    /** The prefix of this runner's job ids on the scheduler: {@code <scope>/<probe>} and {@code <scope>/heartbeat}. */
    String jobScope() {
        return scope;
    }

    /** Runs every probe once now, then on its own job every interval; starts the heartbeat. Once only. */
    public synchronized void start() {
        if (started || stopped) {
            return;
        }
        started = true;
        heartbeat = jobs.every(scope + "/heartbeat", HEARTBEAT, Duration.ZERO, () -> {
            lastTickNanos.set(System.nanoTime());
            return DONE;
        }, () -> { });
        slots.values().forEach(slot -> schedule(slot, true));
    }

    /**
     * Stops at once: the jobs leave the scheduler, and probes still waiting for an answer (a hung dependency) are
     * interrupted and abandoned, never awaited. What they return afterwards is dropped: "interrupted by the stop" is not
     * news about the dependency, and recorded as a failure it could turn the verdict (and start a pause) while the
     * process stops.
     */
    public void stop() {
        synchronized (this) {
            stopped = true;
            if (heartbeat != null) {
                heartbeat.cancel();
            }
            for (ProbeSlot slot : slots.values()) {
                cancel(slot);
            }
        }
        workers.shutdownNow();
    }

    /**
     * Runs a probe at least every {@code every} until called again with empty; the probe's own interval still applies
     * when it is shorter, and a cadence finer than the scheduler's tick is rounded up to it ({@link Resolution}). A
     * consumer that needs fresher observations for a while (the pause being confirmed) asks the one reader for them
     * instead of reading the API itself. The next run starts at once; when the pace ends, the probe's own cadence
     * resumes from its last run.
     */
    public void pace(String name, Optional<Duration> every) {
        ProbeSlot slot = slots.get(name);
        if (slot == null) {
            return;
        }
        synchronized (this) {
            Optional<Duration> wanted = every.map(Resolution::honoured);
            if (wanted.equals(slot.faster)) {
                return;
            }
            slot.faster = wanted;
            if (started && !stopped) {
                schedule(slot, wanted.isPresent());
            }
        }
    }

    /** (Re)registers the probe's job at its current cadence, after running it now when asked. Holds the lock. */
    private void schedule(ProbeSlot slot, boolean runNow) {
        cancel(slot);
        Duration every = slot.every();
        Duration first = every;
        if (runNow) {
            tick(slot);
        } else {
            first = slot.untilNextRun();
        }
        slot.job = jobs.every(scope + "/" + slot.name(), every, first, () -> tick(slot), slot.skipped::incrementAndGet);
    }

    private static void cancel(ProbeSlot slot) {
        if (slot.job != null) {
            slot.job.cancel();
            slot.job = null;
        }
    }

    /** Time since the heartbeat job last ran; the liveness check fails when the scheduler itself has stopped. */
    public Duration sinceLastTick() {
        return Duration.ofNanos(System.nanoTime() - lastTickNanos.get());
    }

    /** Ticks skipped because the previous call of that probe had not returned yet. */
    public long skippedRuns(String probe) {
        ProbeSlot slot = slots.get(probe);
        return slot == null ? 0 : slot.skipped.get();
    }

    /** A tick of the probe's job; the returned stage completes when the call it started has returned. */
    private CompletableFuture<Void> tick(ProbeSlot slot) {
        try {
            if (stopped) {
                return DONE;
            }
            if (!slot.busy.compareAndSet(false, true)) {
                slot.skipped.incrementAndGet();
                return DONE;
            }
            return calls.start(slot).released();
        } catch (RuntimeException e) {
            // A throwing tick would fail the job's execution: log and carry on.
            LOG.errorf("probe %s could not be run: %s", slot.name(), e.toString());
            return DONE;
        }
    }

    /**
     * Runs one probe now and completes when its result (or its timeout) is recorded; with null when a call of it is
     * still out. For tests and the first round.
     */
    public CompletableFuture<ProbeResult> runNow(ScheduledProbe probe) {
        ProbeSlot slot = slots.get(probe.name());
        if (slot == null || !slot.busy.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return calls.start(slot).recorded();
    }

    /** Used by the metrics: empty until the probe name is known. */
    public Optional<ScheduledProbe> find(String name) {
        return Optional.ofNullable(slots.get(name)).map(slot -> slot.probe);
    }
}
