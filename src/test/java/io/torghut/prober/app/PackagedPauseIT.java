package io.torghut.prober.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.testsupport.GitHttpServer;
import io.torghut.prober.testsupport.MockKubernetes;
import io.torghut.prober.testsupport.PackagedApp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pause in trigger mode, against the packaged app (the native executable under {@code -Dnative}): the Alertmanager
 * webhook commits {@code TRADING_ENABLED="false"} to a real smart-HTTP git host ({@code git http-backend} with Basic
 * auth: JGit's HTTP transport, which the native image keeps while it cuts the others; SnakeYAML Engine), merge-patches
 * the Argo CD Application and writes an Event on the mock API server, holds the Lease; GET /pause and /diagnose then
 * show the pause, and a second delivery of the same notification commits nothing.
 */
class PackagedPauseIT {
    static final String TOKEN = "packaged-pause-token-8a4e";
    static final String GIT_USER = "prober-bot";
    static final String GIT_TOKEN = "packaged-git-token-31c7";

    @Test
    void alertmanagerWebhookCommitsSyncsArgoAndIsIdempotent() throws Exception {
        Path root = Files.createTempDirectory("packaged-pause");
        BareRepo remote = new BareRepo(root.resolve("remote"));
        String webhook = new String(PackagedPauseIT.class.getResourceAsStream("/alertmanager-webhook-v4.json").readAllBytes(),
                StandardCharsets.UTF_8);
        try (MockKubernetes k8s = MockKubernetes.start(); GitHttpServer host = GitHttpServer.start(remote.projectRoot(), GIT_USER, GIT_TOKEN)) {
            k8s.create(MockKubernetes.APPLICATIONS, new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                    .withKind("Application").withNewMetadata().withName("torghut").withNamespace("argocd").endMetadata()
                    .addToAdditionalProperties("spec", Map.of("project", "default")).build());
            Map<String, String> env = new HashMap<>(k8s.env());
            env.putAll(Map.of("PROBER_PAUSE_MODE", "trigger", "PROBER_PAUSE_TOKEN", TOKEN, "GITOPS_REPO_URL", host.url(BareRepo.NAME),
                    "GITOPS_WORK_DIR", root.resolve("working-copy").toString(), "PROBER_GITOPS_TIMEOUT", "10s",
                    "PROBER_PAUSE_LEADER_LEASE", "packaged-pause-lease", "PROBER_PAUSE_LEADER_DURATION", "3s",
                    "PROBER_PAUSE_LEADER_RENEW_DEADLINE", "2s", "PROBER_PAUSE_LEADER_RETRY_PERIOD", "500ms"));
            env.putAll(Map.of("GITOPS_USERNAME", GIT_USER, "GITOPS_TOKEN", GIT_TOKEN));
            env.putAll(Map.of("TORGHUT_URL", "http://127.0.0.1:9", "TA_CLICKHOUSE_URL", "http://127.0.0.1:9",
                    "PROBER_KUBERNETES_ENABLED", "true"));
            // Outside a pod the Lease defaults to off (adapter/kubernetes/InCluster); this test checks that it is held.
            env.put("PROBER_PAUSE_LEADER_ENABLED", "true");
            try (PackagedApp app = PackagedApp.launch("packaged-pause", env)) {
                app.awaitReady(Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(30)).ignoreException(java.net.http.HttpTimeoutException.class).untilAsserted(() ->
                        assertTrue(JsonPath.from(app.getAuthorized("/pause", TOKEN).body()).getBoolean("leader")));
                Lease lease = k8s.client().leases().inNamespace("torghut").withName("packaged-pause-lease").get();
                assertNotNull(lease, "the Lease is held on the API server");
                assertFalse(lease.getSpec().getHolderIdentity().isBlank());

                int before = remote.log().size();
                HttpResponse<String> first = app.post("/pause", "application/json", webhook, TOKEN);
                assertEquals(200, first.statusCode(), first.body() + "\n" + app.output());
                JsonPath answer = JsonPath.from(first.body());
                assertEquals("paused", answer.getString("action"), answer.prettify());
                assertTrue(answer.getString("diff").contains("+              value: \"false\""), answer.prettify());
                String commit = answer.getString("commit");
                assertEquals(commit, remote.log().get(0).name());
                assertEquals(before + 1, remote.log().size());
                assertTrue(remote.manifest().contains("value: \"false\""));

                GenericKubernetesResource argo = k8s.client().genericKubernetesResources(MockKubernetes.APPLICATIONS)
                        .inNamespace("argocd").withName("torghut").get();
                assertEquals(commit, ((Map<?, ?>) ((Map<?, ?>) argo.getAdditionalProperties().get("operation")).get("sync")).get("revision"));
                assertEquals("default", ((Map<?, ?>) argo.getAdditionalProperties().get("spec")).get("project"), "merge patch keeps the spec");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    List<Event> events = k8s.client().v1().events().inNamespace("torghut").list().getItems();
                    assertTrue(events.stream().anyMatch(e -> "TradingPaused".equals(e.getReason()) && e.getMessage().contains(commit)),
                            events.toString());
                });

                HttpResponse<String> again = app.post("/pause", "application/json", webhook, TOKEN);
                assertEquals(200, again.statusCode(), again.body());
                assertEquals("already-paused", JsonPath.from(again.body()).getString("action"));
                assertEquals(before + 1, remote.log().size(), "a repeated notification commits nothing");
                assertEquals(1, host.receivePacks(), "one push reached the git host");

                JsonPath view = JsonPath.from(app.getAuthorized("/pause", TOKEN).body());
                assertEquals("trigger", view.getString("mode"), view.prettify());
                assertEquals("false", view.getString("git.desired"), view.prettify());
                assertEquals("waiting", view.getString("effectiveness.status"), view.prettify());
                assertTrue(view.getString("recommendation.resumeDiff").contains("+              value: \"true\""), view.prettify());
                String text = app.get("/diagnose", null).body();
                assertTrue(text.contains("TRADING_ENABLED in git: false"), text);
                JsonPath diagnose = JsonPath.from(app.get("/diagnose", "application/json").body());
                assertEquals("false", diagnose.getString("sections.pause.git.desired"), diagnose.prettify());
                assertEquals(commit, diagnose.getString("sections.pause.effectiveness.commit"), diagnose.prettify());
                String metrics = app.management("/q/metrics").body();
                assertTrue(metrics.contains("torghut_prober_pause_actions_total{mode=\"trigger\",result=\"paused\"}"), metrics);
                app.close();
                assertEquals(List.of(), app.stackTraceLines(), "stack trace in the log:\n" + app.output());
                assertFalse(app.output().contains(TOKEN), "the token was logged");
                assertFalse(app.output().contains(GIT_TOKEN), "the git token was logged");
            }
        } finally {
            try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
