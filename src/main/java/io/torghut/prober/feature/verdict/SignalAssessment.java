package io.torghut.prober.feature.verdict;

import io.torghut.prober.feature.signal.Health;
import java.time.Duration;
import java.util.Optional;

/**
 * The policy's view of one signal.
 *
 * @param bad     settled health is bad (or unknown where unknown counts)
 * @param counts  whether being bad matters right now (freshness outside the session, trading health while paused: no)
 * @param stale   for freshness signals: bad and counting; exported as {@code signal_stale}
 * @param age     the age exported as {@code signal_age_seconds}
 * @param why     one line on why it is bad, or empty
 */
public record SignalAssessment(String name, Health health, boolean bad, boolean counts, boolean stale,
                               Optional<Duration> age, String why) {
}
