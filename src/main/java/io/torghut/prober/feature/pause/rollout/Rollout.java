package io.torghut.prober.feature.pause.rollout;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * The live state of the Knative Service as the effectiveness check needs it.
 *
 * @param found               whether the Service exists
 * @param latestCreated       {@code status.latestCreatedRevisionName}
 * @param latestReady         {@code status.latestReadyRevisionName}
 * @param traffic             percent of traffic per revision ({@code status.traffic})
 * @param readyTradingEnabled TRADING_ENABLED as written in the latest ready revision's container, null when absent
 */
@RegisterForReflection
public record Rollout(boolean found, String latestCreated, String latestReady, Map<String, Long> traffic,
                      String readyTradingEnabled) {
    public Rollout {
        traffic = Map.copyOf(traffic);
    }
}
