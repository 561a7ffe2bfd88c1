package io.torghut.prober.feature.signal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How probe results become a signal's health, and how often the verdict looks again; prefix {@code prober.policy}. */
@ConfigMapping(prefix = "prober.policy")
public interface PolicyConfig {
    /** Consecutive failures before a signal turns bad. */
    @WithDefault("2")
    @Min(1) @Max(100)
    int failuresToBad();

    /** Consecutive successes before a bad signal turns good again. */
    @WithDefault("2")
    @Min(1) @Max(100)
    int successesToGood();

    /**
     * How often the verdict is re-evaluated even without new results (ages grow, sessions open); whole seconds, like
     * every interval (ADR-2).
     */
    @WithDefault("1s")
    Duration evaluateEvery();
}
