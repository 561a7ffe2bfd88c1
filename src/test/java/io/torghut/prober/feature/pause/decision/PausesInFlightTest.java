package io.torghut.prober.feature.pause.decision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stop waits for the pauses under way, admits no new one, and gives up at its timeout. */
class PausesInFlightTest {
    final PausesInFlight inFlight = new PausesInFlight();

    @Test
    void aStopWaitsForThePauseUnderWayAndAdmitsNoNewOne() throws Exception {
        assertTrue(inFlight.enter());
        CountDownLatch closing = new CountDownLatch(1);
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            closing.countDown();
            try {
                return inFlight.closeAndAwait(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        closing.await();
        Thread.sleep(200);
        assertFalse(stopped.isDone(), "still waiting for the pause under way");
        assertFalse(inFlight.enter(), "no new pause once stopping");
        inFlight.exit();
        assertTrue(stopped.get(5, TimeUnit.SECONDS));
        assertTrue(inFlight.stopping());
    }

    @Test
    void aStopGivesUpAtItsTimeout() throws Exception {
        assertTrue(inFlight.enter());
        long start = System.nanoTime();
        assertFalse(inFlight.closeAndAwait(Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void withNothingUnderWayAStopReturnsAtOnce() throws Exception {
        assertTrue(inFlight.closeAndAwait(Duration.ZERO));
    }
}
