package io.torghut.prober.feature.probe;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cadence most probes share: every 10 seconds, 3 seconds at most per run. */
public interface DefaultSchedule extends Schedule {
    /** How often the probe runs; whole seconds, at least 1s (ADR-2). */
    @Override
    @WithDefault("10s")
    Duration interval();

    /** Hard limit for one run; a run that takes longer is recorded as {@code timeout}. At least 10ms. */
    @Override
    @WithDefault("3s")
    Duration timeout();
}
