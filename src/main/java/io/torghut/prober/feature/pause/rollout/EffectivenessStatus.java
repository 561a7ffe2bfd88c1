package io.torghut.prober.feature.pause.rollout;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where the last triggered pause stands; the lower-case label is what /pause, /diagnose and the JSON show. */
@RegisterForReflection
public enum EffectivenessStatus {
    /** No pause tracked. */
    NONE("none"),
    /** Committed, not in force yet, deadline not passed. */
    WAITING("waiting"),
    /** A new revision with TRADING_ENABLED=false is Ready and takes all traffic. */
    EFFECTIVE("effective"),
    /** Still not in force after {@code prober.pause.effective-deadline}: a finding. */
    OVERDUE("overdue");

    private final String label;

    EffectivenessStatus(String label) {
        this.label = label;
    }

    /** Whether the rollout is still being followed (read at the confirming cadence). */
    public boolean tracking() {
        return this == WAITING || this == OVERDUE;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
