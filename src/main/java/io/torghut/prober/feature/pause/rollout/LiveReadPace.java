package io.torghut.prober.feature.pause.rollout;

import java.time.Duration;
import java.util.Optional;

/**
 * Asks the reader of the Knative Service (the {@code knative} probe) for a faster cadence while a pause is being
 * confirmed, and for its normal cadence again once it is.
 */
@FunctionalInterface
public interface LiveReadPace {
    /** @param every the faster interval, empty for the reader's own */
    void every(Optional<Duration> every);

    LiveReadPace NONE = every -> { };
}
