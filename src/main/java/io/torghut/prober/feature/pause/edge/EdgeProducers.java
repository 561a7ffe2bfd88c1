package io.torghut.prober.feature.pause.edge;

import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.feature.pause.PauseConfig;
import io.torghut.prober.shared.Redactor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The HTTP edge's bearer auth, from {@code prober.pause.token} or {@code prober.pause.token-file}. */
@Singleton
public class EdgeProducers {

    /** Built at startup, not at the first request: a blank token or an unreadable token file stops startup. */
    void build(@Observes StartupEvent event, BearerAuth auth) {
        // injecting it is the point
    }

    @Produces
    @Singleton
    BearerAuth auth(PauseConfig config, Redactor redactor) {
        return new BearerAuth(PauseToken.of(config.token(), config.tokenFile(), redactor));
    }
}
