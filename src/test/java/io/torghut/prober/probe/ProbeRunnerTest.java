package io.torghut.prober.probe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.core.FailureReason;
import io.torghut.prober.core.Redactor;
import io.torghut.prober.signal.Hysteresis;
import io.torghut.prober.signal.SignalState;
import io.torghut.prober.signal.SignalStore;
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
 * The runner with fake probes and a real store. Intervals are short and every wait has a generous upper bound:
 * these tests check what happens, not how fast (speed is measured elsewhere).
 */
class ProbeRunnerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-03-09T15:00:00Z");

    private final SignalStore store = new SignalStore(new Hysteresis(2, 2));
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

        FakeProbe(String name, long intervalMs, long timeoutMs, IntFunction<ProbeOutcome> behaviour) {
            this.name = name;
            this.interval = Duration.ofMillis(intervalMs);
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
    private static void hangUntil(CountDownLatch latch) {
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
                redactor, maxConcurrency);
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
    }

    @Test
    void everyRunIsRecordedWithTheClockAndALatency() {
        FakeProbe ok = new FakeProbe("ok", 50, 1000, n -> ProbeOutcome.ok("run " + n));
        runner(4, new Redactor(), ok).start();
        await().atMost(PATIENCE).until(() -> results("ok").size() >= 4);
        runner.stop();
        List<ProbeResult> seen = List.copyOf(results("ok"));
        for (int i = 0; i < seen.size(); i++) {
            assertEquals("run " + (i + 1), seen.get(i).detail(), "one result per run, in order");
            assertEquals(NOW, seen.get(i).observedAt());
            assertTrue(!seen.get(i).latency().isNegative());
        }
        assertEquals(Duration.ofMillis(900), ok.lastBudget, "clients get 90% of the hard timeout");
        assertEquals(1, ok.maxConcurrent.get(), "a probe never overlaps itself");
        assertTrue(store.get("ok").orElseThrow().consecutiveSuccesses() >= seen.size());
    }

    @Test
    void aHungProbeIsRecordedAsTimeoutAtItsTimeoutSkipsTicksWhileStuckAndResumes() {
        CountDownLatch release = latch();
        FakeProbe hung = new FakeProbe("hung", 50, 200, n -> {
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
        await().atMost(PATIENCE).until(() -> runner.skippedRuns("hung") >= 3);
        assertEquals(1, hung.calls.get());
        assertEquals(1, results("hung").size(), "one timeout per stuck run, not one per skipped tick");

        release.countDown();
        await().atMost(PATIENCE).until(() -> latest("hung").map(ProbeResult::success).orElse(false));
        assertEquals("answered", latest("hung").orElseThrow().detail());
        assertEquals(1, results("hung").stream().filter(r -> r.reason() == FailureReason.TIMEOUT).count(),
                "the late answer of the stuck run is not recorded");
        // and it keeps running on its schedule (a stuck probe would produce no further results at all)
        await().atMost(PATIENCE).until(() -> results("hung").size() >= 5);
        assertEquals(1, hung.maxConcurrent.get());
    }

    @Test
    void aHungProbeDoesNotDelayAnotherProbe() {
        CountDownLatch release = latch();
        FakeProbe hung = new FakeProbe("hung", 50, 60_000, n -> {
            hangUntil(release);
            return ProbeOutcome.ok("late");
        });
        FakeProbe fast = new FakeProbe("fast", 50, 1000, n -> ProbeOutcome.ok("fast " + n));
        runner(4, new Redactor(), hung, fast).start();
        await().atMost(PATIENCE).until(() -> results("fast").size() >= 5);
        assertEquals(Optional.empty(), latest("hung"), "the hung probe is still running");
        assertTrue(runner.skippedRuns("hung") >= 1);
    }

    @Test
    void aProbeThatThrowsIsRecordedAsErrorRedactedAndKeepsBeingScheduled() {
        Redactor redactor = new Redactor();
        redactor.add("s3cret-ch-pass");
        FakeProbe throwing = new FakeProbe("throwing", 50, 1000, n -> {
            throw new IllegalStateException("bug " + n + " near s3cret-ch-pass");
        });
        runner(4, redactor, throwing).start();
        await().atMost(PATIENCE).until(() -> results("throwing").size() >= 3);
        for (ProbeResult result : List.copyOf(results("throwing"))) {
            assertEquals(FailureReason.ERROR, result.reason());
            assertTrue(result.detail().startsWith("probe failed unexpectedly: java.lang.IllegalStateException: bug "), result.detail());
            assertTrue(result.detail().endsWith(" near ****"), result.detail());
        }
        assertTrue(throwing.calls.get() >= 3);
    }

    /**
     * With every worker busy, a run waits in the queue; if it times out there it is cancelled before it starts.
     * The probe must still run again once a worker is free.
     */
    @Test
    void aRunThatTimesOutWhileQueuedDoesNotBlockItsProbeForever() {
        CountDownLatch release = latch();
        FakeProbe hog = new FakeProbe("hog", 50, 150, n -> {
            if (n == 1) {
                hangUntil(release);
            }
            return ProbeOutcome.ok("hog " + n);
        });
        FakeProbe queued = new FakeProbe("queued", 50, 150, n -> ProbeOutcome.ok("queued " + n));
        runner(1, new Redactor(), hog, queued).start();
        await().atMost(PATIENCE).until(() -> latest("queued").isPresent());
        assertEquals(FailureReason.TIMEOUT, latest("queued").orElseThrow().reason());
        assertEquals(0, queued.calls.get(), "it never started: the only worker is stuck");

        release.countDown();
        await().atMost(PATIENCE).until(() -> latest("queued").map(ProbeResult::success).orElse(false));
        await().atMost(PATIENCE).until(() -> latest("hog").map(ProbeResult::success).orElse(false));
    }

    @Test
    void aProbeReturningNullIsRecordedAsError() throws Exception {
        FakeProbe broken = new FakeProbe("broken", 60_000, 1000, n -> null);
        runner(2, new Redactor(), broken);
        ProbeResult result = runner.runNow(broken.scheduled).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(FailureReason.ERROR, result.reason());
        assertEquals("probe returned no outcome (a bug in the probe)", result.detail());
        assertEquals(Optional.of(result), latest("broken"));
    }

    @Test
    void runNowRecordsAndReturnsTheResult() throws Exception {
        FakeProbe ok = new FakeProbe("ok", 60_000, 1000, n -> ProbeOutcome.fail(FailureReason.CONNECT, "refused " + n));
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
