package io.torghut.prober.feature.signal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A signal's settled state after hysteresis. Serialized in the resume checklist of GET /pause and /diagnose. */
@RegisterForReflection
public enum Health {
    /** No result yet. Counts as bad wherever it matters (unknown freshness is stale). */
    UNKNOWN,
    GOOD,
    BAD
}
