package io.torghut.prober.k8s;

import io.torghut.prober.http.LimitedBodySubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The prober's whole Kubernetes client: REST calls on the JDK's HTTP client, each bounded by one timeout and never
 * retried (the caller's schedule is the retry). It replaces fabric8's client, whose model classes made most of the
 * native image (README, Memory). The bearer token is re-read every minute: the kubelet rotates bound ServiceAccount
 * tokens, and a token read once at start expires under a long-running prober.
 */
public final class KubeApi {
    /** Below this the API server cannot answer even on loopback. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    /** Lists of a few revisions and pods; a body this large means something is wrong, not that more should be read. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    static final Duration TOKEN_REFRESH = Duration.ofMinutes(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final ApiEndpoint endpoint;
    /** The base URL without a trailing slash: request paths start with one. */
    private final String base;
    private final HttpClient http;
    private final TokenFile token;
    private final Duration timeout;

    public KubeApi(ApiEndpoint endpoint, Duration timeout) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).sslContext(sslContext(endpoint.caFile())).build(),
                new TokenFile(endpoint.tokenFile()), timeout);
    }

    private KubeApi(ApiEndpoint endpoint, HttpClient http, TokenFile token, Duration timeout) {
        this.endpoint = endpoint;
        this.base = endpoint.base().toString().replaceAll("/+$", "");
        this.http = http;
        this.token = token;
        this.timeout = timeout.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : timeout;
    }

    /** The same connection and credentials, with another per-request timeout. */
    public KubeApi withTimeout(Duration requestTimeout) {
        return new KubeApi(endpoint, http, token, requestTimeout);
    }

    public Duration timeout() {
        return timeout;
    }

    /** GET; the body of a 2xx answer. */
    public String get(String path) {
        return send("GET", path, null, null);
    }

    /**
     * One request; the body of a 2xx answer.
     *
     * @throws ApiException on any other status (with its code) and on any transport failure (code 0)
     */
    public String send(String method, String path, String contentType, String body) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json, */*")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        token.value().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        String what = method + " " + uri.getRawPath();
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request.build(), info -> new LimitedBodySubscriber(MAX_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ApiException(0, what + ": no answer within " + timeout.toMillis() + "ms", e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(0, what + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new ApiException(0, what + ": " + e.getCause(), e.getCause());
        }
        if (response.body().length >= MAX_BODY_BYTES) {
            throw new ApiException(0, what + ": answer larger than " + MAX_BODY_BYTES + " bytes, not read", null);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(response.statusCode(), what + ": HTTP " + response.statusCode(), null);
        }
        return text;
    }

    /** The cluster's CA when given (the pod's ca.crt), else the JDK's trust store. */
    static SSLContext sslContext(Optional<Path> caFile) {
        try {
            if (caFile.isEmpty() || !Files.isReadable(caFile.get())) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(caFile.get())) {
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("ca-" + i++, certificate);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the Kubernetes CA " + caFile.get() + ": " + e.getMessage(), e);
        }
    }

    /** The bearer token, read from its file at most once a {@link #TOKEN_REFRESH}. Never logged. */
    static final class TokenFile {
        private final Optional<Path> file;
        private volatile String value;
        private volatile long readAtNanos;

        TokenFile(Optional<Path> file) {
            this.file = file;
        }

        Optional<String> value() {
            if (file.isEmpty()) {
                return Optional.empty();
            }
            long now = System.nanoTime();
            if (value == null || now - readAtNanos > TOKEN_REFRESH.toNanos()) {
                try {
                    value = Files.readString(file.get()).trim();
                } catch (IOException e) {
                    value = value == null ? "" : value; // keep the last good token; an absent file means none
                }
                readAtNanos = now;
            }
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }
}
