package io.torghut.prober.boot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kubernetes reads and the Lease: on inside a pod, off outside, and an explicit setting always wins. */
class InClusterDefaultsTest {

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
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withSources(new InClusterDefaults(env));
        if (explicit != null) {
            // what PROBER_KUBERNETES_ENABLED / PROBER_PAUSE_LEADER_ENABLED give: the environment's ordinal, 300
            builder.withSources(new PropertiesConfigSource(Map.of("prober.kubernetes.enabled", explicit,
                    "prober.pause.leader.enabled", explicit), "env", 300));
        }
        SmallRyeConfig config = builder.build();
        assertEquals(expected, config.getValue("prober.kubernetes.enabled", Boolean.class));
        assertEquals(expected, config.getValue("prober.pause.leader.enabled", Boolean.class));
    }
}
