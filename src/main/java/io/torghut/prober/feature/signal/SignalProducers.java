package io.torghut.prober.feature.signal;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The store every probe result goes to, with the policy's hysteresis. */
@Singleton
public class SignalProducers {

    @Produces
    @Singleton
    SignalStore store(PolicyConfig policy) {
        return new SignalStore(new Hysteresis(policy.failuresToBad(), policy.successesToGood()));
    }
}
