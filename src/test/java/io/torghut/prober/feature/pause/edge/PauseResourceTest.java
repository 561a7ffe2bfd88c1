package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.BareRepoResource;
import io.torghut.prober.feature.pause.PauseWithoutKubernetesAppTest;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.Response;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.testsupport.Kube;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** /pause end to end in trigger mode: a real bare git repository, Argo CD and Events on the fabric8 mock server. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(BareRepoResource.class)
public class PauseResourceTest {
    public static final String BEARER = "Bearer " + BareRepoResource.TOKEN;
    static final String PAUSED_LINE = "value: \"false\"   # set to";
    public static final String ENABLED_LINE = "value: \"true\"   # set to";

    @KubernetesTestServer
    KubernetesServer server;

    BareRepo remote;

    @BeforeEach
    void setUp() throws Exception {
        remote = BareRepoResource.remote;
        remote.restart();
        KubernetesClient client = server.getClient();
        if (client.genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd").withName("torghut").get() == null) {
            GenericKubernetesResource app = new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                    .withKind("Application").withNewMetadata().withName("torghut").withNamespace("argocd").endMetadata()
                    .addToAdditionalProperties("spec", Map.of("project", "default")).build();
            client.genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd").resource(app).create();
        }
    }

    static String manual(String reason) {
        return "{\"reason\": \"" + reason + "\", \"requestedBy\": \"oncall@example.com\"}";
    }

    static String alertmanager(String groupKey) throws Exception {
        String body = new String(PauseResourceTest.class.getResourceAsStream("/alertmanager-webhook-v4.json").readAllBytes(),
                StandardCharsets.UTF_8);
        return body.replace("{}:{alertname=\\\"DemoValueHigh\\\"}", groupKey);
    }

    static Response post(String body) {
        return given().header("Authorization", BEARER).contentType("application/json").body(body).post("/pause");
    }

    /** The counterpart of {@link PauseWithoutKubernetesAppTest}: with the API on, the client is built (and that check sees it). */
    @Test
    void withTheApiOnTheClientIsBuilt() {
        assertFalse(PauseWithoutKubernetesAppTest.created(KubernetesClient.class).isEmpty());
    }

    @Test
    void missingOrWrongTokenIs401WithJson() {
        given().contentType("application/json").body(manual("x")).post("/pause").then().statusCode(401)
                .contentType("application/json").body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer nope").contentType("application/json").body(manual("x")).post("/pause")
                .then().statusCode(401).body("message", equalTo("wrong bearer token"));
        given().header("Authorization", "Basic " + BareRepoResource.TOKEN).get("/pause").then().statusCode(401);
    }

