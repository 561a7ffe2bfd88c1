package io.torghut.prober.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.K8sFixtures;
import io.torghut.prober.testsupport.MockKubernetes;
import io.torghut.prober.testsupport.PackagedApp;
import io.torghut.prober.testsupport.PromtoolLint;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TestServices;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What oncall and Prometheus touch, against the packaged app (the native executable under {@code -Dnative}): a
 * runbook scenario (the UUID crash loop, procedure B) on the fabric8 mock API server, real PostgreSQL and ClickHouse
 * with fresh tables, a healthy Torghut stand-in. /diagnose as text and as JSON with findings and next steps present,
 * /q/metrics through promtool, GET /pause in recommend mode, and every JSON error body of /pause.
 */
class PackagedKubernetesIT {
    static final String P41 = "torghut-00041-deployment-7c9f8d6b5-abcde";
    static final String P42 = "torghut-00042-deployment-5d8f7b9c6-x2k4p";
    static final String GOOD = "registry.example.com/lab/torghut@sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091";
    static final String TOKEN = "packaged-k8s-token-31d7";

    @Test
    void uuidCrashLoopIsDiagnosedAndEveryEndpointAnswersInJson() throws Exception {
        TestServices.requirePostgres();
        TestServices.requireClickHouse();
        ClickHouseAdmin clickhouse = ClickHouseAdmin.shared();
        String signals = clickhouse.newTable("pk8s_signals");
        String microbars = clickhouse.newTable("pk8s_microbars");
        clickhouse.insertAged(signals, 5);
        clickhouse.insertAged(microbars, 5);
        try (MockKubernetes k8s = MockKubernetes.start(); StubTorghut torghut = StubTorghut.start()) {
            load(k8s, "uuid-crash.yaml", Map.of(P42 + "/previous", "uuid-crash-previous.log", P42, "uuid-crash-current.log",
                    P41, "healthy.log"));
            Map<String, String> env = new HashMap<>(k8s.env());
            env.putAll(Map.of("TORGHUT_URL", torghut.url(), "TA_CLICKHOUSE_URL", TestServices.chUrl(),
                    "TA_CLICKHOUSE_USERNAME", TestServices.CH_USER, "TA_CLICKHOUSE_PASSWORD", TestServices.CH_PASSWORD,
                    "DB_DSN", TestServices.pgUri(TestServices.PG_USER, TestServices.PG_PASSWORD, TestServices.pgPort()),
                    "PROBER_FRESHNESS_TABLES_TA_SIGNALS_TABLE", signals, "PROBER_FRESHNESS_TABLES_TA_MICROBARS_TABLE", microbars,
                    "PROBER_SESSION_ALWAYS_OPEN", "true", "PROBER_KUBERNETES_INTERVAL", "1s", "PROBER_PAUSE_TOKEN", TOKEN));
            env.put("PROBER_PAUSE_LEADER_ENABLED", "false");
            // Outside a pod Kubernetes reads default to off (adapter/kubernetes/InCluster): this scenario is about them.
            env.put("PROBER_KUBERNETES_ENABLED", "true");
            try (PackagedApp app = PackagedApp.launch("packaged-k8s", env)) {
                app.awaitReady(Duration.ofSeconds(60));
                JsonPath[] json = new JsonPath[1];
                // A request that times out on a starved CI machine is retried; what must hold is the answer's content.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .ignoreException(java.net.http.HttpTimeoutException.class).untilAsserted(() -> {
                    HttpResponse<String> response = app.get("/diagnose", "application/json");
                    assertEquals(200, response.statusCode(), response.body());
                    json[0] = JsonPath.from(response.body());
                    // The revision not Ready is the UUID crash's evidence, not a finding of its own (issue 22's ranking rule).
                    assertEquals(List.of("uuid-json-serialization"), json[0].getList("sections.findings.findings.id"), json[0].prettify());
                    for (String signal : List.of("postgres", "clickhouse", "ta_signals", "ta_microbars", "healthz", "trading-health", "cnpg")) {
                        assertEquals("OK", ProberAppTest.signal(json[0], signal).get("status"), signal + ": " + json[0].prettify());
                    }
                });
                JsonPath report = json[0];
                assertEquals("DEGRADED", report.getString("verdict"), report.prettify());
                assertEquals("uuid-json-serialization", report.getString("sections.findings.headline"), report.prettify());
                assertEquals("CRITICAL", report.getString("sections.findings.findings[0].severity"));
                assertEquals("image: " + GOOD, report.getString("sections.findings.findings[0].gitops[0].change"));
                // nextSteps (kept for JSON consumers) are the findings, in their order
                assertEquals(report.getList("sections.findings.findings.id"), report.getList("nextSteps.finding"), report.prettify());
                assertEquals("B", report.getString("nextSteps[0].procedure"), report.prettify());
                assertEquals("recommend", report.getString("sections.pause.mode"), report.prettify());

                String text = app.get("/diagnose", null).body();
                assertTrue(text.startsWith("VERDICT DEGRADED"), text);
                assertTrue(text.contains("CRITICAL [B] uuid-json-serialization"), text);
                assertTrue(text.contains("change: image: " + GOOD), text);

                HttpResponse<String> metrics = app.management("/q/metrics");
                assertEquals(200, metrics.statusCode());
                assertEquals(List.of(), PromtoolLint.problems(metrics.body()));
                assertTrue(metrics.body().contains("torghut_prober_findings{finding=\"uuid-json-serialization\",procedure=\"B\"} 1.0"),
                        metrics.body());

                HttpResponse<String> pause = app.getAuthorized("/pause", TOKEN);
                assertEquals(200, pause.statusCode(), pause.body());
                JsonPath view = JsonPath.from(pause.body());
                assertEquals("recommend", view.getString("mode"), view.prettify());
                assertFalse(view.getList("recommendation.reasons").isEmpty(), view.prettify());
                assertEquals("none", view.getString("effectiveness.status"), view.prettify());
                pauseErrorBodies(app);
                app.close();
                assertEquals(List.of(), app.stackTraceLines(), "stack trace in the log:\n" + app.output());
                assertFalse(app.output().contains(TestServices.CH_PASSWORD) || app.output().contains(TestServices.PG_PASSWORD));
            }
        } finally {
            clickhouse.drop(signals);
            clickhouse.drop(microbars);
        }
    }

    /** Each refusal of /pause is JSON with its status, in the packaged app too (the exception mappers' bodies). */
    private static void pauseErrorBodies(PackagedApp app) throws Exception {
        Map<Integer, HttpResponse<String>> answers = Map.of(
                401, app.post("/pause", "application/json", "{\"reason\": \"x\"}", null),
                415, app.post("/pause", "text/plain", "pause please", TOKEN),
                400, app.post("/pause", "application/json", "{\"reason\": ", TOKEN),
                413, app.post("/pause", "application/json", "{\"reason\": \"" + "x".repeat(1024 * 1024) + "\"}", TOKEN));
        answers.forEach((status, response) -> {
            assertEquals(status, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.headers().toString());
            JsonPath body = JsonPath.from(response.body());
            assertFalse(body.getString("error").isBlank(), response.body());
            assertFalse(body.getString("message").isBlank(), response.body());
        });
        HttpResponse<String> recommended = app.post("/pause", "application/json",
                "{\"reason\": \"ta_signals stale\", \"requestedBy\": \"oncall@example.com\"}", TOKEN);
        assertEquals(200, recommended.statusCode(), recommended.body());
        JsonPath answer = JsonPath.from(recommended.body());
        assertEquals("recommend", answer.getString("mode"), answer.prettify());
        assertEquals("recommended", answer.getString("action"), answer.prettify());
        assertFalse(answer.getList("plan.reasons").isEmpty(), answer.prettify());
    }

    /** The scenario's objects into the CRUD store; pod logs as expectations (the log endpoint is not CRUD). */
    static void load(MockKubernetes k8s, String scenario, Map<String, String> logs) {
        for (GenericKubernetesResource o : K8sFixtures.objects(scenario)) {
            switch (o.getKind()) {
                case "Pod" -> k8s.client().pods().inNamespace("torghut").resource(K8sFixtures.pod(o)).create();
                case "Service" -> k8s.create(MockKubernetes.KSVC, o);
                case "Revision" -> k8s.create(MockKubernetes.REVISIONS, o);
                case "Cluster" -> k8s.create(MockKubernetes.CNPG, o);
                default -> throw new IllegalArgumentException(o.getKind());
            }
        }
        logs.forEach((key, fixture) -> {
            boolean previous = key.endsWith("/previous");
            String pod = previous ? key.substring(0, key.indexOf('/')) : key;
            k8s.server().expect().get().withPath("/api/v1/namespaces/torghut/pods/" + pod
                            + "/log?container=user-container&tailLines=200&limitBytes=262144" + (previous ? "&previous=true" : ""))
                    .andReturn(200, K8sFixtures.text("logs/" + fixture)).always();
        });
    }
}
