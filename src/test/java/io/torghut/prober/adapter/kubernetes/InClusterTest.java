package io.torghut.prober.adapter.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.torghut.prober.feature.pause.PauseConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kubernetes reads and the Lease: on inside a pod, off outside, and an explicit setting always wins. The pod is told by
 * {@link InCluster#detected}; the explicit setting is what PROBER_KUBERNETES_ENABLED / PROBER_PAUSE_LEADER_ENABLED give.
 */
class InClusterTest {

    @ParameterizedTest(name = "KUBERNETES_SERVICE_HOST={0}, explicit={1} -> {2}")
    @CsvSource({
            "10.96.0.1, ,      true",
            "'',        ,      false",
            ",          ,      false",
            ",          true,  true",
            "10.96.0.1, false, false",
    })
    void enabledWhereItRuns(String serviceHost, String explicit, boolean expected) {
        Map<String, String> env = serviceHost == null ? Map.of() : Map.of("KUBERNETES_SERVICE_HOST", serviceHost);
        Map<String, String> properties = explicit == null ? Map.of()
                : Map.of("prober.kubernetes.enabled", explicit, "prober.pause.leader.enabled", explicit);
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "env", 300))
                .withMapping(KubernetesConfig.class).withMapping(PauseConfig.class).build();
        Optional<Boolean> kubernetes = config.getConfigMapping(KubernetesConfig.class).enabled();
        Optional<Boolean> leader = config.getConfigMapping(PauseConfig.class).leader().enabled();
        assertEquals(expected, kubernetes.orElseGet(() -> InCluster.detected(env)));
        assertEquals(expected, leader.orElseGet(() -> InCluster.detected(env)));
    }
}
