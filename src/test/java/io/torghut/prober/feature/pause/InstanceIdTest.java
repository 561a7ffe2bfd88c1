package io.torghut.prober.feature.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import io.torghut.prober.feature.pause.model.PauseInstance;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code prober.pause.instance-id}: the name in the Lease, the Events and the commit trailer. The pod name (HOSTNAME)
 * by default, an explicit setting wins, and without either each process picks a name of its own.
 */
class InstanceIdTest {

    static Optional<String> configured(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(PauseConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(environment, 300)).build()
                .getConfigMapping(PauseConfig.class).instanceId();
    }

    @Test
    void thePodNameByDefault() {
        assertEquals(Optional.of("torghut-prober-6d5f9-x2k8q"), configured(Map.of("HOSTNAME", "torghut-prober-6d5f9-x2k8q")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals(Optional.of("replica-a"), configured(Map.of("HOSTNAME", "pod-7", "PROBER_PAUSE_INSTANCE_ID", "replica-a")));
    }

    @Test
    void withoutEitherEachProcessNamesItself() {
        assertEquals(Optional.empty(), configured(Map.of()));
        String one = PauseInstance.of(Optional.empty()).id();
        assertTrue(one.matches("torghut-prober-[0-9a-f-]{36}"), one);
        assertNotEquals(one, PauseInstance.of(Optional.of("  ")).id(), "two processes never share a Lease identity");
        assertEquals("pod-7", PauseInstance.of(Optional.of("pod-7")).id());
    }
}
