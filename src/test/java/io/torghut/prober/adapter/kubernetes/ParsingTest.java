package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.Condition;
import io.torghut.prober.shared.model.Endpoint;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.EventInfo;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.PodInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import io.torghut.prober.testsupport.K8sFixtures;
import io.torghut.prober.testsupport.Kube;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;


/** Knative, pod and CNPG objects as the API serves them, turned into records. */
class ParsingTest {

    private static GenericKubernetesResource object(String scenario, String kind, int nth) {
        return K8sFixtures.objects(scenario).stream().filter(o -> o.getKind().equals(kind)).skip(nth).findFirst().orElseThrow();
    }

    @Test
    void ksvcKeepsOnlyTheEnvValuesTheFindingsNeedAndSecretReferencesByName() {
        KnativeServiceInfo ksvc = KnativeParsing.service(Kube.map(object("uuid-crash.yaml", "Service", 0)), Optional.empty());
        assertEquals(Optional.of("torghut-00042"), ksvc.latestCreatedRevision());
        assertEquals(Optional.of("torghut-00041"), ksvc.latestReadyRevision());
        assertEquals(List.of("torghut-00041"), ksvc.servingRevisions());
        assertEquals(List.of(
                EnvVar.plain("TRADING_ENABLED", "true"),
                EnvVar.dependency("TA_CLICKHOUSE_URL", Optional.of("http://torghut-clickhouse.torghut.svc.cluster.local:8123"),
                        new Endpoint("http", List.of("torghut-clickhouse.torghut.svc.cluster.local"), Optional.of(8123), Optional.empty())),
                new EnvVar("TA_CLICKHOUSE_USERNAME", Optional.empty(), Optional.empty(), Optional.empty(), false),
                EnvVar.secret("TA_CLICKHOUSE_PASSWORD", "torghut-clickhouse-auth", "password"),
                EnvVar.secret("DB_DSN", "torghut-db-app", "uri")), ksvc.templateEnv());
        assertEquals(new Condition("Ready", "False", "RevisionFailed",
                "Revision \"torghut-00042\" failed with message: Container failed with: Error."), Condition.find(ksvc.conditions(), "Ready").orElseThrow());
    }

    @Test
    void revisionCarriesImageDigestAndConditions() {
        RevisionInfo revision = KnativeParsing.revision(Kube.map(object("uuid-crash.yaml", "Revision", 1)), Optional.empty());
        assertEquals("torghut-00042", revision.name());
        assertEquals(Instant.parse("2026-11-27T20:00:00Z"), revision.created());
        assertEquals(Optional.of("registry.example.com/lab/torghut@sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0"),
                revision.imageDigest());
        assertEquals("ExitCode1", revision.condition("Ready").orElseThrow().reason());
    }

    @Test
    void podStateWithWaitingReasonAndLastTermination() {
        PodInfo pod = PodParsing.pod(Kube.map(K8sFixtures.pod(object("uuid-crash.yaml", "Pod", 1))));
        assertEquals("torghut-00042", pod.revision());
        PodInfo.ContainerState app = pod.container("user-container").orElseThrow();
        assertEquals(6, app.restartCount());
        assertEquals("CrashLoopBackOff", app.waitingReason());
        assertEquals(Optional.of(1), app.lastExitCode());
        assertEquals("Error", app.lastTerminatedReason());
    }

    @Test
    void cnpgClusterStatus() {
        assertEquals(new CnpgObservation.Cluster("torghut-db", "Failing over", "Failing over from torghut-db-1 to torghut-db-2", 3, 2,
                        "torghut-db-1", "torghut-db-2", List.of(new Condition("Ready", "False", "ClusterIsNotReady", "Cluster Is Not Ready"),
                        new Condition("ContinuousArchiving", "True", "ContinuousArchivingSuccess", "")),
                        Map.of("healthy", List.of("torghut-db-2", "torghut-db-3"))),
                CnpgReader.parse(Kube.map(object("cnpg-failover.yaml", "Cluster", 0))));
    }

    @Test
    void podConditionsSayWhyItWasNeverScheduled() {
        PodInfo pod = PodParsing.pod(Map.of("metadata", Map.of("name", "p", "labels", Map.of("serving.knative.dev/revision", "r")),
                "status", Map.of("phase", "Pending", "conditions", List.of(Map.of("type", "PodScheduled", "status", "False",
                        "reason", "Unschedulable", "message", "0/3 nodes are available:\u202e 3 Insufficient cpu.\n")))));
        assertEquals(Optional.of(new Condition("PodScheduled", "False", "Unschedulable", "0/3 nodes are available: 3 Insufficient cpu.")),
                pod.condition("PodScheduled"), "outside text made safe to print: no bidi override, no line break");
        assertEquals(List.of(), pod.containers(), "a pod never scheduled has no container status");
    }

    @Test
    void eventsKeepWhatHappenedWhereAndWhenWithTheMessageCleaned() {
        EventInfo event = EventParsing.event(Map.of("involvedObject", Map.of("kind", "Pod", "name", "torghut-00042-deployment-x"),
                "type", "Warning", "reason", "FailedMount", "count", 4, "lastTimestamp", "2026-11-27T22:58:00Z",
                "source", Map.of("component", "kubelet"),
                "message", "MountVolume.SetUp failed for volume \"dsn\" : secret \"postgresql://app:hunter2@db-rw/app\" not found"));
        assertEquals(new EventInfo("Pod", "torghut-00042-deployment-x", "Warning", "FailedMount",
                "MountVolume.SetUp failed for volume \"dsn\" : secret \"postgresql://app:****@db-rw/app\" not found", 4,
                Instant.parse("2026-11-27T22:58:00Z"), "kubelet"), event);
        assertEquals("event Warning FailedMount on Pod torghut-00042-deployment-x (x4, last 2026-11-27T22:58:00Z, kubelet): "
                + "MountVolume.SetUp failed for volume \"dsn\" : secret \"postgresql://app:****@db-rw/app\" not found", event.describe());
    }
}
