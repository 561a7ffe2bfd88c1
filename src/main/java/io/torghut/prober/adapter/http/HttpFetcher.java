package io.torghut.prober.adapter.http;

import io.torghut.prober.shared.Causes;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The one place the prober makes HTTP calls. Every call has a deadline covering connect, headers and body,
 * and every failure comes back as a classified {@link ProbeFailure} whose message names no credentials.
 *
 * <p>Two clients: {@code http://} targets (the usual in-cluster case) go through one that never loads a trust store;
 * the client for {@code https://} targets, which reads the JDK's CA certificates, is built on the first https request.
 * Building the JDK client eagerly parsed those ~150 certificates in every process (README, Memory).
 *
 * <p>{@code @Singleton}, not {@code @ApplicationScoped}: a normal-scoped bean gets a client proxy that is a subclass,
 * and its constructor built a second, never used HTTP client with its own selector thread.
 */
@Singleton
public class HttpFetcher {
    /** Bodies are only read for small JSON documents and error texts; more is not read at all. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    /** The plain client's trust: nobody (it never makes a TLS connection). */
    static final X509TrustManager REFUSE_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the http:// client trusts no TLS peer");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the http:// client trusts no TLS peer");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private final HttpClient plain;
    private final Supplier<HttpClient> tlsFactory;
    private volatile HttpClient tls;

    public HttpFetcher() {
        this(builder().sslContext(noTrust()).build(), () -> builder().build());
    }

    HttpFetcher(HttpClient client) {
        this(client, () -> client);
    }

    HttpFetcher(HttpClient plain, Supplier<HttpClient> tlsFactory) {
        this.plain = plain;
        this.tlsFactory = tlsFactory;
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                // The JDK client's own tasks (completing the exchange, delivering the body) run on its selector thread
                // instead of being handed to a pool thread each: nothing in them blocks (the body subscriber only
                // copies bytes), and each hand-off cost CPU per probe (README, CPU per probe).
                .executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
    }

    /**
     * The plain client's TLS settings. It only ever gets http:// URLs and never follows redirects, so it never makes a
     * TLS connection; the JDK client still wants a context, and this one needs no trust store. Should it ever be asked
     * to trust a server, it refuses.
     */
    static SSLContext noTrust() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {REFUSE_ALL}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS context: " + e.getMessage(), e);
        }
    }

    /** The client for this URL: https:// ones get the trust-store client, built on first use. */
    HttpClient clientFor(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return plain;
        }
        HttpClient client = tls;
        if (client == null) {
            synchronized (this) {
                client = tls;
                if (client == null) {
                    client = tlsFactory.get();
                    tls = client;
                }
            }
        }
        return client;
    }

    /** GET with the given headers; the deadline covers the whole exchange. */
    public HttpReply get(URI uri, Map<String, String> headers, Duration deadline) throws ProbeFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(deadline);
        headers.forEach(request::header);
        return send(request.build(), deadline);
    }

    /** POST of a text body (ClickHouse queries go in the body so they never show up in URLs). */
    public HttpReply post(URI uri, Map<String, String> headers, String body, Duration deadline) throws ProbeFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).timeout(deadline);
        headers.forEach(request::header);
        return send(request.build(), deadline);
    }

    private HttpReply send(HttpRequest request, Duration deadline) throws ProbeFailure {
        CompletableFuture<HttpResponse<byte[]>> pending =
                clientFor(request.uri()).sendAsync(request, info -> new LimitedBodySubscriber(MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new HttpReply(response.statusCode(), lowerCaseNames(response), text(response.body()));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ProbeFailure(FailureReason.TIMEOUT, "no answer within " + deadline.toMillis() + "ms from " + where(request.uri()));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProbeFailure(FailureReason.TIMEOUT, "interrupted while waiting for " + where(request.uri()));
        } catch (ExecutionException e) {
            throw classify(e.getCause(), request.uri());
        }
    }

    /** Maps transport exceptions to reasons; the message carries the host, never the query or credentials. */
    static ProbeFailure classify(Throwable cause, URI uri) {
        String where = where(uri);
        Throwable root = Causes.root(cause);
        if (cause instanceof HttpConnectTimeoutException) {
            return new ProbeFailure(FailureReason.TIMEOUT, "connect timed out to " + where);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProbeFailure(FailureReason.TIMEOUT, "no answer in time from " + where);
        }
        if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
            return new ProbeFailure(FailureReason.DNS, "host name does not resolve: " + uri.getHost());
        }
        if (root instanceof SSLException || cause instanceof SSLException) {
            return new ProbeFailure(FailureReason.TLS, "TLS failure talking to " + where + ": " + safe(root));
        }
        // JDK 17 reports a refused connection as ConnectException caused by ClosedChannelException: look along the chain.
        if (Causes.causedBy(cause, ConnectException.class)) {
            return new ProbeFailure(FailureReason.CONNECT, "connection refused by " + where);
        }
        if (root instanceof IOException) {
            return new ProbeFailure(FailureReason.CONNECT, "connection to " + where + " failed: " + safe(root));
        }
        return new ProbeFailure(FailureReason.ERROR, "request to " + where + " failed: " + safe(root));
    }

    private static String safe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** scheme://host:port only: paths may carry queries and user-info may carry passwords. */
    public static String where(URI uri) {
        int port = uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + (port > 0 ? ":" + port : "");
    }

    private static Map<String, java.util.List<String>> lowerCaseNames(HttpResponse<?> response) {
        Map<String, java.util.List<String>> names = new TreeMap<>();
        response.headers().map().forEach((k, v) -> names.put(k.toLowerCase(Locale.ROOT), v));
        return names;
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
