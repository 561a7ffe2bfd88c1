package io.torghut.prober.boot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.torghut.prober.feature.probe.http.HttpTargetsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's question: does SmallRye alone (its environment source, no source of ours) map
 * {@code PROBER_HTTP_MY_TARGET_URL} to an entry of the {@code prober.http} map? Only half: SmallRye 3.x matches an
 * environment name against the mapping's path {@code prober.http.*.url} only when the map key is one segment
 * ({@code PROBER_HTTP_OTHER_URL}); a key whose name holds '_' or '-' ({@code MY_TARGET}) is ambiguous to it and the
 * target is silently dropped. That is why {@link EnvMapKeys} (and {@link LocatedYamlNames}, which lets it keep a YAML
 * file's spelling) stay; {@link EnvironmentKeysTest} shows them doing the rest. Should a SmallRye upgrade map
 * {@code my_target} itself, the first test fails and they can go.
 */
class SmallRyeEnvMapKeysTest {

    private static SmallRyeConfig environmentOnly(Map<String, String> env) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(HttpTargetsConfig.class)
                .build();
    }

    private static final Map<String, String> ENV = Map.of("PROBER_HTTP_MY_TARGET_URL", "http://127.0.0.1:9/health",
            "PROBER_HTTP_MY_TARGET_TIMEOUT", "2s", "PROBER_HTTP_OTHER_URL", "http://127.0.0.1:9/other");

    @Test
    void smallRyeAloneMapsAOneSegmentNameButDropsMyTarget() {
        Map<String, HttpTargetsConfig.Target> http = environmentOnly(ENV).getConfigMapping(HttpTargetsConfig.class).targets();
        assertEquals(Set.of("other"), http.keySet(), "PROBER_HTTP_MY_TARGET_URL is not mapped by SmallRye alone");
        assertEquals(Duration.ofSeconds(10), http.get("other").interval(), "defaults apply to the entry it does map");
    }

    @Test
    void withEnvMapKeysBothTargetsAreMapped() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new EnvConfigSource(ENV, 300))
                .withSources(new EnvMapKeys(ENV))
                .withMapping(HttpTargetsConfig.class)
                .build();
        Map<String, HttpTargetsConfig.Target> http = config.getConfigMapping(HttpTargetsConfig.class).targets();
        assertEquals(Set.of("my_target", "other"), http.keySet());
        assertEquals("http://127.0.0.1:9/health", http.get("my_target").url());
        assertEquals(Duration.ofSeconds(2), http.get("my_target").timeout());
        assertEquals(Optional.empty(), http.get("my_target").expectedStatus());
    }
}
