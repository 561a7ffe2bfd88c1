package io.torghut.prober.feature.health;

import io.torghut.prober.feature.probe.ProbeRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the prober itself: Quarkus' scheduler still ticks (the runner's heartbeat job, every second, has run
 * within {@link #MAX_SILENCE}). It never looks at Torghut or the dependencies; an unhealthy Torghut must not get the
 * messenger restarted.
 */
@Liveness
@ApplicationScoped
public class SchedulerLiveness implements HealthCheck {
    static final Duration MAX_SILENCE = Duration.ofSeconds(30);
    private final ProbeRunner runner;
    private final Duration maxSilence;

    @Inject
    public SchedulerLiveness(ProbeRunner runner) {
        this(runner, MAX_SILENCE);
    }

    /** With a shorter silence for tests: the real one is 30 ticks of the scheduler. */
    SchedulerLiveness(ProbeRunner runner, Duration maxSilence) {
        this.runner = runner;
        this.maxSilence = maxSilence;
    }

    @Override
    public HealthCheckResponse call() {
        Duration silence = runner.sinceLastTick();
        return HealthCheckResponse.named("probe-scheduler")
                .status(silence.compareTo(maxSilence) < 0)
                .withData("secondsSinceLastTick", silence.toSeconds())
                .build();
    }
}
