package io.torghut.prober.feature.probe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.clock.ManualJobs;
import io.torghut.prober.adapter.clock.Resolution;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner with fake probes, a real store and a scheduler double whose ticks the test fires ({@link ManualJobs}, with
 * the scheduler's skip-while-running rule and real millisecond timers): the runner's rules without waiting for a real
 * tick. Every wait has a generous upper bound: these tests check what happens, not how fast (speed is measured
 * elsewhere). The same rules on Quarkus' scheduler: {@link ProbeRunnerOnSchedulerTest}.
 */
class ProbeRunnerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-03-09T15:00:00Z");

    private final SignalStore store = new SignalStore(new Hysteresis(2, 2));
    private final ManualJobs jobs = new ManualJobs();
    private final Map<String, List<ProbeResult>> recorded = new ConcurrentHashMap<>();
    private final List<CountDownLatch> latches = new ArrayList<>();
    private ProbeRunner runner;

    /** A probe whose n-th call (from 1) does what {@code behaviour} says. */
    static final class FakeProbe implements Probe {
        final String name;
        final Duration interval;
        final Duration timeout;
        final IntFunction<ProbeOutcome> behaviour;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        volatile Duration lastBudget;

        final ScheduledProbe scheduled;

        FakeProbe(String name, long intervalSeconds, long timeoutMs, IntFunction<ProbeOutcome> behaviour) {
            this.name = name;
            this.interval = Duration.ofSeconds(intervalSeconds);
            this.timeout = Duration.ofMillis(timeoutMs);
            this.behaviour = behaviour;
            this.scheduled = new ScheduledProbe(ProbeSpec.of(name, SignalRole.DEPENDENCY, interval, timeout), this);
        }

        @Override
        public ProbeOutcome check(Duration budget) {
            lastBudget = budget;
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                return behaviour.apply(calls.incrementAndGet());
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }

    /** Blocks like a read on a socket that never answers: interrupts do not end it, only the latch does. */
    static void hangUntil(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        latches.add(latch);
        return latch;
    }

    private ProbeRunner runner(int maxConcurrency, Redactor redactor, FakeProbe... probes) {
        for (FakeProbe probe : probes) {
            store.register(probe.name, probe.scheduled.spec().role(), Optional.empty());
            recorded.put(probe.name, new CopyOnWriteArrayList<>());
        }
        store.onChange((before, after) -> recorded.get(after.name()).add(after.latest().orElseThrow()));
        runner = new ProbeRunner(java.util.Arrays.stream(probes).map(p -> p.scheduled).toList(), store, Clock.fixed(NOW, ZoneOffset.UTC),
                redactor, maxConcurrency, jobs);
        return runner;
    }

    private List<ProbeResult> results(String probe) {
        return recorded.get(probe);
    }

    private Optional<ProbeResult> latest(String probe) {
        return store.get(probe).flatMap(SignalState::latest);
    }

    @AfterEach
    void stop() {
        latches.forEach(CountDownLatch::countDown);
        if (runner != null) {
            runner.stop();
        }
        jobs.close();
    }

    /** Fires the probe's job {@code times} times, each after the previous run's result is recorded (or skipped). */
    private void tick(FakeProbe probe, int times) {
        for (int i = 0; i < times; i++) {
            int before = results(probe.name).size();
            long skippedBefore = runner.skippedRuns(probe.name);
            jobs.fire(probe.name);
            await().atMost(PATIENCE).until(() -> results(probe.name).size() > before || runner.skippedRuns(probe.name) > skippedBefore);
        }
    }

    @Test
    void everyRunIsRecordedWithTheClockAndALatency() {
        FakeProbe ok = new FakeProbe("ok", 1, 1000, n -> ProbeOutcome.ok("run " + n));
        runner(4, new Redactor(), ok).start();
        await().atMost(PATIENCE).until(() -> results("ok").size() == 1);
        tick(ok, 3);
        runner.stop();
        List<ProbeResult> seen = List.copyOf(results("ok"));
        assertEquals(4, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals("run " + (i + 1), seen.get(i).detail(), "one result per run, in order");
            assertEquals(NOW, seen.get(i).observedAt());
            assertTrue(!seen.get(i).latency().isNegative());
        }
        assertEquals(Duration.ofMillis(900), ok.lastBudget, "clients get 90% of the hard timeout");
        assertEquals(1, ok.maxConcurrent.get(), "a probe never overlaps itself");
        assertTrue(store.get("ok").orElseThrow().consecutiveSuccesses() >= seen.size());
    }

    /** start() runs every probe at once, then hands each to a job of its own at its interval, plus the heartbeat. */
    @Test
    void startRunsEveryProbeOnceAndGivesEachAJobAtItsInterval() {
        FakeProbe a = new FakeProbe("a", 10, 1000, n -> ProbeOutcome.ok("a"));
        FakeProbe b = new FakeProbe("b", 15, 1000, n -> ProbeOutcome.ok("b"));
        runner(4, new Redactor(), a, b).start();
        await().atMost(PATIENCE).until(() -> results("a").size() == 1 && results("b").size() == 1);
        assertEquals(Duration.ofSeconds(10), jobs.job("a").orElseThrow().interval);
        assertEquals(Duration.ofSeconds(10), jobs.job("a").orElseThrow().firstAfter, "the first run was the one at the start");
        assertEquals(Duration.ofSeconds(15), jobs.job("b").orElseThrow().interval);
        assertEquals(Resolution.TICK, jobs.job("heartbeat").orElseThrow().interval);
        runner.start();
        assertEquals(1, a.calls.get(), "a second start() changes nothing");

        ManualJobs.Registered aJob = jobs.job("a").orElseThrow();
        runner.stop();
        assertEquals(List.of(), jobs.ids(), "the stop takes every job off the scheduler");
        aJob.fire();
        assertEquals(1, a.calls.get(), "a tick racing the stop starts nothing");
    }

    @Test
    void aHungProbeIsRecordedAsTimeoutAtItsTimeoutSkipsTicksWhileStuckAndResumes() {
        CountDownLatch release = latch();
        FakeProbe hung = new FakeProbe("hung", 1, 200, n -> {
            if (n == 1) {
                hangUntil(release);
                return ProbeOutcome.ok("late answer, never recorded");
            }
            return ProbeOutcome.ok("answered");
        });
        runner(4, new Redactor(), hung).start();

        await().atMost(PATIENCE).until(() -> latest("hung").isPresent());
        ProbeResult timeout = latest("hung").orElseThrow();
        assertEquals(FailureReason.TIMEOUT, timeout.reason());
        assertEquals("no result within the 200ms timeout", timeout.detail());
        assertTrue(timeout.latency().compareTo(Duration.ofMillis(200)) >= 0, timeout.latency().toString());
        assertTrue(timeout.latency().compareTo(Duration.ofMillis(200).plus(PATIENCE)) < 0, timeout.latency().toString());

        // still stuck: its ticks are skipped and counted, and it is not started again
        tick(hung, 3);
        assertEquals(3, runner.skippedRuns("hung"));
        assertEquals(1, hung.calls.get());
        assertEquals(1, results("hung").size(), "one timeout per stuck run, not one per skipped tick");

        release.countDown();
        await().atMost(PATIENCE).until(() -> {
            jobs.fire("hung");
            return latest("hung").map(ProbeResult::success).orElse(false);
        });
        assertEquals("answered", latest("hung").orElseThrow().detail());
        assertEquals(1, results("hung").stream().filter(r -> r.reason() == FailureReason.TIMEOUT).count(),
                "the late answer of the stuck run is not recorded");
        // and it keeps running on its schedule (a stuck probe would produce no further results at all)
        tick(hung, 2);
        assertTrue(results("hung").size() >= 4, results("hung").toString());
        assertEquals(1, hung.maxConcurrent.get());
    }

    @Test
    void aHungProbeDoesNotDelayAnotherProbe() {
        CountDownLatch release = latch();
        FakeProbe hung = new FakeProbe("hung", 1, 60_000, n -> {
            hangUntil(release);
            return ProbeOutcome.ok("late");
        });
        FakeProbe fast = new FakeProbe("fast", 1, 1000, n -> ProbeOutcome.ok("fast " + n));
        runner(4, new Redactor(), hung, fast).start();
        await().atMost(PATIENCE).until(() -> hung.calls.get() == 1 && results("fast").size() == 1);
        for (int i = 0; i < 4; i++) {
            tick(hung, 1);
            tick(fast, 1);
        }
        assertEquals(5, results("fast").size());
        assertEquals(Optional.empty(), latest("hung"), "the hung probe is still running");
        assertEquals(4, runner.skippedRuns("hung"));
    }

    @Test
    void aProbeThatThrowsIsRecordedAsErrorRedactedAndKeepsBeingScheduled() {
        Redactor redactor = new Redactor();
        redactor.add("s3cret-ch-pass");
        FakeProbe throwing = new FakeProbe("throwing", 1, 1000, n -> {
            throw new IllegalStateException("bug " + n + " near s3cret-ch-pass");
        });
        runner(4, redactor, throwing).start();
        await().atMost(PATIENCE).until(() -> results("throwing").size() == 1);
        tick(throwing, 2);
        assertEquals(3, results("throwing").size());
        for (ProbeResult result : List.copyOf(results("throwing"))) {
            assertEquals(FailureReason.ERROR, result.reason());
            assertTrue(result.detail().startsWith("probe failed unexpectedly: java.lang.IllegalStateException: bug "), result.detail());
            assertTrue(result.detail().endsWith(" near ****"), result.detail());
        }
        assertEquals(3, throwing.calls.get());
    }

    /**
     * With every worker busy, a run waits in the queue; if it times out there it is cancelled before it starts.
     * The probe must still run again once a worker is free.
     */
    @Test
    void aRunThatTimesOutWhileQueuedDoesNotBlockItsProbeForever() {
        CountDownLatch release = latch();
        FakeProbe hog = new FakeProbe("hog", 1, 150, n -> {
            if (n == 1) {
                hangUntil(release);
            }
            return ProbeOutcome.ok("hog " + n);
        });
        FakeProbe queued = new FakeProbe("queued", 1, 150, n -> ProbeOutcome.ok("queued " + n));
        runner(1, new Redactor(), hog, queued).start();
        await().atMost(PATIENCE).until(() -> latest("queued").isPresent());
        assertEquals(FailureReason.TIMEOUT, latest("queued").orElseThrow().reason());
        assertEquals(0, queued.calls.get(), "it never started: the only worker is stuck");

        release.countDown();
        await().atMost(PATIENCE).until(() -> {
            jobs.fire("queued");
            return latest("queued").map(ProbeResult::success).orElse(false);
        });
        await().atMost(PATIENCE).until(() -> {
            jobs.fire("hog");
            return latest("hog").map(ProbeResult::success).orElse(false);
        });
    }

    /**
     * The pause asks for a faster cadence while it is being confirmed: the probe runs at once, then its job runs at the
     * faster cadence (rounded up to the scheduler's tick); cleared, the job goes back to the probe's own interval,
     * counted from the last run, without an extra run.
     */
    @Test
    void paceRunsAtOnceThenAtTheFasterCadenceAndClearingRestoresTheOwnInterval() {
        FakeProbe knative = new FakeProbe("knative", 15, 1000, n -> ProbeOutcome.ok("read " + n));
        runner(2, new Redactor(), knative).start();
        await().atMost(PATIENCE).until(() -> results("knative").size() == 1);

        runner.pace("knative", Optional.of(Duration.ofSeconds(2)));
        await().atMost(PATIENCE).until(() -> results("knative").size() == 2);
        assertEquals(Duration.ofSeconds(2), jobs.job("knative").orElseThrow().interval);
        assertEquals(Duration.ofSeconds(2), jobs.job("knative").orElseThrow().firstAfter);
        runner.pace("knative", Optional.of(Duration.ofSeconds(2)));
        assertEquals(2, knative.calls.get(), "the same pace again is no news: no extra run");

        runner.pace("knative", Optional.of(Duration.ofMillis(300)));
        await().atMost(PATIENCE).until(() -> results("knative").size() == 3);
        assertEquals(Resolution.TICK, jobs.job("knative").orElseThrow().interval, "finer than the tick: rounded up to it");
        tick(knative, 2);
        assertEquals(5, knative.calls.get());

        runner.pace("knative", Optional.empty());
        ManualJobs.Registered restored = jobs.job("knative").orElseThrow();
        assertEquals(Duration.ofSeconds(15), restored.interval);
        assertTrue(restored.firstAfter.compareTo(Duration.ofSeconds(15)) <= 0
                && restored.firstAfter.compareTo(Duration.ofSeconds(15).minus(PATIENCE)) > 0, restored.firstAfter.toString());
        assertEquals(5, knative.calls.get(), "clearing the pace runs nothing by itself");
        assertEquals(1, jobs.ids().stream().filter(id -> id.endsWith("/knative")).count(), "one job per probe, always");

        runner.pace("nope", Optional.of(Duration.ofSeconds(1)));
        assertEquals(Optional.empty(), jobs.job("nope"));
    }

    /** A pace asked for before the start (the pause is built before the probes start) is how the probe starts. */
    @Test
    void aPaceAskedBeforeTheStartIsTheCadenceItStartsWith() {
        FakeProbe knative = new FakeProbe("knative", 15, 1000, n -> ProbeOutcome.ok("read " + n));
        runner(2, new Redactor(), knative);
        runner.pace("knative", Optional.of(Duration.ofSeconds(5)));
        assertEquals(0, knative.calls.get());
        runner.start();
        await().atMost(PATIENCE).until(() -> results("knative").size() == 1);
        assertEquals(Duration.ofSeconds(5), jobs.job("knative").orElseThrow().interval);
    }

    @Test
    void theHeartbeatJobIsWhatKeepsSinceLastTickShort() {
        runner(1, new Redactor());
        runner.start();
        await().atMost(PATIENCE).until(() -> runner.sinceLastTick().compareTo(Duration.ofMillis(300)) > 0);
        jobs.fire("heartbeat");
        assertTrue(runner.sinceLastTick().compareTo(Duration.ofMillis(300)) < 0, runner.sinceLastTick().toString());
    }

    @Test
    void aProbeReturningNullIsRecordedAsError() throws Exception {
        FakeProbe broken = new FakeProbe("broken", 60, 1000, n -> null);
        runner(2, new Redactor(), broken);
        ProbeResult result = runner.runNow(broken.scheduled).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(FailureReason.ERROR, result.reason());
        assertEquals("probe returned no outcome (a bug in the probe)", result.detail());
        assertEquals(Optional.of(result), latest("broken"));
    }

    @Test
    void runNowRecordsAndReturnsTheResult() throws Exception {
        FakeProbe ok = new FakeProbe("ok", 60, 1000, n -> ProbeOutcome.fail(FailureReason.CONNECT, "refused " + n));
        runner(2, new Redactor(), ok);
        ProbeResult result = runner.runNow(ok.scheduled).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(result);
        assertEquals("refused 1", result.detail());
        assertEquals(Optional.of(result), latest("ok"));
        assertEquals(Optional.of(ok.scheduled), runner.find("ok"));
        assertEquals(Optional.empty(), runner.find("nope"));
        assertEquals(0, runner.skippedRuns("nope"));
    }
}
