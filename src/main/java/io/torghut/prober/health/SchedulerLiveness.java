package io.torghut.prober.health;

import io.torghut.prober.probe.ProbeRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the prober itself: its scheduler still ticks. It never looks at Torghut or the dependencies; an unhealthy
 * Torghut must not get the messenger restarted.
 */
@Liveness
@ApplicationScoped
public class SchedulerLiveness implements HealthCheck {
    static final Duration MAX_SILENCE = Duration.ofSeconds(30);
    private final ProbeRunner runner;

    public SchedulerLiveness(ProbeRunner runner) {
        this.runner = runner;
    }

    @Override
    public HealthCheckResponse call() {
        Duration silence = runner.sinceLastTick();
        return HealthCheckResponse.named("probe-scheduler")
                .status(silence.compareTo(MAX_SILENCE) < 0)
                .withData("secondsSinceLastTick", silence.toSeconds())
                .build();
    }
}
