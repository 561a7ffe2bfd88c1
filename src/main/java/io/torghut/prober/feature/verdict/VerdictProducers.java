package io.torghut.prober.feature.verdict;

import io.torghut.prober.feature.signal.SignalStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The verdict over the stored signals; boot's lifecycle re-evaluates it on its schedule. */
@Singleton
public class VerdictProducers {

    @Produces
    @Singleton
    VerdictTracker verdictTracker(SignalStore store, Policy policy, Clock clock, TradingStateSource tradingState) {
        return new VerdictTracker(store, policy, clock, tradingState);
    }
}
