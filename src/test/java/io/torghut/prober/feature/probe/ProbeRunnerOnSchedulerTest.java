package io.torghut.prober.feature.probe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.QuietAppProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner's rules on Quarkus' real scheduler (its once-a-second trigger check, SKIP, the event loop that starts an
 * async job) and Vert.x timers, in the running app: runners of the test's own, with fake probes, on the app's
 * {@link Jobs}. Intervals are the scheduler's finest, 1 s; every wait has a generous upper bound.
 */
@QuarkusTest
@TestProfile(QuietAppProfile.class)
class ProbeRunnerOnSchedulerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    Jobs jobs;

    @Inject
    Scheduler scheduler;

    private final Map<String, List<ProbeResult>> recorded = new ConcurrentHashMap<>();
    private final List<CountDownLatch> latches = new ArrayList<>();
    private final List<ProbeRunner> runners = new ArrayList<>();

    /** A probe whose n-th call (from 1) does what {@code behaviour} says; it counts calls and overlaps. */
    static final class Fake implements Probe {
        final ScheduledProbe scheduled;
        final IntFunction<ProbeOutcome> behaviour;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final List<Long> startedNanos = new CopyOnWriteArrayList<>();

        Fake(String name, Duration interval, Duration timeout, IntFunction<ProbeOutcome> behaviour) {
            this.behaviour = behaviour;
            this.scheduled = new ScheduledProbe(ProbeSpec.of(name, SignalRole.DEPENDENCY, interval, timeout), this);
        }

        @Override
        public ProbeOutcome check(Duration budget) {
            startedNanos.add(System.nanoTime());
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                return behaviour.apply(calls.incrementAndGet());
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }

    private ProbeRunner runner(Fake... probes) {
        List<ScheduledProbe> scheduled = new ArrayList<>();
        for (Fake probe : probes) {
            recorded.put(probe.scheduled.name(), new CopyOnWriteArrayList<>());
            scheduled.add(probe.scheduled);
        }
        ProbeRunner runner = new ProbeRunner(scheduled, result -> recorded.get(result.probe()).add(result), Clock.systemUTC(),
                new Redactor(), 8, jobs);
        runners.add(runner);
        return runner;
    }

    private CountDownLatch latch() {
        CountDownLatch latch = new CountDownLatch(1);
        latches.add(latch);
        return latch;
    }

    private static ProbeOutcome sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return ProbeOutcome.ok("slept " + duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutcome.fail(FailureReason.TIMEOUT, "interrupted");
        }
    }

    @AfterEach
    void stop() {
        latches.forEach(CountDownLatch::countDown);
        runners.forEach(ProbeRunner::stop);
    }

    /** A call that outlasts its interval: the scheduler skips the ticks meanwhile (counted), and never starts a second one. */
    @Test
    void aProbeNeverOverlapsItselfAndTheTicksItMissedAreCounted() {
        Fake slow = new Fake("sched-slow", Duration.ofSeconds(1), Duration.ofSeconds(10), n -> sleep(Duration.ofMillis(2500)));
        ProbeRunner runner = runner(slow);
        runner.start();
        // The first call is the start's own; the second and third come from the scheduler's ticks, and the ticks while
        // the second is out are skipped by the scheduler itself (SKIP), which reports them.
        await().atMost(PATIENCE).until(() -> slow.calls.get() >= 3 || slow.maxConcurrent.get() > 1);
        assertEquals(1, slow.maxConcurrent.get(), "a probe overlapped itself");
        // Each 2.5 s call spans two or three ticks; on a loaded machine the scheduler's own once-a-second look can come
        // late and merge ticks, so the floor is one skipped tick per overlong call, counted.
        assertTrue(runner.skippedRuns("sched-slow") >= 2, "each 2.5 s call spans at least one tick, skipped: " + runner.skippedRuns("sched-slow"));
        assertTrue(recorded.get("sched-slow").stream().allMatch(ProbeResult::success), recorded.toString());
    }

    /**
     * A call that never returns is recorded as a timeout at its timeout, not when it returns nor at a later tick, while
     * the scheduler goes on ticking the other probe and counting the stuck one's skipped ticks.
     */
    @Test
    void aHungCallIsRecordedAsTimeoutAtItsTimeoutWhileTheOtherProbeKeepsTicking() {
        CountDownLatch release = latch();
        Fake hung = new Fake("sched-hung", Duration.ofSeconds(1), Duration.ofMillis(1200), n -> {
            ProbeRunnerTest.hangUntil(release);
            return ProbeOutcome.ok("late answer");
        });
        Fake fine = new Fake("sched-fine", Duration.ofSeconds(1), Duration.ofSeconds(1), n -> ProbeOutcome.ok("fine " + n));
        ProbeRunner runner = runner(hung, fine);
        runner.start();

        await().atMost(PATIENCE).until(() -> !recorded.get("sched-hung").isEmpty());
        ProbeResult timeout = recorded.get("sched-hung").get(0);
        assertEquals(FailureReason.TIMEOUT, timeout.reason(), timeout.toString());
        assertEquals("no result within the 1200ms timeout", timeout.detail());
        assertTrue(timeout.latency().compareTo(Duration.ofMillis(1200)) >= 0, timeout.latency().toString());
        assertTrue(timeout.latency().compareTo(Duration.ofMillis(1200).plus(PATIENCE)) < 0, timeout.latency().toString());
        assertEquals(1, release.getCount(), "recorded while the call is still stuck");

        int fineBefore = recorded.get("sched-fine").size();
        await().atMost(PATIENCE).until(() -> recorded.get("sched-fine").size() >= fineBefore + 3 && runner.skippedRuns("sched-hung") >= 2);
        assertEquals(1, hung.calls.get(), "the stuck probe was started again");
        assertEquals(1, recorded.get("sched-hung").size(), "one timeout per stuck call, not one per skipped tick");
        assertTrue(recorded.get("sched-fine").stream().allMatch(ProbeResult::success));
    }

    /** A probe whose call never returns (no timeout in sight) leaves the other probe's cadence as it was: one run a tick. */
    @Test
    void aHungProbeDoesNotDelayAnotherProbesSchedule() {
        CountDownLatch release = latch();
        Fake hung = new Fake("sched-stuck", Duration.ofSeconds(1), Duration.ofMinutes(5), n -> {
            ProbeRunnerTest.hangUntil(release);
            return ProbeOutcome.ok("late");
        });
        Fake other = new Fake("sched-other", Duration.ofSeconds(1), Duration.ofSeconds(1), n -> ProbeOutcome.ok("other " + n));
        runner(hung, other).start();
        await().atMost(PATIENCE).until(() -> other.calls.get() >= 5);
        List<Long> starts = List.copyOf(other.startedNanos);
        for (int i = 1; i < starts.size(); i++) {
            Duration gap = Duration.ofNanos(starts.get(i) - starts.get(i - 1));
            // one tick apart; two would mean a missed round
            assertTrue(gap.compareTo(Duration.ofMillis(2500)) < 0, "run " + i + " came " + gap + " after the one before: " + starts);
        }
        assertEquals(1, hung.calls.get());
        assertTrue(recorded.get("sched-stuck").isEmpty(), "the hung probe has no result yet");
    }

    /** The pause asks for a faster cadence: a run at once, then one a tick; cleared, the probe's own 30 s again. */
    @Test
    void paceSpeedsAProbeUpAndClearingItRestoresTheProbesOwnCadence() {
        Fake knative = new Fake("sched-paced", Duration.ofSeconds(30), Duration.ofSeconds(5), n -> ProbeOutcome.ok("read " + n));
        ProbeRunner runner = runner(knative);
        runner.start();
        await().atMost(PATIENCE).until(() -> knative.calls.get() == 1);

        runner.pace("sched-paced", Optional.of(Duration.ofSeconds(1)));
        await().atMost(PATIENCE).until(() -> knative.calls.get() >= 4);

        runner.pace("sched-paced", Optional.empty());
        int atClear = knative.calls.get();
        // A tick already handed on when the pace ended may still run once; after that, nothing for 30 s.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> knative.calls.get() <= atClear + 1);
        Trigger job = jobOf(runner, "sched-paced");
        assertTrue(job.getNextFireTime().isAfter(java.time.Instant.now().plusSeconds(20)), "next run " + job.getNextFireTime());
    }

    /** The stop returns at once while a call is stuck, takes the jobs off the scheduler and records nothing after it. */
    @Test
    void stopAbandonsAHungProbePromptlyAndLeavesNoJobBehind() {
        CountDownLatch release = latch();
        CountDownLatch started = new CountDownLatch(1);
        Fake deaf = new Fake("sched-deaf", Duration.ofSeconds(1), Duration.ofMinutes(5), n -> {
            started.countDown();
            ProbeRunnerTest.hangUntil(release);
            return ProbeOutcome.fail(FailureReason.TIMEOUT, "answered long after the stop");
        });
        ProbeRunner runner = runner(deaf);
        runner.start();
        await().atMost(PATIENCE).until(() -> started.getCount() == 0 && hasJob(runner, "sched-deaf"));

        long start = System.nanoTime();
        runner.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "stop took " + took);
        assertTrue(!hasJob(runner, "sched-deaf") && !hasJob(runner, "heartbeat"), "jobs left: " + scheduler.getScheduledJobs());
        release.countDown();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> recorded.get("sched-deaf").isEmpty());
        assertEquals(1, deaf.calls.get(), "started again after the stop");
    }

    private boolean hasJob(ProbeRunner runner, String job) {
        return scheduler.getScheduledJob(runner.jobScope() + "/" + job) != null;
    }

    private Trigger jobOf(ProbeRunner runner, String job) {
        return java.util.Objects.requireNonNull(scheduler.getScheduledJob(runner.jobScope() + "/" + job), job);
    }
}
