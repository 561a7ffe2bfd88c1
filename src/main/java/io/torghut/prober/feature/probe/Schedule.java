package io.torghut.prober.feature.probe;

import java.time.Duration;

/**
 * A probe's cadence, part of its configuration: how often it runs (a job of the scheduler, so whole seconds) and how
 * long one run may take before the runner records it as {@code timeout}.
 */
public interface Schedule {
    /** How often the probe runs; whole seconds, at least 1s (ADR-2). */
    Duration interval();

    /** Hard limit for one run; a run that takes longer is recorded as {@code timeout}. At least 10ms. */
    Duration timeout();
}
