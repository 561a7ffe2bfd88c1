package io.torghut.prober.pause;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rollout reader against the mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesAdaptersTest {
    static KubernetesClient client;

    static GenericKubernetesResource revision(String name, String trading) {
        Map<String, Object> container = trading == null ? Map.of("name", "user-container", "image", "torghut")
                : Map.of("name", "user-container", "image", "torghut", "ports", List.of(Map.of("containerPort", 8181)),
                "env", List.of(Map.of("name", "TRADING_MODE", "value", "paper"), Map.of("name", "TRADING_ENABLED", "value", trading)));
        return new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Revision")
                .withNewMetadata().withName(name).withNamespace("torghut").endMetadata()
                .addToAdditionalProperties("spec", Map.of("containers", List.of(container,
                        Map.of("name", "log-shipper", "env", List.of(Map.of("name", "TRADING_ENABLED", "value", "true"))))))
                .build();
    }

    static void service(String created, String ready, List<Map<String, Object>> traffic) {
        GenericKubernetesResource ksvc = new GenericKubernetesResourceBuilder().withApiVersion("serving.knative.dev/v1").withKind("Service")
                .withNewMetadata().withName("torghut").withNamespace("torghut").endMetadata()
                .addToAdditionalProperties("status", Map.of("latestCreatedRevisionName", created, "latestReadyRevisionName", ready,
                        "traffic", traffic)).build();
        client.genericKubernetesResources(Fabric8RolloutReader.SERVICES).inNamespace("torghut").resource(ksvc).createOr(e -> e.update());
    }

    @Test
    void readsAMockRevisionRolloutUntilItIsEffective() throws Exception {
        Fabric8RolloutReader reader = new Fabric8RolloutReader(client, "torghut", "torghut", Optional.empty(), Duration.ofSeconds(3));
        assertFalse(reader.read().found());
        client.genericKubernetesResources(Fabric8RolloutReader.REVISIONS).inNamespace("torghut").resource(revision("torghut-00001", "true")).create();
        service("torghut-00001", "torghut-00001", List.of(Map.of("revisionName", "torghut-00001", "percent", 100, "latestRevision", true)));
        Rollout before = reader.read();
        assertEquals(new Rollout(true, "torghut-00001", "torghut-00001", Map.of("torghut-00001", 100L), "true"), before);
        assertFalse(RolloutJudge.judge(before).effective());

        client.genericKubernetesResources(Fabric8RolloutReader.REVISIONS).inNamespace("torghut").resource(revision("torghut-00002", "false")).create();
        service("torghut-00002", "torghut-00001", List.of(Map.of("revisionName", "torghut-00001", "percent", 100)));
        assertEquals("revision torghut-00002 is not Ready yet (traffic stays on torghut-00001)", RolloutJudge.judge(reader.read()).detail());

        service("torghut-00002", "torghut-00002", List.of(Map.of("revisionName", "torghut-00002", "percent", 100, "latestRevision", true)));
        Rollout after = reader.read();
        assertEquals("false", after.readyTradingEnabled(), "the serving container's value, not the sidecar's");
        assertTrue(RolloutJudge.judge(after).effective());
    }
}
