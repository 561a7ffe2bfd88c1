package io.torghut.prober.k8s;

import static io.restassured.RestAssured.given;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.gitops.BareRepo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite: bench/archive/k8s-api-rate-mock-server.sh copies it into a checkout of each version it
 * compares (archived: bench/k8s-api-rate.sh now counts on scripts/kube_api_stub.py). The prober
 * with its default cadences against the fabric8 mock server holding the healthy scenario (Knative Service, revision,
 * pod, CNPG cluster), in trigger mode against a local bare git repository. Two phases, BENCH_SECONDS each, every API
 * request counted by method and path: steady (after a warm-up, no pause), then confirming (right after a manual
 * POST /pause: the pause is committed and its rollout followed; the live revision keeps TRADING_ENABLED=true, so the
 * pause stays unconfirmed for the whole phase and the prober keeps its confirming cadence,
 * {@code prober.pause.effective-check-every}). The Lease is off in both (it does not depend on the phase).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(ApiRequestRateBench.Defaults.class)
class ApiRequestRateBench {
    private static final ResourceDefinitionContext KSVC = context("serving.knative.dev", "Service", "services");
    private static final ResourceDefinitionContext REVISIONS = context("serving.knative.dev", "Revision", "revisions");
    private static final ResourceDefinitionContext CNPG = context("postgresql.cnpg.io", "Cluster", "clusters");

    static final String TOKEN = "bench-token-0b7e";

    /**
     * Defaults everywhere, Kubernetes reads on; Torghut and ClickHouse unreachable (they make no API requests); trigger
     * mode on a bare repository under target/ (git is not the API: it adds no request).
     */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path root;
            String url;
            try {
                // Quarkus may ask for the overrides more than once: each call gets a repository of its own.
                root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bench-gitops").toAbsolutePath();
                url = new BareRepo(root.resolve("remote")).url();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("prober.kubernetes.enabled", "true", "prober.torghut.url", "http://127.0.0.1:9",
                    "prober.clickhouse.url", "http://127.0.0.1:9", "prober.pause.mode", "trigger", "prober.pause.token", TOKEN,
                    "prober.gitops.repo-url", url, "prober.gitops.work-dir", root.resolve("working-copy").toString(),
                    "prober.pause.leader.enabled", "false");
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    private static ResourceDefinitionContext context(String group, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind(kind).withPlural(plural)
                .withNamespaced(true).build();
    }

    @Test
    void requestsPerMinute() throws Exception {
        KubernetesClient client = server.getClient();
        KubernetesSerialization serialization = new KubernetesSerialization();
        String text;
        try (InputStream yaml = getClass().getResourceAsStream("/k8s/healthy.yaml")) {
            text = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String doc : text.split("\n---\n")) {
            GenericKubernetesResource r = serialization.unmarshal(doc, GenericKubernetesResource.class);
            switch (r.getKind()) {
                case "Pod" -> client.pods().inNamespace("torghut").resource(serialization.unmarshal(doc, Pod.class)).create();
                case "Service" -> client.genericKubernetesResources(KSVC).inNamespace("torghut").resource(r).create();
                case "Revision" -> client.genericKubernetesResources(REVISIONS).inNamespace("torghut").resource(r).create();
                case "Cluster" -> client.genericKubernetesResources(CNPG).inNamespace("torghut").resource(r).create();
                default -> { }
            }
        }
        long seconds = Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "60"));
        Thread.sleep(5_000);
        drain();
        measure("steady", seconds);

        JsonPath answer = given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .body("{\"reason\": \"bench: confirming phase\", \"requestedBy\": \"bench\"}").post("/pause").jsonPath();
        if (!"paused".equals(answer.getString("action"))) {
            throw new IllegalStateException("the pause was not made: " + answer.prettify());
        }
        // The pause's own requests (the Argo CD patch, the TradingPaused Event) are counted apart from the cadence.
        Thread.sleep(1_000);
        Map<String, Integer> atPause = drain();
        System.out.printf("API_RATE at-pause %d requests (the POST /pause and the next second)%n",
                atPause.values().stream().mapToInt(Integer::intValue).sum());
        atPause.forEach((path, n) -> System.out.printf("API_RATE at-pause   %d  %s%n", n, path));
        measure("confirming", seconds);
        String status = given().header("Authorization", "Bearer " + TOKEN).get("/pause").jsonPath().getString("effectiveness.status");
        System.out.printf("API_RATE confirming phase ended with the pause %s%n", status);
        if (!"waiting".equals(status) && !"overdue".equals(status)) {
            throw new IllegalStateException("the pause stopped being confirmed during the phase: " + status);
        }
    }

    /** Counts the requests of the next {@code seconds} (the caller drained those before) and prints them per minute. */
    private void measure(String phase, long seconds) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000);
        Map<String, Integer> byPath = drain();
        double minutes = (System.nanoTime() - start) / 60e9;
        int total = byPath.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("API_RATE %s total %d requests in %.1f s = %.1f per minute%n", phase, total, minutes * 60, total / minutes);
        byPath.forEach((path, n) -> System.out.printf("API_RATE %s   %6.1f/min  %s%n", phase, n / minutes, path));
    }

    /** Takes every request recorded so far, counted by method and path (query left out). */
    private Map<String, Integer> drain() throws InterruptedException {
        Map<String, Integer> byPath = new TreeMap<>();
        RecordedRequest request;
        while ((request = server.getKubernetesMockServer().takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            String path = request.getPath() == null ? "?" : request.getPath().replaceAll("\\?.*", "");
            byPath.merge(request.getMethod() + " " + path, 1, Integer::sum);
        }
        return byPath;
    }
}
