package io.torghut.prober.feature.probe;

import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import io.torghut.prober.shared.model.Observation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one probe run found, before the runner adds timing. Probes return failures as values; they do not throw.
 *
 * @param success  whether the signal is good
 * @param reason   {@link FailureReason#NONE} on success
 * @param detail   one human line, never containing a secret
 * @param age      the data's age, for freshness probes
 * @param evidence small facts for oncall (for example the dependencies Torghut reports as down)
 * @param observation what a Kubernetes probe read, for the sinks that keep it (findings, trading state, /diagnose)
 */
public record ProbeOutcome(boolean success, FailureReason reason, String detail, Optional<Duration> age,
                           Map<String, String> evidence, Optional<Observation> observation) {

    public ProbeOutcome {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        age = age == null ? Optional.empty() : age;
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        observation = observation == null ? Optional.empty() : observation;
        if (success != (reason == FailureReason.NONE)) {
            throw new IllegalArgumentException("success must go with reason NONE and failure with a reason");
        }
    }

    public ProbeOutcome(boolean success, FailureReason reason, String detail, Optional<Duration> age, Map<String, String> evidence) {
        this(success, reason, detail, age, evidence, Optional.empty());
    }

    public static ProbeOutcome ok(String detail) {
        return new ProbeOutcome(true, FailureReason.NONE, detail, Optional.empty(), Map.of());
    }

    public static ProbeOutcome fail(FailureReason reason, String detail) {
        return new ProbeOutcome(false, reason, detail, Optional.empty(), Map.of());
    }

    public ProbeOutcome withAge(Duration measured) {
        return new ProbeOutcome(success, reason, detail, Optional.of(measured), evidence, observation);
    }

    public ProbeOutcome withEvidence(Map<String, String> facts) {
        return new ProbeOutcome(success, reason, detail, age, facts, observation);
    }

    public ProbeOutcome withObservation(Observation read) {
        return new ProbeOutcome(success, reason, detail, age, evidence, Optional.of(read));
    }

    /** The same outcome without the observation: what the signal store keeps (an observation can hold log excerpts). */
    public ProbeOutcome withoutObservation() {
        return observation.isEmpty() ? this : new ProbeOutcome(success, reason, detail, age, evidence, Optional.empty());
    }

    /**
     * The same outcome with {@code clean} applied to the detail and every evidence value (the runner redacts). An
     * observation is redacted where it is made: the log scanner cleans log excerpts with the same redactor.
     */
    public ProbeOutcome redacted(UnaryOperator<String> clean) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        evidence.forEach((k, v) -> cleaned.put(k, clean.apply(v)));
        return new ProbeOutcome(success, reason, clean.apply(detail), age, cleaned, observation);
    }

    /** A failure from an exception that a probe did not classify. */
    public static ProbeOutcome from(ProbeFailure failure) {
        return fail(failure.reason(), failure.getMessage());
    }
}
