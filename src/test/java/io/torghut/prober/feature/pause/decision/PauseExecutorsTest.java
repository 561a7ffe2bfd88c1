package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.decision.PendingRetries;
import io.torghut.prober.feature.pause.model.PendingKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.clock.ManualJobs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pause's background work stops the way PauseLifecycle's stop promises: no job ticks, queued Events get a budget, the rest is cut. */
class PauseExecutorsTest {

    @Test
    void periodicJobsAreOnTheClockAndGoneOnceStopped() {
        try (ManualJobs clock = new ManualJobs()) {
            PauseExecutors executors = new PauseExecutors();
            AtomicInteger refreshed = new AtomicInteger();
            executors.every(clock, "pause/git-refresh", Duration.ofMinutes(1), Duration.ofMinutes(1), refreshed::incrementAndGet);
            clock.fire("pause/git-refresh");
            assertEquals(1, refreshed.get());
            assertEquals(List.of("pause/git-refresh"), clock.ids());
            executors.stopScheduling();
            assertEquals(List.of(), clock.ids(), "a refresh or check due after the stop must not run");
            executors.shutdownNow();
        }
    }

    @Test
    void noRetryStartsOnceStopped() throws Exception {
        try (ManualJobs clock = new ManualJobs()) {
            PauseState state = new PauseState(Duration.ofMinutes(10));
            PendingRetries retries = new PendingRetries(clock, state, java.time.Clock.systemUTC(), Duration.ofMillis(200), Duration.ofMinutes(5));
            AtomicBoolean ran = new AtomicBoolean();
            retries.failed(PendingKind.GIT, "git away", null, kind -> ran.set(true));
            retries.stop();
            retries.failed(PendingKind.GIT, "git away", null, kind -> ran.set(true));
            Thread.sleep(400);
            assertFalse(ran.get(), "a retry due after the stop must not run");
            assertTrue(state.pending().isPresent(), "the work stays visible: the next start reads git again");
        }
    }

    @Test
    void queuedEventsAreWrittenWithinTheBudget() throws Exception {
        PauseExecutors executors = new PauseExecutors();
        CountDownLatch written = new CountDownLatch(2);
        executors.eventWriter().execute(written::countDown);
        executors.eventWriter().execute(written::countDown);
        assertTrue(executors.drainEvents(Duration.ofSeconds(2)));
        assertEquals(0, written.getCount());
        executors.shutdownNow();
    }

    @Test
    void aHungEventIsAbandonedAfterTheBudgetAndCutByShutdownNow() throws Exception {
        PauseExecutors executors = new PauseExecutors();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicBoolean daemon = new AtomicBoolean();
        executors.eventWriter().execute(() -> {
            daemon.set(Thread.currentThread().isDaemon());
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertTrue(started.await(2, TimeUnit.SECONDS));
        long before = System.nanoTime();
        assertFalse(executors.drainEvents(Duration.ofMillis(300)), "an API that has gone is not waited for");
        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(5));
        executors.shutdownNow();
        assertTrue(interrupted.await(2, TimeUnit.SECONDS));
        assertTrue(daemon.get(), "a daemon thread never keeps the JVM alive");
    }
}
