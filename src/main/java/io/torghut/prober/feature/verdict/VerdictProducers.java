package io.torghut.prober.feature.verdict;

import io.torghut.prober.adapter.clock.Resolution;
import io.torghut.prober.feature.signal.PolicyConfig;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.session.SessionCalendar;
import io.torghut.prober.feature.verdict.session.SessionConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The verdict over the stored signals and its policy; boot's lifecycle re-evaluates it on its schedule. */
@Singleton
public class VerdictProducers {

    /** The trading session from {@code prober.session.*}; refuses an evaluation period the scheduler cannot honour. */
    @Produces
    @Singleton
    public Policy policy(PolicyConfig policy, SessionConfig session) {
        Resolution.requireJobPeriod("prober.policy.evaluate-every", policy.evaluateEvery());
        return new Policy(SessionCalendar.session(session));
    }

    @Produces
    @Singleton
    VerdictTracker verdictTracker(SignalStore store, Policy policy, Clock clock, TradingStateSource tradingState) {
        return new VerdictTracker(store, policy, clock, tradingState);
    }
}
