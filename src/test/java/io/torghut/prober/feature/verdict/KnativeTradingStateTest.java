package io.torghut.prober.feature.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.signal.KubernetesState;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public class KnativeTradingStateTest {

    public record Config(boolean on, Duration interval) implements KubernetesConfig {
        public Optional<Boolean> enabled() { return Optional.of(on); }
        public Duration timeout() { return Duration.ofSeconds(5); }
        public java.util.Optional<java.net.URI> apiServerUrl() { return java.util.Optional.empty(); }
        public java.util.Optional<String> context() { return java.util.Optional.empty(); }
        public java.util.Optional<String> kubeconfig() { return java.util.Optional.empty(); }
        public int logTailLines() { return 200; }
        public int logMaxBytes() { return 262144; }
        public int podsPerRevision() { return 2; }
        public Duration rolloutGrace() { return Duration.ofMinutes(3); }
        public Map<String, Signature> logSignatures() { return Map.of(); }
    }

    @Test
    void readsTheLiveRevisionFromStoredStateAndForgetsItWhenTooOld() {
        KubernetesState state = new KubernetesState();
        Config config = new Config(true, Duration.ofSeconds(15));
        KnativeTradingState source = new KnativeTradingState(state, Clock.fixed(K8sFixtures.NOW, ZoneOffset.UTC), config);
        assertEquals(Optional.empty(), source.tradingEnabled());
        assertEquals("TRADING_ENABLED of the live revision not read yet (assumed enabled)", source.describe());

        state.knative(K8sFixtures.knative("healthy.yaml", Map.of()));
        assertEquals(Optional.of(true), source.tradingEnabled());
        assertEquals("TRADING_ENABLED=true in live revision torghut-00041", source.describe());

        KnativeTradingState oneMinuteLater = new KnativeTradingState(state,
                Clock.fixed(K8sFixtures.NOW.plusSeconds(61), ZoneOffset.UTC), config);
        assertEquals(Optional.empty(), oneMinuteLater.tradingEnabled(), "older than four intervals: unknown");
    }

    @Test
    void disabledSaysSo() {
        KnativeTradingState source = new KnativeTradingState(new KubernetesState(), Clock.systemUTC(),
                new Config(false, Duration.ofSeconds(15)));
        assertEquals(Optional.empty(), source.tradingEnabled());
        assertEquals("not read: prober.kubernetes.enabled=false (assumed enabled)", source.describe());
    }
}
