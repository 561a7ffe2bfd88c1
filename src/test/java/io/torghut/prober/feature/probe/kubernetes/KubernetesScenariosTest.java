package io.torghut.prober.feature.probe.kubernetes;

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
import io.torghut.prober.adapter.kubernetes.ApiResource;
import io.torghut.prober.adapter.kubernetes.KnativeReader;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.adapter.kubernetes.KubernetesReads;
import io.torghut.prober.adapter.kubernetes.LogSignatures;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.probe.ScheduledProbe;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.shared.model.LogSignature;
import io.torghut.prober.testsupport.K8sFixtures;
import io.torghut.prober.testsupport.Kube;
import io.torghut.prober.testsupport.StubTorghut;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


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
    /** The crashing pod of config-error.yaml (its own name: the mock server's log expectations outlive a test). */
    static final String P42_CONFIG = "torghut-00042-deployment-7d9e8f6a5-r8t2w";
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
                    // The mock server stamps objects with the time they are created: a rollout is stuck after one second here.
                    Map.entry("prober.kubernetes.rollout-grace", "1s"),
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
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "prober.torghut.url")
    String torghutUrl;

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
        // The revision not Ready is the UUID crash's evidence, not a finding of its own (issue 22: one finding per problem).
        assertEquals(List.of("uuid-json-serialization"), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
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
        assertEquals(List.of("missing-secret"), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
        assertEquals("missing-secret", diagnosis.getString("sections.findings.headline"));
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

    /** Issue 22: Torghut says ClickHouse is down, the prober's own ClickHouse probe succeeds: the headline is the path. */
    @Test
    void torghutReportingClickHouseDownWhileTheProberReachesItIsThePath() {
        try {
            StubTorghut.remote(torghutUrl, "/trading/health", "clickhouse-down");
            load("healthy.yaml", Map.of(P41, "healthy.log"));
            JsonPath diagnosis = diagnoseJson();
            assertEquals("OK", status(diagnosis, "clickhouse"), diagnosis.prettify());
            assertEquals(List.of("trading-still-enabled-on-bad-data", "dependency-unreachable"),
                    diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
            assertEquals("dependency-unreachable", diagnosis.getString("sections.findings.headline"), diagnosis.prettify());
            assertEquals("CRITICAL", diagnosis.getString("sections.findings.findings[1].severity"));
            String text = given().get("/diagnose").then().statusCode(200).extract().asString();
            System.out.println("SAMPLE /diagnose text (ClickHouse down per Torghut only):\n" + text);
            assertFalse(text.contains("ClickHouse is unreachable"), text);
            assertTrue(text.contains("headline: [A] dependency-unreachable: Torghut cannot reach clickhouse"), text);
        } finally {
            StubTorghut.remote(torghutUrl, "/trading/health", "ok");
        }
    }

    /** Issue 22: a literal DSN on CNPG's -ro service crashes the new revision: the configuration, and its password nowhere. */
    @Test
    void aCrashOnALiteralReadOnlyDsnIsTheConfigurationAndItsPasswordIsNeverShown() {
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        java.util.logging.Logger.getLogger("").addHandler(capture);
        try {
            load("config-error.yaml", Map.of(P42_CONFIG + "/previous", "read-only-migration.log", P42_CONFIG, "uuid-crash-current.log",
                    P41, "healthy.log"));
            JsonPath diagnosis = diagnoseJson();
            assertEquals(List.of("postgres-misconfigured"), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
            assertEquals("argocd/applications/torghut/knative-service.yaml", diagnosis.getString("sections.findings.findings[0].gitops[0].file"));
            assertTrue(diagnosis.getString("sections.findings.findings[0].gitops[0].change").startsWith(
                    "the same DSN with host torghut-db-rw.torghut.svc.cluster.local"), diagnosis.prettify());
            Map<String, String> seen = Map.of("/diagnose json", diagnosis.prettify(),
                    "/diagnose text", given().get("/diagnose").then().statusCode(200).extract().asString(), "/q/metrics", metrics());
            seen.forEach((where, body) -> assertFalse(body.contains(K8sFixtures.CONFIG_ERROR_PASSWORD), "password in " + where));
            assertTrue(records.stream().anyMatch(r -> String.valueOf(r.getMessage()).contains("runbook findings")), "the log was captured");
            records.forEach(r -> assertFalse((r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()))
                    .contains(K8sFixtures.CONFIG_ERROR_PASSWORD), "password in the log: " + r.getMessage()));
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(capture);
        }
    }

    /**
     * Issue 22: a rollout stuck past the grace on a pod no node can take. The Events are read through the prober's client
     * (a field selector on the pod's name); the finding names the scheduler's message and never sends oncall to the logs.
     */
    @Test
    void aRolloutStuckOnAnUnschedulablePodNamesTheCauseFromThePodAndItsEvents() {
        load("stuck-rollout.yaml", Map.of(P41, "healthy.log"));
        // Inside the grace (one second here) the rollout is deploying, not failing; past it, it is stuck and says why.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            runAll();
            assertEquals(List.of("pods-not-started"), diagnoseJson().getList("sections.findings.findings.id"));
        });
        JsonPath diagnosis = diagnoseJson();
        assertTrue(diagnosis.getString("sections.findings.findings[0].summary").startsWith(
                "pods of torghut-00042 cannot be scheduled: 0/3 nodes are available: 3 Insufficient cpu."), diagnosis.prettify());
        List<String> evidence = diagnosis.getList("sections.findings.findings[0].evidence");
        assertTrue(evidence.stream().anyMatch(e -> e.startsWith("event Warning FailedScheduling on Pod torghut-00042-deployment-6b7c8d9e4-k3m5n")),
                "the Event was read: " + evidence);
        List<String> commands = diagnosis.getList("sections.findings.findings.commands.flatten()");
        assertTrue(commands.contains("kubectl -n torghut describe pod torghut-00042-deployment-6b7c8d9e4-k3m5n"), commands.toString());
        assertTrue(commands.stream().noneMatch(c -> c.contains(" logs ")), commands.toString());
        assertTrue(metrics().contains("torghut_prober_kubernetes_api_up 1.0"), "the Event list is allowed and answered");
    }

    /** Issue 22: one CNPG replica lost while the primary serves: degraded, the cnpg signal OK, no pause, no failover. */
    @Test
    void aLostReplicaIsDegradedNotAFailover() {
        load("cnpg-replica-lost.yaml", Map.of(P41, "healthy.log"));
        JsonPath diagnosis = diagnoseJson();
        assertEquals("OK", status(diagnosis, "cnpg"), diagnosis.prettify());
        assertEquals("HEALTHY", diagnosis.getString("verdict"), diagnosis.prettify());
        assertEquals(List.of("postgres-unhealthy"), diagnosis.getList("sections.findings.findings.id"), diagnosis.prettify());
        assertEquals("WARNING", diagnosis.getString("sections.findings.findings[0].severity"));
        String findings = diagnosis.get("sections.findings").toString().toLowerCase(java.util.Locale.ROOT);
        assertFalse(findings.contains("failover") || findings.contains("switchover") || findings.contains("failing over"), findings);
    }

    private static String status(JsonPath diagnosis, String signal) {
        return diagnosis.getString("signals.find { it.name == '" + signal + "' }.status");
    }

    private void load(String scenario, Map<String, String> logs) {
        load(K8sFixtures.objects(scenario), logs);
    }

    private void load(List<GenericKubernetesResource> objects, Map<String, String> logs) {
        for (ResourceDefinitionContext type : List.of(Kube.type(KubernetesReads.KSVC), Kube.type(KubernetesReads.REVISIONS),
                Kube.type(KubernetesReads.CNPG), Kube.type(ApiResource.EVENTS))) {
            client.genericKubernetesResources(type).inNamespace("torghut").delete();
        }
        client.pods().inNamespace("torghut").delete();
        for (GenericKubernetesResource o : objects) {
            switch (o.getKind()) {
                // The CRUD mock filters by name and labels only: an Event is served on the exact list request the prober sends.
                case "Event" -> server.expect().get().withPath("/api/v1/namespaces/torghut/events?fieldSelector="
                                + java.net.URLEncoder.encode("involvedObject.name=" + ((Map<?, ?>) o.getAdditionalProperties().get("involvedObject"))
                                .get("name"), java.nio.charset.StandardCharsets.UTF_8) + "&limit=" + KnativeReader.EVENTS_PER_READ)
                        .andReturn(200, Map.of("kind", "EventList", "apiVersion", "v1", "items", List.of(o))).always();
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