    @Test
    void badBodiesAre400WithJsonAndNoCommit() throws Exception {
        int before = remote.log().size();
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{\"reason\": ", "malformed JSON"),
                Map.entry("[1,2]", "the body must be a JSON object"),
                Map.entry("{}", "expected an Alertmanager webhook"),
                Map.entry("{\"version\": \"3\", \"status\": \"firing\", \"receiver\": \"r\", \"groupKey\": \"g\", \"alerts\": []}", "unsupported Alertmanager webhook version '3'"),
                Map.entry("{\"version\": \"4\", \"status\": \"firing\", \"receiver\": \"r\", \"groupKey\": \"g\", \"alerts\": \"x\"}", "alerts must be an array"),
                Map.entry("{\"version\": 4, \"alerts\": []}", "version must be a string"),
                Map.entry("{\"version\": \"4\", \"status\": \"firing\", \"receiver\": \"r\", \"groupKey\": \"g\", \"alerts\": [{\"labels\": {\"a\": 1}}]}", "alerts[0].labels.a must be a string"),
                Map.entry("{\"reason\": \"   \"}", "reason must not be blank"),
                Map.entry("{\"reason\": \"x\", \"force\": \"yes\"}", "force must be true or false"),
                Map.entry("{\"reason\": \"x\", \"forced\": true}", "unknown field 'forced'"),
                Map.entry("{\"reason\": \"x\"} {\"reason\": \"y\"}", "malformed JSON"));
        cases.forEach((body, message) -> post(body).then().statusCode(400).contentType("application/json")
                .body("error", equalTo("bad_request")).body("message", containsString(message)));
        assertEquals(before, remote.log().size());
    }

    @Test
    void notJsonIs415AndTooLargeIs413() {
        given().header("Authorization", BEARER).contentType("text/plain").body("pause please").post("/pause").then()
                .statusCode(415).contentType("application/json").body("error", equalTo("unsupported_media_type"));
        given().header("Authorization", BEARER).post("/pause").then().statusCode(415);
        given().header("Authorization", BEARER).contentType("application/jsonp").body("{}".getBytes(StandardCharsets.UTF_8)).post("/pause").then().statusCode(415);
        String big = "{\"reason\": \"" + "x".repeat(1024 * 1024) + "\"}";
        post(big).then().statusCode(413).contentType("application/json").body("error", equalTo("payload_too_large"));
        String huge = "{\"reason\": \"" + "x".repeat(12 * 1024 * 1024) + "\"}";
        post(huge).then().statusCode(413).contentType("application/json").body("error", equalTo("payload_too_large"));
    }

    @Test
    void resolvedNotificationsNeverResume() throws Exception {
        post(alertmanager("resolved-" + UUID.randomUUID()).replace("\"status\": \"firing\",\n  \"alerts\"", "\"status\": \"resolved\",\n  \"alerts\""))
                .then().statusCode(200).body("action", equalTo("none"));
        remote.change(t -> t.replace(ENABLED_LINE, PAUSED_LINE), "Human pause");
        int before = remote.log().size();
        post(alertmanager("resolved-" + UUID.randomUUID()).replace("\"status\": \"firing\",\n  \"alerts\"", "\"status\": \"resolved\",\n  \"alerts\""))
                .then().statusCode(200).body("action", equalTo("none"));
        assertEquals(before, remote.log().size());
        assertTrue(remote.manifest().contains(PAUSED_LINE));
    }

    @Test
    void alertmanagerPauseCommitsOnceSyncsArgoAndAudits() throws Exception {
        int before = remote.log().size();
        String body = alertmanager("{}:{alertname=\\\"TorghutTaStale-" + UUID.randomUUID() + "\\\"}");
        Response first = post(body);
        first.then().statusCode(200).body("action", equalTo("paused")).body("diff", containsString("+              value: \"false\""));
        String commit = first.path("commit");
        RevCommit head = remote.log().get(0);
        assertEquals(commit, head.name());
        assertEquals(before + 1, remote.log().size());
        String message = head.getFullMessage();
        assertTrue(message.startsWith("Pause trading: TRADING_ENABLED=\"false\" in argocd/applications/torghut/knative-service.yaml"), message);
        assertTrue(message.contains("- DemoValueHigh fingerprint=d597ac5e3deea6d3 since 2026-11-27T21:54:50.676Z"), message);
        assertTrue(message.contains("Requested by: alertmanager receiver webhook"), message);
        assertTrue(message.contains("Diagnosis: http://torghut-prober.torghut.svc.cluster.local:8080/diagnose"), message);

        GenericKubernetesResource app = server.getClient().genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd")
                .withName("torghut").get();
        @SuppressWarnings("unchecked")
        Map<String, Object> operation = (Map<String, Object>) app.getAdditionalProperties().get("operation");
        assertEquals(commit, ((Map<?, ?>) operation.get("sync")).get("revision"));
        assertEquals("torghut-prober", ((Map<?, ?>) operation.get("initiatedBy")).get("username"));
        assertEquals(List.of(Map.of("name", "reason", "value", "DemoValueHigh: demo value 42 on 127.0.0.1:19100")), operation.get("info"));
        assertEquals("normal", app.getMetadata().getAnnotations().get("argocd.argoproj.io/refresh"));
        assertEquals("default", ((Map<?, ?>) app.getAdditionalProperties().get("spec")).get("project"), "merge patch keeps the spec");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<Event> events = server.getClient().v1().events().inNamespace("torghut").list().getItems();
            assertTrue(events.stream().anyMatch(e -> "TradingPaused".equals(e.getReason()) && e.getMessage().contains(commit)
                    && "torghut".equals(e.getInvolvedObject().getName()) && "Service".equals(e.getInvolvedObject().getKind())), events.toString());
        });

        // An HA Alertmanager pair delivers the same notification twice: no second commit.
        post(body).then().statusCode(200).body("action", equalTo("already-paused"));
        // Another notification while git already says false: no commit either.
        post(manual("still stale")).then().statusCode(200).body("action", equalTo("already-paused"));
        assertEquals(before + 1, remote.log().size());

        given().header("Authorization", BEARER).get("/pause").then().statusCode(200)
                .body("mode", equalTo("trigger")).body("git.desired", equalTo("false")).body("lastAction.action", equalTo("already-paused"))
                .body("recommendation.resumeDiff", containsString("+              value: \"true\""))
                .body("effectiveness.status", equalTo("waiting")).body("effectiveness.commit", equalTo(commit));
        String metrics = management().get("/q/metrics").asString();
        assertTrue(metrics.contains("torghut_prober_pause_actions_total{mode=\"trigger\",result=\"paused\"}"), metrics);
        assertTrue(metrics.contains("torghut_prober_trading_enabled 0.0"), metrics);
        given().accept("text/plain").get("/diagnose").then().statusCode(200).body(containsString("TRADING PAUSE (GitOps)"))
                .body(containsString("TRADING_ENABLED in git: false"));
    }

    @Test
    void twentyConcurrentRequestsMakeExactlyOneCommit() throws Exception {
        int before = remote.log().size();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = i % 2 == 0 ? manual("concurrent " + i) : alertmanager("concurrent-group");
            calls.add(() -> post(body));
        }
        List<String> actions = new ArrayList<>();
        for (Future<Response> f : pool.invokeAll(calls)) {
            Response response = f.get();
            assertEquals(200, response.statusCode(), response.asString());
            actions.add(response.path("action"));
        }
        pool.shutdown();
        assertEquals(1, actions.stream().filter("paused"::equals).count(), actions.toString());
        assertEquals(19, actions.stream().filter("already-paused"::equals).count(), actions.toString());
        assertEquals(before + 1, remote.log().size());
    }

    @Test
    void unreachableRemoteIs503PendingThenRetriedInternally() throws Exception {
        int before = remote.log().size();
        remote.takeAway();
        try {
            post(manual("remote away")).then().statusCode(503).contentType("application/json").body("action", equalTo("pending"));
            given().header("Authorization", BEARER).get("/pause").then().body("pending.kind", equalTo("git"))
                    .body("pending.attempts", notNullValue());
            assertTrue(management().get("/q/metrics").asString().contains("torghut_prober_pause_pending 1.0"));
        } finally {
            remote.bringBack();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> remote.log().size() == before + 1);
        assertTrue(remote.manifest().contains(PAUSED_LINE));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().header("Authorization", BEARER).get("/pause").then()
                .body("pending", nullValue()).body("lastAction.action", equalTo("paused")));
        // Alertmanager's own retry then finds it done.
        post(manual("remote away")).then().statusCode(200).body("action", equalTo("already-paused"));
    }

    @Test
    void missingArgoApplicationIsReportedAndTheCommitStands() throws Exception {
        server.getClient().genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS)).inNamespace("argocd").withName("torghut").delete();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.getClient().genericKubernetesResources(Kube.type(ArgoCdSync.APPLICATIONS))
                .inNamespace("argocd").withName("torghut").get() == null);
        post(manual("no argo")).then().statusCode(200).body("action", equalTo("paused"))
                .body("argocd", containsString("no Argo CD application applications.argoproj.io/torghut in namespace argocd"));
        assertTrue(remote.manifest().contains(PAUSED_LINE));
    }
}
