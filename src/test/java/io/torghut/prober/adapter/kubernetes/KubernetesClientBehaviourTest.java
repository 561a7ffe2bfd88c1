package io.torghut.prober.adapter.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.torghut.prober.shared.model.AccessProblem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fabric8 client as the prober configures it ({@link ApiRoute}), against a plain loopback HTTP server: the
 * ServiceAccount token is sent and re-read after it rotates, a failed request is not retried behind the prober's back,
 * and no failure text carries the token or the API server's address.
 */
class KubernetesClientBehaviourTest {
    @TempDir
    Path dir;
    final List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server;

    /** Serves {@code answer(authorization)} = status and body. */
    private String serve(Function<String, Map.Entry<Integer, String>> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + authorization);
            Map.Entry<Integer, String> reply = answer.apply(authorization);
            byte[] body = reply.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.getKey(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static KubernetesClient client(String url, ServiceAccountToken token) {
        Config config = ApiRoute.config(new ApiRoute.Settings(Optional.of(URI.create(url)), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2)), Map.of());
        config.setOauthTokenProvider(token);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static final String EMPTY_LIST = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}";

    @Test
    void theServiceAccountTokenIsSentAndReReadOnceItRotates() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "first-token\n");
        AtomicLong clock = new AtomicLong();
        ServiceAccountToken token = new ServiceAccountToken(file, ServiceAccountToken.REFRESH, clock::get);
        String url = serve(authorization -> Map.entry(200, EMPTY_LIST));
        try (KubernetesClient client = client(url, token)) {
            KubernetesReads reads = new KubernetesReads(client, "torghut", 2000);
            reads.pods("app=torghut");
            reads.pods("app=torghut");
            Files.writeString(file, "second-token\n"); // the kubelet rotated it
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 1000));
            reads.pods("app=torghut");
            Files.delete(file); // swapped out for a moment: the last good token is kept
            clock.addAndGet(ServiceAccountToken.REFRESH.toNanos());
            reads.pods("app=torghut");
        }
        assertEquals(List.of("Bearer first-token", "Bearer first-token", "Bearer second-token", "Bearer second-token"),
                requests.stream().map(r -> r.substring(r.indexOf("Bearer"))).toList());
    }

    @Test
    void aRejectedTokenIsAskedForOnceMoreThenReportedAsUnauthorized() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "expired-token");
        String url = serve(authorization -> Map.entry(401, "{\"kind\":\"Status\",\"code\":401,\"reason\":\"Unauthorized\"}"));
        try (KubernetesClient client = client(url, new ServiceAccountToken(file))) {
            ReadFailure failure = assertThrows(ReadFailure.class, () -> new KubernetesReads(client, "torghut", 2000).pods("app=torghut"));
            assertEquals(AccessProblem.Kind.UNAUTHORIZED, failure.problem().kind());
            assertFalse(failure.problem().toString().contains("expired-token"));
        }
        // fabric8's token refresh: after a 401 it asks the provider again and resends once; nothing else is retried.
        assertEquals(2, requests.size(), requests.toString());
    }

    @Test
    void aServerErrorIsNotRetriedAndNoTextCarriesTheTokenOrTheAddress() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "s3cret-token");
        String url = serve(authorization -> Map.entry(500, "{\"kind\":\"Status\",\"code\":500,\"message\":\"etcdserver: request timed out\"}"));
        try (KubernetesClient client = client(url, new ServiceAccountToken(file))) {
            ReadFailure failure = assertThrows(ReadFailure.class,
                    () -> new KubernetesReads(client, "torghut", 2000).get(KubernetesReads.KSVC, "torghut"));
            assertEquals(AccessProblem.Kind.SERVER_ERROR, failure.problem().kind());
            assertEquals("API server error on get services.serving.knative.dev torghut in torghut: HTTP 500", failure.problem().describe());
        }
        assertEquals(1, requests.size(), "fabric8 retries 5xx by default; the prober's schedule is the retry: " + requests);
    }

    @Test
    void forbiddenNamesTheRoleRuleAndNeverTheToken() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "s3cret-token");
        String url = serve(authorization -> Map.entry(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\",\"message\":"
                + "\"pods is forbidden: " + authorization + "\"}"));
        try (KubernetesClient client = client(url, new ServiceAccountToken(file))) {
            ReadFailure failure = assertThrows(ReadFailure.class, () -> new KubernetesReads(client, "torghut", 2000).pods("app=torghut"));
            assertEquals("forbidden: list pods in torghut - the prober's Role needs get/list/watch on pods (k8s/base/role-torghut.yaml)",
                    failure.problem().describe());
            assertFalse(failure.problem().toString().contains("s3cret"));
        }
        assertEquals(1, requests.size());
    }

    @Test
    void anAnswerThatIsNotAKubernetesObjectIsAClearFailureWithoutTheAddress() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html>proxy login</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (KubernetesClient client = client(url, new ServiceAccountToken(dir.resolve("none")))) {
            ReadFailure failure = assertThrows(ReadFailure.class,
                    () -> new KubernetesReads(client, "torghut", 2000).get(KubernetesReads.KSVC, "torghut"));
            assertEquals(AccessProblem.Kind.OTHER, failure.problem().kind());
            assertFalse(failure.problem().describe().contains(String.valueOf(server.getAddress().getPort())), failure.problem().describe());
        }
    }

    @Test
    void addressesAndBearerTokensAreScrubbedFromOutsideMessages() {
        assertEquals("Connection refused: <api>", AccessClassifier.scrub("Connection refused: /127.0.0.1:34567"));
        assertEquals("failed for <api>", AccessClassifier.scrub("failed for https://10.96.0.1:443/api/v1/namespaces/torghut/pods"));
        assertEquals("no answer from <api>", AccessClassifier.scrub("no answer from kubernetes.default.svc:443"));
        assertEquals("host <api> down", AccessClassifier.scrub("host [fd00::1]:6443 down"));
        assertEquals("Authorization: Bearer <redacted>", AccessClassifier.scrub("Authorization: Bearer abc.def.ghi"));
        assertTrue(AccessClassifier.scrub("HTTP 500").equals("HTTP 500"));
    }
}
