package io.torghut.prober.k8s;

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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite: bench/k8s-api-rate.sh copies it into a checkout of each version it compares. The prober
 * with its default cadences against the fabric8 mock server holding the healthy scenario (Knative Service, revision,
 * pod, CNPG cluster); after a warm-up, every API request for BENCH_SECONDS is counted, by method and path.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(ApiRequestRateBench.Defaults.class)
class ApiRequestRateBench {
    private static final ResourceDefinitionContext KSVC = context("serving.knative.dev", "Service", "services");
    private static final ResourceDefinitionContext REVISIONS = context("serving.knative.dev", "Revision", "revisions");
    private static final ResourceDefinitionContext CNPG = context("postgresql.cnpg.io", "Cluster", "clusters");

    /** Defaults everywhere, Kubernetes reads on; Torghut and ClickHouse unreachable (they make no API requests). */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prober.kubernetes.enabled", "true", "prober.torghut.url", "http://127.0.0.1:9",
                    "prober.clickhouse.url", "http://127.0.0.1:9");
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
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000);
        Map<String, Integer> byPath = drain();
        double minutes = (System.nanoTime() - start) / 60e9;
        int total = byPath.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("API_RATE total %d requests in %.1f s = %.1f per minute%n", total, minutes * 60, total / minutes);
        byPath.forEach((path, n) -> System.out.printf("API_RATE   %6.1f/min  %s%n", n / minutes, path));
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
