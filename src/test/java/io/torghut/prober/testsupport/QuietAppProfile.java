package io.torghut.prober.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A running app that does next to nothing of its own: no Kubernetes, no Lease, its core probes against nothing and
 * hourly. For tests that build their own runner on the app's real scheduler and Vert.x.
 */
public class QuietAppProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return ProberKeys.prober()
                .torghutAndClickHouseUnreachable()
                .kubernetesOff()
                .set("prober.pause.leader.enabled", "false")
                .schedule("prober.torghut.healthz", "1h", null)
                .schedule("prober.torghut.trading-health", "1h", null)
                .schedule("prober.clickhouse", "1h", null)
                .schedule("prober.freshness", "1h", null)
                .schedule("prober.postgres", "1h", null)
                .build();
    }
}
