package io.torghut.prober.feature.probe;

import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One completed probe run: the outcome plus when it was observed and how long it took.
 */
public record ProbeResult(String probe, ProbeOutcome outcome, Duration latency, Instant observedAt) {

    public boolean success() {
        return outcome.success();
    }

    public FailureReason reason() {
        return outcome.reason();
    }

    public String detail() {
        return outcome.detail();
    }

    public Optional<Duration> age() {
        return outcome.age();
    }

    public Map<String, String> evidence() {
        return outcome.evidence();
    }

    /** The same result without the outcome's observation. */
    public ProbeResult withoutObservation() {
        return outcome.observation().isEmpty() ? this : new ProbeResult(probe, outcome.withoutObservation(), latency, observedAt);
    }
}
