package io.torghut.prober.feature.signal;

/**
 * Flap damping: a good signal turns bad after {@code failuresToBad} consecutive failures, a bad one good again after
 * {@code successesToGood} consecutive successes. The first result settles an unknown signal at once: there is no
 * earlier state to protect, and waiting would report a healthy system as unknown (stale) at every restart.
 */
public record Hysteresis(int failuresToBad, int successesToGood) {

    public Hysteresis {
        if (failuresToBad < 1 || successesToGood < 1) {
            throw new IllegalArgumentException("hysteresis thresholds must be at least 1");
        }
    }

    public Health next(Health current, boolean success, int consecutiveFailures, int consecutiveSuccesses) {
        return switch (current) {
            case UNKNOWN -> success ? Health.GOOD : Health.BAD;
            case GOOD -> !success && consecutiveFailures >= failuresToBad ? Health.BAD : Health.GOOD;
            case BAD -> success && consecutiveSuccesses >= successesToGood ? Health.GOOD : Health.BAD;
        };
    }
}
