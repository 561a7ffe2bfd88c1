package io.torghut.prober.feature.probe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.adapter.clock.ManualJobs;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Stopping abandons probes stuck on a dependency instead of awaiting them, and what they return afterwards is not
 * recorded: an "interrupted" result is no news about the dependency, and recorded as a failure it could turn the
 * verdict, and start a pause, while the process stops.
 */
class ProbeRunnerStopTest {
    final List<ProbeResult> recorded = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(2);
    final CountDownLatch released = new CountDownLatch(1);

    /** A probe on a socket read that ignores interrupts: only the latch ends it. */
    final ScheduledProbe deaf = probe("deaf", () -> {
        started.countDown();
        boolean interrupted = false;
        while (released.getCount() > 0) {
            try {
                released.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ProbeOutcome.fail(FailureReason.TIMEOUT, "answered long after the stop");
    });
    /** A probe whose client gives up when interrupted, as the HTTP fetcher does. */
    final ScheduledProbe polite = probe("polite", () -> {
        started.countDown();
        try {
            Thread.sleep(60_000);
            return ProbeOutcome.ok("never");
        } catch (InterruptedException e) {
            return ProbeOutcome.fail(FailureReason.TIMEOUT, "interrupted while waiting for http://torghut");
        }
    });

    @Test
    void stopReturnsWithoutWaitingForHungProbesAndDropsWhatTheyReturnLater() throws Exception {
        ManualJobs jobs = new ManualJobs();
        ProbeRunner runner = new ProbeRunner(List.of(deaf, polite), recorded::add, Clock.systemUTC(), new Redactor(), 4, jobs);
        runner.start();
        started.await();
        runner.stop();
        assertEquals(1, released.getCount(), "stop returned while a probe was still stuck");
        released.countDown();
        // Both probes have returned by now or will shortly; neither result may reach the store.
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertTrue(recorded.isEmpty(), "recorded after the stop: " + recorded);
        assertEquals(List.of(), jobs.ids(), "jobs left on the scheduler after the stop");
        jobs.close();
    }

    private static ScheduledProbe probe(String name, java.util.function.Supplier<ProbeOutcome> check) {
        return new ScheduledProbe(ProbeSpec.of(name, SignalRole.DEPENDENCY, Duration.ofMinutes(1), Duration.ofMinutes(1)),
                budget -> check.get());
    }
}
