package io.torghut.prober.feature.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The runner that executes the probes; prefix {@code prober.scheduler}. */
@ConfigMapping(prefix = "prober.scheduler")
public interface SchedulerConfig {
    /** Most probes running at once; further runs wait (and may then time out). */
    @WithDefault("32")
    @Min(1) @Max(4096)
    int maxConcurrency();
}
