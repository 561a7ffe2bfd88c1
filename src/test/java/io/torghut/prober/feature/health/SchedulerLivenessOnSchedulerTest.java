package io.torghut.prober.feature.health;

import static org.awaitility.Awaitility.await;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.QuietAppProfile;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * The liveness check follows Quarkus' scheduler itself: when the scheduler stops ticking (paused here, as a dead trigger
 * thread would look), the runner's heartbeat job stops, and the check fails once the silence passes its bound (3 s
 * here, 30 s in production); it passes again once the scheduler ticks.
 */
@QuarkusTest
@TestProfile(QuietAppProfile.class)
class SchedulerLivenessOnSchedulerTest {
    @Inject
    Jobs jobs;

    @Inject
    Scheduler scheduler;

    @Test
    void livenessFailsWhenTheSchedulerStopsTickingAndRecovers() {
        ProbeRunner runner = new ProbeRunner(List.of(), result -> { }, Clock.systemUTC(), new Redactor(), 1, jobs);
        SchedulerLiveness liveness = new SchedulerLiveness(runner, Duration.ofSeconds(3));
        try {
            runner.start();
            // up for longer than the bound: the heartbeat job really ticks
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                    .until(() -> liveness.call().getStatus() == HealthCheckResponse.Status.UP);
            scheduler.pause();
            await().atMost(Duration.ofSeconds(20)).until(() -> liveness.call().getStatus() == HealthCheckResponse.Status.DOWN);
            scheduler.resume();
            await().atMost(Duration.ofSeconds(20)).until(() -> liveness.call().getStatus() == HealthCheckResponse.Status.UP);
        } finally {
            scheduler.resume();
            runner.stop();
        }
    }
}
