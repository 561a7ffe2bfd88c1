package io.torghut.prober.feature.verdict;

/** The overall judgement, most severe last. */
public enum VerdictLevel {
    HEALTHY,
    /** Something is bad that does not endanger trading decisions. */
    DEGRADED,
    /** The runbook's precondition holds: dependencies degraded or signals stale while trading is enabled. */
    PAUSE_RECOMMENDED
}
