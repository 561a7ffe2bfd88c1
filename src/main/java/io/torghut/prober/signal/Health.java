package io.torghut.prober.signal;

/** A signal's settled state after hysteresis. */
public enum Health {
    /** No result yet. Counts as bad wherever it matters (unknown freshness is stale). */
    UNKNOWN,
    GOOD,
    BAD
}
