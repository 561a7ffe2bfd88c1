package io.torghut.prober.feature.signal;

import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything known about one signal: its latest result, streaks, settled health and since when it has been so,
 * and, for freshness signals, the last measured data age and when it was measured.
 *
 * @param healthSince when the settled health last changed (empty while unknown)
 */
public record SignalState(String name, SignalRole role, Optional<Duration> maxAge, Optional<ProbeResult> latest,
                          Optional<Instant> lastSuccess, int consecutiveFailures, int consecutiveSuccesses,
                          Health health, Optional<Duration> measuredAge, Optional<Instant> measuredAt, Optional<Instant> healthSince) {

    public static SignalState initial(String name, SignalRole role, Optional<Duration> maxAge) {
        return new SignalState(name, role, maxAge, Optional.empty(), Optional.empty(), 0, 0, Health.UNKNOWN,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The state after one more result. */
    public SignalState with(ProbeResult result, Hysteresis hysteresis) {
        boolean ok = result.success();
        int failures = ok ? 0 : consecutiveFailures + 1;
        int successes = ok ? consecutiveSuccesses + 1 : 0;
        Health next = hysteresis.next(health, ok, failures, successes);
        Optional<Duration> age = result.age().isPresent() ? result.age() : measuredAge;
        Optional<Instant> ageAt = result.age().isPresent() ? Optional.of(result.observedAt()) : measuredAt;
        return new SignalState(name, role, maxAge, Optional.of(result), ok ? Optional.of(result.observedAt()) : lastSuccess,
                failures, successes, next, age, ageAt, next != health ? Optional.of(result.observedAt()) : healthSince);
    }

    /**
     * The data's age now. For freshness signals: the last measured age plus the time since it was measured (the data
     * only gets older until a new measurement says otherwise). For other signals: time since the last success.
     */
    public Optional<Duration> ageAt(Instant now) {
        if (role == SignalRole.FRESHNESS) {
            return measuredAge.flatMap(age -> measuredAt.map(at -> age.plus(nonNegative(Duration.between(at, now)))));
        }
        return lastSuccess.map(at -> nonNegative(Duration.between(at, now)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
