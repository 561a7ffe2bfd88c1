package io.torghut.prober.feature.pause.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Who asked for a pause; the label is what the audit, commits and /pause show. */
@RegisterForReflection
public enum PauseSource {
    /** An Alertmanager webhook notification: its episodes are its alerts (fingerprint and startsAt). */
    ALERTMANAGER("alertmanager"),
    /** A person's {@code {"reason": ...}}: its episode is the prober's own verdict episode. */
    MANUAL("manual"),
    /** The prober's own verdict ({@code prober.pause.auto}). */
    AUTO("auto"),
    /** Not a request: the plan shown by GET /pause. */
    VIEW("view");

    private final String label;

    PauseSource(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
