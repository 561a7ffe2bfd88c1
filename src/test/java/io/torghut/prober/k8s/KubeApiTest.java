package io.torghut.prober.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.torghut.prober.model.AccessProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prober's API client against a real HTTP(S) server: credentials, status codes, TLS with the cluster's CA. */
class KubeApiTest {
    @TempDir
    Path dir;
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    private HttpServer serve(HttpServer server, int status, String body) {
        server.createContext("/", exchange -> answer(exchange, status, body));
        server.start();
        return server;
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static URI uri(HttpServer server, String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void theTokenIsSentAndReReadFromItsFile() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "first\n");
        HttpServer server = serve(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), 200, "{}");
        try {
            KubeApi.TokenFile tokens = new KubeApi.TokenFile(Optional.of(token));
            assertEquals(Optional.of("first"), tokens.value());
            KubeApi api = new KubeApi(new ApiEndpoint(uri(server, "http"), Optional.of(token), Optional.empty()), Duration.ofSeconds(2));
            assertEquals("{}", api.get("/api/v1/namespaces/torghut/pods"));
            assertEquals(List.of("Bearer first"), authorizations);
            Files.delete(token);
            assertEquals(Optional.of("first"), tokens.value(), "a token file gone for a moment keeps the last good token");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aStatusBecomesItsCodeAndNeverTheToken() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "s3cret-token");
        HttpServer server = serve(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), 403, "{\"kind\":\"Status\"}");
        try {
            KubeApi api = new KubeApi(new ApiEndpoint(uri(server, "http"), Optional.of(token), Optional.empty()), Duration.ofSeconds(2));
            ApiException e = assertThrows(ApiException.class, () -> api.get("/apis/serving.knative.dev/v1/namespaces/torghut/services/torghut"));
            assertEquals(403, e.code());
            assertEquals("GET /apis/serving.knative.dev/v1/namespaces/torghut/services/torghut: HTTP 403", e.getMessage());
            AccessProblem problem = AccessClassifier.classify(e, "get", "services.serving.knative.dev", "torghut", "torghut");
            assertEquals(AccessProblem.Kind.FORBIDDEN, problem.kind());
            assertFalse(problem.describe().contains("s3cret"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsAClearFailure() throws IOException {
        HttpServer server = serve(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), 200, "<html>proxy login</html>");
        try {
            KubernetesReads reads = new KubernetesReads(new KubeApi(new ApiEndpoint(uri(server, "http"), Optional.empty(), Optional.empty()),
                    Duration.ofSeconds(2)), "torghut", 2000);
            ReadFailure failure = assertThrows(ReadFailure.class, () -> reads.get(KubernetesReads.KSVC, "torghut"));
            assertEquals(AccessProblem.Kind.OTHER, failure.problem().kind());
            assertTrue(failure.problem().detail().contains("not a JSON object"), failure.problem().detail());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void httpsIsTrustedThroughTheClustersCaAndOnlyThroughIt() throws Exception {
        Path keystore = dir.resolve("api.p12");
        Path ca = dir.resolve("ca.crt");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "api", "-keyalg", "EC", "-dname", "CN=kubernetes", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "api", "-file", ca.toString(), "-keystore", keystore.toString(),
                "-storepass", "changeit");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        serve(server, 200, "{\"items\":[]}");
        try {
            KubeApi trusted = new KubeApi(new ApiEndpoint(uri(server, "https"), Optional.empty(), Optional.of(ca)), Duration.ofSeconds(3));
            assertEquals("{\"items\":[]}", trusted.get("/api/v1/namespaces/torghut/pods"));
            KubeApi untrusted = new KubeApi(new ApiEndpoint(uri(server, "https"), Optional.empty(), Optional.empty()), Duration.ofSeconds(3));
            ApiException e = assertThrows(ApiException.class, () -> untrusted.get("/api/v1/namespaces/torghut/pods"));
            assertEquals(0, e.code());
        } finally {
            server.stop(0);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }
}
