package io.torghut.prober.k8s;

import io.torghut.prober.testsupport.Kube;
import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.model.LogSignature;
import io.torghut.prober.policy.VerdictLevel;
import io.torghut.prober.policy.VerdictTracker;
import io.torghut.prober.probe.ScheduledProbe;
import io.torghut.prober.probe.ProbeRunner;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The runbook scenarios end to end: realistic Knative/CNPG objects in the fabric8 mock server (CRUD mode), pod logs
 * served by expectations, the real PostgreSQL and ClickHouse of the test services with fresh rows, and the stub Torghut;
 * the probes run, and /diagnose and /q/metrics answer from stored state.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(value = ScenarioDependencies.class, restrictToAnnotatedClass = true)
@TestProfile(KubernetesScenariosTest.Profile.class)
class KubernetesScenariosTest {
    static final String P41 = "torghut-00041-deployment-7c9f8d6b5-abcde";
    static final String P42 = "torghut-00042-deployment-5d8f7b9c6-x2k4p";
    static final String GOOD = "registry.example.com/lab/torghut@sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091";
    static final String BAD = "registry.example.com/lab/torghut@sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";

    /**
     * Probes run only when the test says so; one result settles a signal. The pause's own Kubernetes traffic (Lease
     * renewals, live revision reads) is switched off so that the API request count only moves when a probe reads.
     */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("prober.kubernetes.interval", "1h"), Map.entry("prober.policy.failures-to-bad", "1"),
                    Map.entry("prober.pause.leader.enabled", "false"), Map.entry("prober.pause.live-every", "1h"),
                    Map.entry("prober.pause.effective-check-every", "1h"),
                    Map.entry("prober.policy.successes-to-good", "1"), Map.entry("prober.session.always-open", "true"),
                    Map.entry("prober.kubernetes.log-signatures.gunicorn-worker-timeout.regex", "WORKER TIMEOUT \\(pid:\\d+\\)"),
                    Map.entry("prober.kubernetes.log-signatures.application-startup-failed.enabled", "false"));
        }
    }

    @KubernetesTestServer
    KubernetesServer server;
    /** The mock server's own client: seeds and inspects objects (the prober builds its own from prober.kubernetes.api-server-url). */
    KubernetesClient client;
    @Inject
    ProbeRunner runner;
    @Inject
    VerdictTracker verdicts;
    @Inject
    KubernetesConfig config;

    @org.junit.jupiter.api.BeforeEach
    void mockServerClient() {
        client = server.getClient();
    }

    @Test
    void logSignaturesAreConfigurable() {
        List<LogSignature> signatures = LogSignatures.from(config.logSignatures());
        assertTrue(signatures.stream().anyMatch(s -> s.id().equals("gunicorn-worker-timeout") && s.finding().equals("startup-crash")
                && s.pattern().matcher("[CRITICAL] WORKER TIMEOUT (pid:17)").find()), signatures.toString());
        assertTrue(signatures.stream().noneMatch(s -> s.id().equals("application-startup-failed")));
    }

    @Test
    void healthyClusterHasNoFindingsAtAll() {
        load("healthy.yaml", Map.of(P41, "healthy.log"));
        JsonPath diagnosis = diagnoseJson();
        assertEquals(List.of(), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
        assertEquals("HEALTHY", diagnosis.getString("verdict"), diagnosis.prettify());
        assertEquals("TRADING_ENABLED=true in live revision torghut-00041", diagnosis.getString("tradingState"));
        String metrics = metrics();
        assertTrue(metrics.contains("torghut_prober_component_ready{component=\"ksvc\"} 1.0"), metrics);
        assertTrue(metrics.contains("torghut_prober_component_ready{component=\"revision\"} 1.0"), metrics);
        assertTrue(metrics.contains("torghut_prober_component_ready{component=\"cnpg\"} 1.0"), metrics);
        assertTrue(metrics.contains("torghut_prober_kubernetes_api_up 1.0"), metrics);
        assertTrue(metrics.contains("torghut_prober_findings{finding=\"uuid-json-serialization\",procedure=\"B\"} 0.0"), metrics);
    }

    @Test
    void crashloopWithTheUuidTracebackInThePreviousLogPointsAtTheLastKnownGoodDigest() {
        load("uuid-crash.yaml", Map.of(P42 + "/previous", "uuid-crash-previous.log", P42, "uuid-crash-current.log", P41, "healthy.log"));
        JsonPath diagnosis = diagnoseJson();
        assertEquals(List.of("uuid-json-serialization", "revision-not-ready"), diagnosis.getList("sections.findings.findings.id"),
                diagnosis.prettify());
        Map<String, Object> gitops = diagnosis.getMap("sections.findings.findings[0].gitops[0]");
        assertEquals("image: " + BAD, gitops.get("line"));
        assertEquals("image: " + GOOD, gitops.get("change"));
        String text = given().get("/diagnose").then().statusCode(200).extract().asString();
        System.out.println("SAMPLE /diagnose text:\n" + text);
        assertTrue(text.contains("CRITICAL [B] uuid-json-serialization"), text);
        assertTrue(text.contains("change: image: " + GOOD), text);
        assertTrue(metrics().contains("torghut_prober_findings{finding=\"uuid-json-serialization\",procedure=\"B\"} 1.0"));
        assertTrue(metrics().contains("torghut_prober_component_ready{component=\"revision\"} 0.0"));
        diagnoseNeverCallsTheKubernetesApi();
    }

    @Test
    void podStuckOnTheMissingDatabaseSecret() {
        load("missing-secret.yaml", Map.of(P41, "healthy.log"));
        JsonPath diagnosis = diagnoseJson();
        assertEquals(List.of("missing-secret", "revision-not-ready"), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
        assertEquals("pods of torghut-00043 cannot start: missing Secret torghut-db-app (for DB_DSN)",
                diagnosis.getString("sections.findings.findings[0].summary"));
    }

    @Test
    void cnpgFailingOverRecommendsThePauseAndFlagsTheTradingRevision() {
        load("cnpg-failover.yaml", Map.of(P41, "healthy.log"));
        JsonPath diagnosis = diagnoseJson();
        assertEquals("PAUSE_RECOMMENDED", diagnosis.getString("verdict"), diagnosis.prettify());
        assertEquals(List.of("trading-still-enabled-on-bad-data", "postgres-unhealthy"),
                diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
        assertTrue(metrics().contains("torghut_prober_component_ready{component=\"cnpg\"} 0.0"));
        // One list: the failing cnpg signal leads to the database (not to ClickHouse), the pause comes first, and no
        // command or advice is printed twice; the JSON nextSteps are the same findings, in the same order.
        assertEquals(diagnosis.getList("sections.findings.findings.id"), diagnosis.getList("nextSteps.finding"), diagnosis.prettify());
        assertTrue(diagnosis.getString("nextSteps[0].action").startsWith("Pause trading first"), diagnosis.prettify());
        String text = given().get("/diagnose").then().statusCode(200).extract().asString();
        System.out.println("SAMPLE /diagnose text (cnpg failover):\n" + text);
        assertFalse(text.contains("NEXT STEPS"), text);
        String findings = text.substring(text.indexOf("FINDINGS"), text.indexOf("TRADING PAUSE"));
        assertTrue(findings.contains(" 1. CRITICAL [-] trading-still-enabled-on-bad-data") && findings.contains(" 2. CRITICAL [C] postgres-unhealthy")
                && findings.contains("$ kubectl -n torghut get cluster.postgresql.cnpg.io torghut-db"), text);
        assertFalse(findings.contains("ClickHouse"), text);
        for (String prefix : List.of("      $ ", "      > ")) {
            List<String> printed = text.lines().filter(l -> l.startsWith(prefix)).toList();
            assertEquals(printed.stream().distinct().toList(), printed, "printed twice:\n" + text);
        }
    }

    @Test
    void forbiddenKnativeReadIsAFindingAndTheOtherProbesCarryOn() {
        load("healthy.yaml", Map.of(P41, "healthy.log"));
        server.expect().get().withPath("/apis/serving.knative.dev/v1/namespaces/torghut/services/torghut")
                .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"services.serving.knative.dev "
                        + "\\\"torghut\\\" is forbidden: User \\\"system:serviceaccount:torghut:torghut-prober\\\" cannot get resource\","
                        + "\"reason\":\"Forbidden\",\"code\":403}").once();
        runAll();
        JsonPath diagnosis = diagnoseJson();
        assertEquals(List.of("kubernetes-access"), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
        assertEquals("forbidden: get services.serving.knative.dev torghut in torghut - the prober's Role needs get/list/watch on "
                + "services.serving.knative.dev (k8s/base/role-torghut.yaml)", diagnosis.getString("sections.findings.findings[0].evidence[0]"));
        assertEquals("OK", status(diagnosis, "cnpg"));
        assertEquals("OK", status(diagnosis, "postgres"));
        assertTrue(metrics().contains("torghut_prober_kubernetes_api_up 0.0"));
    }

    @Test
    void cnpgNotInstalledSaysTheCrdIsMissing() {
        load("healthy.yaml", Map.of(P41, "healthy.log"));
        client.genericKubernetesResources(Kube.type(KubernetesReads.CNPG)).inNamespace("torghut").delete();
        server.expect().get().withPath("/apis/postgresql.cnpg.io/v1/namespaces/torghut/clusters?limit=1")
                .andReturn(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"the server could not "
                        + "find the requested resource\",\"reason\":\"NotFound\",\"code\":404}").once();
        runAll();
        JsonPath diagnosis = diagnoseJson();
        assertEquals(List.of("kubernetes-access"), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
        assertEquals("not found: list clusters.postgresql.cnpg.io in torghut - the resource type is not served (CRD not installed?)",
                diagnosis.getString("sections.findings.findings[0].evidence[0]"));
        assertEquals("kubectl get crd clusters.postgresql.cnpg.io", diagnosis.getString("sections.findings.findings[0].commands[0]"));
        assertEquals("HEALTHY", diagnosis.getString("verdict"), "an unreadable CNPG cluster does not pause trading");
    }

    private static String status(JsonPath diagnosis, String signal) {
        return diagnosis.getString("signals.find { it.name == '" + signal + "' }.status");
    }

    private void load(String scenario, Map<String, String> logs) {
        for (ResourceDefinitionContext type : List.of(Kube.type(KubernetesReads.KSVC), Kube.type(KubernetesReads.REVISIONS), Kube.type(KubernetesReads.CNPG))) {
            client.genericKubernetesResources(type).inNamespace("torghut").delete();
        }
        client.pods().inNamespace("torghut").delete();
        for (GenericKubernetesResource o : K8sFixtures.objects(scenario)) {
            switch (o.getKind()) {
                case "Pod" -> client.pods().inNamespace("torghut").resource(K8sFixtures.pod(o)).create();
                case "Service" -> client.genericKubernetesResources(Kube.type(KubernetesReads.KSVC)).inNamespace("torghut").resource(o).create();
                case "Revision" -> client.genericKubernetesResources(Kube.type(KubernetesReads.REVISIONS)).inNamespace("torghut").resource(o).create();
                case "Cluster" -> client.genericKubernetesResources(Kube.type(KubernetesReads.CNPG)).inNamespace("torghut").resource(o).create();
                default -> throw new IllegalArgumentException(o.getKind());
            }
        }
        logs.forEach((key, fixture) -> {
            boolean previous = key.endsWith("/previous");
            String pod = previous ? key.substring(0, key.indexOf('/')) : key;
            server.expect().get().withPath("/api/v1/namespaces/torghut/pods/" + pod
                            + "/log?container=user-container&tailLines=200&limitBytes=262144" + (previous ? "&previous=true" : ""))
                    .andReturn(200, K8sFixtures.text("logs/" + fixture)).always();
        });
        runAll();
    }

    /** Runs every probe once now (polling while a scheduled run of it is still in flight) and re-evaluates. */
    private void runAll() {
        for (ScheduledProbe probe : runner.probes()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> runner.runNow(probe).join(), Objects::nonNull);
        }
        verdicts.evaluate();
    }

    private static JsonPath diagnoseJson() {
        return given().accept("application/json").get("/diagnose").then().statusCode(200).extract().jsonPath();
    }

    private static String metrics() {
        return management().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** /diagnose reads stored state: many requests, in both formats, make no Kubernetes API request. (Speed: bench/.) */
    private void diagnoseNeverCallsTheKubernetesApi() {
        int apiRequestsBefore = server.getKubernetesMockServer().getRequestCount();
        for (String accept : List.of("application/json", "text/plain")) {
            for (int i = 0; i < 50; i++) {
                given().accept(accept).get("/diagnose").then().statusCode(200);
            }
        }
        assertEquals(apiRequestsBefore, server.getKubernetesMockServer().getRequestCount(), "/diagnose never calls the Kubernetes API");
        assertEquals(VerdictLevel.DEGRADED, verdicts.current().level(), Arrays.toString(verdicts.current().reasons().toArray()));
    }
}
