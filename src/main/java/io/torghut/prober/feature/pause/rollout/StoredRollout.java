package io.torghut.prober.feature.pause.rollout;

import io.torghut.prober.shared.Contract;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rollout as the {@code knative} signal last read it: the pause confirms itself from the same stored observation
 * as the verdict and the findings, never with reads of its own. An observation older than {@code maxAge}, or none, is
 * an error: the tracker then says the live state is unknown rather than judge from old news.
 */
public final class StoredRollout implements RolloutReader {
    private final Supplier<Optional<KnativeObservation>> observations;
    private final Clock clock;
    private final Duration maxAge;

    public StoredRollout(Supplier<Optional<KnativeObservation>> observations, Clock clock, Duration maxAge) {
        this.observations = observations;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public Rollout read() throws StaleObservation {
        KnativeObservation observation = observations.get()
                .orElseThrow(() -> new StaleObservation("the knative signal has not read the Knative Service yet"));
        Duration age = Duration.between(observation.observedAt(), clock.instant());
        if (age.compareTo(maxAge) > 0) {
            throw new StaleObservation("the last read of the Knative Service is " + age.toSeconds() + "s old");
        }
        if (observation.service().isEmpty()) {
            if (!observation.problems().isEmpty()) {
                throw new StaleObservation(observation.problems().get(0).describe());
            }
            return new Rollout(false, null, null, Map.of(), null);
        }
        return of(observation, observation.service().get());
    }

    /** Pure: the fields the judge needs. */
    static Rollout of(KnativeObservation observation, KnativeServiceInfo ksvc) {
        Map<String, Long> traffic = new HashMap<>();
        for (KnativeServiceInfo.Traffic target : ksvc.traffic()) {
            if (!target.revisionName().isEmpty()) {
                traffic.merge(target.revisionName(), (long) target.percent(), Long::sum);
            }
        }
        String ready = ksvc.latestReadyRevision().orElse(null);
        String trading = ready == null ? null : observation.revision(ready)
                .flatMap(r -> r.envVar(Contract.TRADING_ENABLED)).flatMap(EnvVar::value).orElse(null);
        return new Rollout(true, ksvc.latestCreatedRevision().orElse(null), ready, traffic, trading);
    }

    /** The stored observation cannot be used. */
    public static final class StaleObservation extends Exception {
        public StaleObservation(String message) {
            super(message, null, false, false);
        }
    }
}
