package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.adapter.clock.Resolution;
import io.torghut.prober.shared.ConfigProblem;
import java.time.Duration;

/** Checks annotations cannot express; each failure names the key. */
public final class KubernetesConfigChecks {
    private KubernetesConfigChecks() {
    }

    public static void check(KubernetesConfig config) {
        Resolution.requireJobPeriod("prober.kubernetes.interval", config.interval());
        ConfigProblem.requirePositive("prober.kubernetes.timeout", config.timeout());
        if (config.timeout().compareTo(Duration.ofMillis(100)) < 0) {
            throw new ConfigProblem("prober.kubernetes.timeout", "must be at least 100ms");
        }
        if (config.rolloutGrace().isNegative()) {
            throw new ConfigProblem("prober.kubernetes.rollout-grace", "must not be negative (got " + config.rolloutGrace() + ")");
        }
        LogSignatures.from(config.logSignatures());
        ApiRoute.check(ApiRoute.Settings.of(config), System.getenv());
    }
}
