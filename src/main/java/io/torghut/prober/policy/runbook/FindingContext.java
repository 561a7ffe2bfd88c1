package io.torghut.prober.policy.runbook;

import io.torghut.prober.core.FailureReason;
import io.torghut.prober.policy.Verdict;
import io.torghut.prober.signal.Health;
import io.torghut.prober.signal.SignalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the findings are judged against besides the Kubernetes observations: the current verdict (with the snapshot of
 * the prober's own signals), the instant, and the grace a deploying revision gets.
 */
public record FindingContext(Verdict verdict, Instant now, Duration rolloutGrace, RunbookNames names) {

    public Optional<SignalState> signal(String name) {
        return verdict.snapshot().get(name);
    }

    /** The prober's own view of a dependency signal ({@code postgres}, {@code clickhouse}): UNKNOWN when absent. */
    public Health health(String name) {
        return signal(name).map(SignalState::health).orElse(Health.UNKNOWN);
    }

    /**
     * The prober's own probe of a dependency fails for a reason about the dependency. A {@code config} failure (DB_DSN
     * not set) is the prober's own configuration, not evidence that the dependency is down: it counts as not known.
     */
    public Health dependencyHealth(String name) {
        Health health = health(name);
        boolean config = signal(name).flatMap(SignalState::latest).map(r -> r.reason() == FailureReason.CONFIG).orElse(false);
        return health == Health.BAD && config ? Health.UNKNOWN : health;
    }

    /** {@code connect: Connection refused} style, or empty. */
    public String detail(String name) {
        return signal(name).flatMap(SignalState::latest).map(r -> r.reason().label() + ": " + r.detail()).orElse("");
    }
}
