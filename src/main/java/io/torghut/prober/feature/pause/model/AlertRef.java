package io.torghut.prober.feature.pause.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Optional;

/** One firing alert of an Alertmanager notification, as much as the audit and the episode need. */
@RegisterForReflection
public record AlertRef(String name, String fingerprint, String startsAt, String summary) {

    /** When this firing began ({@code startsAt}, RFC 3339 as Alertmanager writes it); empty when unreadable. */
    public Optional<Instant> started() {
        return PauseRequest.instant(startsAt);
    }
}
