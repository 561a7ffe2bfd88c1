package io.torghut.prober.adapter.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.torghut.prober.shared.ConfigProblem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which API server the prober talks to, and with which credentials: never a kubeconfig nobody named. Two loopback
 * "clusters" stand behind a kubeconfig whose current context is {@code prod}; the prober may reach {@code lab} only
 * when that context is named.
 */
class ApiRouteTest {
    @TempDir
    Path home;
    final List<String> prodRequests = new CopyOnWriteArrayList<>();
    final List<String> labRequests = new CopyOnWriteArrayList<>();
    HttpServer prod;
    HttpServer lab;
    Path kubeconfig;

    @BeforeEach
    void clusters() throws IOException {
        prod = cluster(prodRequests);
        lab = cluster(labRequests);
        kubeconfig = home.resolve(".kube/config");
        Files.createDirectories(kubeconfig.getParent());
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: prod
                  cluster: {server: "http://127.0.0.1:%d"}
                - name: lab
                  cluster: {server: "http://127.0.0.1:%d"}
                users:
                - name: prod-admin
                  user: {token: prod-token}
                - name: lab-reader
                  user: {token: lab-token}
                contexts:
                - name: prod
                  context: {cluster: prod, user: prod-admin, namespace: torghut}
                - name: lab
                  context: {cluster: lab, user: lab-reader, namespace: torghut}
                """.formatted(prod.getAddress().getPort(), lab.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        prod.stop(0);
        lab.stop(0);
    }

    private static HttpServer cluster(List<String> requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static ApiRoute.Settings settings(Optional<URI> url, Optional<String> context, Optional<String> file) {
        return new ApiRoute.Settings(url, context, file, Duration.ofSeconds(2));
    }

    /** Lists pods through a client built on the route's configuration, as the prober's reads do. */
    private static void listPods(Config config) throws ReadFailure {
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            new KubernetesReads(client, "torghut", 2000).pods("app=torghut");
        }
    }

    @Test
    void aKubeconfigWhoseCurrentContextPointsElsewhereIsNeverReadUnlessAContextIsNamed() {
        Map<String, String> env = Map.of("HOME", home.toString(), "KUBECONFIG", kubeconfig.toString());
        Config config = ApiRoute.config(settings(Optional.empty(), Optional.empty(), Optional.empty()), env);
        assertEquals("https://kubernetes.default.svc/", config.getMasterUrl(), "outside a pod: the in-cluster name, not the kubeconfig");
        assertNull(config.getOauthToken());
        assertNull(config.getCurrentContext());
        assertInstanceOf(ServiceAccountToken.class, config.getOauthTokenProvider());
        assertThrows(ReadFailure.class, () -> listPods(config), "nothing answers at kubernetes.default.svc here");
        assertEquals(List.of(), prodRequests, "the current context's cluster was never asked");
        assertEquals(List.of(), labRequests);
    }

    @Test
    void aNamedContextIsUsedWithItsOwnClusterAndCredentials() throws ReadFailure {
        // No KUBECONFIG: the default file under the home directory.
        Config config = ApiRoute.config(settings(Optional.empty(), Optional.of("lab"), Optional.empty()), Map.of("HOME", home.toString()));
        assertEquals("http://127.0.0.1:" + lab.getAddress().getPort() + "/", config.getMasterUrl());
        listPods(config);
        assertEquals(List.of("/api/v1/namespaces/torghut/pods?labelSelector=app%3Dtorghut Bearer lab-token"), labRequests);
        assertEquals(List.of(), prodRequests);
    }

    @Test
    void aConfiguredKubeconfigFileWinsOverKubeconfigAndHome() {
        Config config = ApiRoute.config(settings(Optional.empty(), Optional.of("prod"), Optional.of(kubeconfig.toString())),
                Map.of("HOME", "/nonexistent", "KUBECONFIG", "/nonexistent/config"));
        assertEquals("http://127.0.0.1:" + prod.getAddress().getPort() + "/", config.getMasterUrl());
    }

    @Test
    void aContextTheKubeconfigLacksIsRefusedNotReplacedByTheCurrentOne() {
        Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toString());
        ConfigProblem problem = assertThrows(ConfigProblem.class,
                () -> ApiRoute.config(settings(Optional.empty(), Optional.of("staging"), Optional.empty()), env));
        assertEquals("invalid configuration prober.kubernetes.context: the kubeconfig " + kubeconfig
                + " has no context staging (it has: prod, lab)", problem.getMessage());
        assertEquals(List.of(), prodRequests);
    }

    @Test
    void aMissingKubeconfigFileNamesTheKey() {
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> ApiRoute.check(
                settings(Optional.empty(), Optional.of("lab"), Optional.of(home.resolve("nope").toString())), Map.of()));
        assertEquals("invalid configuration prober.kubernetes.kubeconfig: no kubeconfig file at " + home.resolve("nope")
                + " for context lab", problem.getMessage());
    }

    @Test
    void aUrlAndAContextTogetherAreRefused() {
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> ApiRoute.check(
                settings(Optional.of(URI.create("http://127.0.0.1:8001")), Optional.of("lab"), Optional.empty()), Map.of()));
        assertEquals("invalid configuration prober.kubernetes.context: set either prober.kubernetes.api-server-url or "
                + "prober.kubernetes.context, not both", problem.getMessage());
    }

    @Test
    void aConfiguredUrlIsUsedWithoutCredentialsEvenInAPod() throws ReadFailure {
        Config config = ApiRoute.config(settings(Optional.of(URI.create("http://127.0.0.1:" + lab.getAddress().getPort())),
                Optional.empty(), Optional.empty()), Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBECONFIG", kubeconfig.toString()));
        listPods(config);
        assertEquals(List.of("/api/v1/namespaces/torghut/pods?labelSelector=app%3Dtorghut null"), labRequests);
        assertEquals(List.of(), prodRequests);
    }

    @Test
    void inAPodTheKubeletsAddressTheServiceAccountAndOneTimeoutWithoutRetries() {
        Config config = ApiRoute.config(settings(Optional.empty(), Optional.empty(), Optional.empty()),
                Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "6443", "KUBECONFIG", kubeconfig.toString()));
        assertEquals("https://10.96.0.1:6443/", config.getMasterUrl());
        assertInstanceOf(ServiceAccountToken.class, config.getOauthTokenProvider());
        assertEquals(2000, config.getRequestTimeout());
        assertEquals(0, config.getRequestRetryBackoffLimit());
        assertTrue(config.isHttp2Disable());
        assertEquals("https://[fd00::1]:443/", ApiRoute.config(settings(Optional.empty(), Optional.empty(), Optional.empty()),
                Map.of("KUBERNETES_SERVICE_HOST", "fd00::1")).getMasterUrl());
    }
}
