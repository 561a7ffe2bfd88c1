package io.torghut.prober.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The pause's threads stop the way PauseWiring's stop promises: nothing delayed starts, queued Events get a budget, the rest is cut. */
class PauseExecutorsTest {

    @Test
    void delayedWorkNeverStartsOnceStopped() throws Exception {
        PauseExecutors executors = new PauseExecutors();
        AtomicBoolean ran = new AtomicBoolean();
        executors.scheduler().schedule(() -> ran.set(true), 200, TimeUnit.MILLISECONDS);
        executors.stopScheduling();
        Thread.sleep(400);
        assertFalse(ran.get(), "a retry or refresh due after the stop must not run");
        assertTrue(executors.drainEvents(Duration.ofSeconds(1)));
        executors.shutdownNow();
        assertTrue(executors.terminated());
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
        assertTrue(daemon.get(), "no pause thread keeps a stopping JVM alive");
    }
}
