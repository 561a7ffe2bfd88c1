package io.torghut.prober.feature.verdict;

import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.signal.KubernetesState;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.LiveTrading;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Trading state from {@code TRADING_ENABLED} of the revisions serving traffic, as last read by the {@code knative}
 * probe (replaces the core's "unknown" default). Reads the stored observation only, never the API; an observation
 * older than four probe intervals is too old to trust, and unknown makes the policy assume trading is enabled.
 */
@Singleton
public class KnativeTradingState implements TradingStateSource {
    private final KubernetesState state;
    private final Clock clock;
    private final Duration maxAge;
    private final boolean enabled;

    public KnativeTradingState(KubernetesState state, Clock clock, KubernetesConfig config) {
        this.state = state;
        this.clock = clock;
        this.maxAge = config.interval().multipliedBy(4);
        this.enabled = config.on();
    }

    @Override
    public Optional<Boolean> tradingEnabled() {
        return fresh().flatMap(LiveTrading::enabled);
    }

    @Override
    public String describe() {
        if (!enabled) {
            return "not read: prober.kubernetes.enabled=false (assumed enabled)";
        }
        Optional<KnativeObservation> obs = fresh();
        if (obs.isEmpty()) {
            return "TRADING_ENABLED of the live revision not read yet (assumed enabled)";
        }
        String revisions = obs.get().service().map(s -> String.join(",", s.servingRevisions())).orElse("");
        return LiveTrading.enabled(obs.get())
                .map(on -> "TRADING_ENABLED=" + on + " in live revision " + revisions)
                .orElse("TRADING_ENABLED of live revision " + (revisions.isEmpty() ? "(none)" : revisions) + " unknown (assumed enabled)");
    }

    private Optional<KnativeObservation> fresh() {
        return state.knative().filter(o -> Duration.between(o.observedAt(), clock.instant()).compareTo(maxAge) <= 0);
    }
}
