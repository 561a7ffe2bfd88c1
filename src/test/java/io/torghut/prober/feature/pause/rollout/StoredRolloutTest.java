package io.torghut.prober.feature.pause.rollout;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.torghut.prober.adapter.kubernetes.KnativeReader;
import io.torghut.prober.adapter.kubernetes.KubernetesReads;
import io.torghut.prober.adapter.kubernetes.LogScanner;
import io.torghut.prober.adapter.kubernetes.LogSignatures;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.testsupport.Kube;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The pause confirms itself from the observation the {@code knative} signal stored: the real reader against the mock
 * API server in CRUD mode, then the same observation judged by {@link RolloutJudge}. No second reader.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class StoredRolloutTest {
    static KubernetesClient client;

    static GenericKubernetesResource revision(String name, String trading) {
        Map<String, Object> container = Map.of("name", "user-container", "image", "torghut", "ports", List.of(Map.of("containerPort", 8181)),
                "env", List.of(Map.of("name", "TRADING_MODE", "value", "paper"), Map.of("name", "TRADING_ENABLED", "value", trading)));
        return new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Revision")
                .withNewMetadata().withName(name).withNamespace("torghut").withCreationTimestamp("2026-11-27T15:00:0" + name.charAt(name.length() - 1) + "Z")
                .addToLabels("serving.knative.dev/service", "torghut").endMetadata()
                .addToAdditionalProperties("spec", Map.of("containers", List.of(
                        Map.of("name", "log-shipper", "env", List.of(Map.of("name", "TRADING_ENABLED", "value", "true"))), container)))
                .build();
    }

    static void service(String created, String ready, List<Map<String, Object>> traffic) {
        GenericKubernetesResource ksvc = new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Service")
                .withNewMetadata().withName("torghut").withNamespace("torghut").endMetadata()
                .addToAdditionalProperties("status", Map.of("latestCreatedRevisionName", created, "latestReadyRevisionName", ready,
                        "traffic", traffic)).build();
        client.genericKubernetesResources(Kube.type(KubernetesReads.KSVC)).inNamespace("torghut").resource(ksvc).createOr(e -> e.update());
    }

    @Test
    void judgesTheStoredObservationUntilThePauseIsEffective() throws Exception {
        KnativeReader reader = new KnativeReader(new KubernetesReads(client, "torghut", 10_000), "torghut", Optional.empty(), 50,
                65536, 1, new LogScanner(LogSignatures.defaults(), new Redactor()), Clock.systemUTC());
        AtomicReference<KnativeObservation> stored = new AtomicReference<>();
        StoredRollout rollout = new StoredRollout(() -> Optional.ofNullable(stored.get()), Clock.systemUTC(), Duration.ofMinutes(1));
        assertEquals("the knative signal has not read the Knative Service yet",
                assertThrows(StoredRollout.StaleObservation.class, rollout::read).getMessage());

        client.genericKubernetesResources(Kube.type(KubernetesReads.REVISIONS)).inNamespace("torghut").resource(revision("torghut-00001", "true")).create();
        service("torghut-00001", "torghut-00001", List.of(Map.of("revisionName", "torghut-00001", "percent", 100, "latestRevision", true)));
        stored.set(reader.read(Duration.ofSeconds(20)));
        Rollout before = rollout.read();
        assertEquals(new Rollout(true, "torghut-00001", "torghut-00001", Map.of("torghut-00001", 100L), "true"), before);
        assertFalse(RolloutJudge.judge(before).effective());

        client.genericKubernetesResources(Kube.type(KubernetesReads.REVISIONS)).inNamespace("torghut").resource(revision("torghut-00002", "False")).create();
        service("torghut-00002", "torghut-00001", List.of(Map.of("revisionName", "torghut-00001", "percent", 100)));
        stored.set(reader.read(Duration.ofSeconds(20)));
        assertEquals("revision torghut-00002 is not Ready yet (traffic stays on torghut-00001)", RolloutJudge.judge(rollout.read()).detail());

        service("torghut-00002", "torghut-00002", List.of(Map.of("revisionName", "torghut-00002", "percent", 100, "latestRevision", true)));
        stored.set(reader.read(Duration.ofSeconds(20)));
        Rollout after = rollout.read();
        assertEquals("False", after.readyTradingEnabled(), "the serving container's value, not the sidecar's");
        assertTrue(RolloutJudge.judge(after).effective(), "\"False\" is false for Torghut, so for the judge too");
    }

    @Test
    void anOldObservationIsNotJudged() {
        KnativeObservation old = new KnativeObservation(Instant.parse("2026-11-27T15:00:00Z"), Optional.empty(), List.of(), List.of(),
                List.of(), List.of());
        StoredRollout rollout = new StoredRollout(() -> Optional.of(old),
                Clock.fixed(Instant.parse("2026-11-27T15:01:01Z"), java.time.ZoneOffset.UTC), Duration.ofMinutes(1));
        assertEquals("the last read of the Knative Service is 61s old",
                assertThrows(StoredRollout.StaleObservation.class, rollout::read).getMessage());
    }
}
