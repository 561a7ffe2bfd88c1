package io.torghut.prober.pause;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One firing alert of an Alertmanager notification, as much as the audit needs. */
@RegisterForReflection
public record AlertRef(String name, String fingerprint, String startsAt, String summary) {
}
