package io.torghut.prober.http;

import io.torghut.prober.core.Causes;
import io.torghut.prober.core.FailureReason;
import io.torghut.prober.core.ProbeFailure;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The one place the prober makes HTTP calls. Every call has a deadline covering connect, headers and body,
 * and every failure comes back as a classified {@link ProbeFailure} whose message names no credentials.
 */
@ApplicationScoped
public class HttpFetcher {
    /** Bodies are only read for small JSON documents and error texts; more is not read at all. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final HttpClient client;

    public HttpFetcher() {
        this(HttpClient.newBuilder()
                // The JDK client's own tasks (completing the exchange, delivering the body) run on its selector thread
                // instead of being handed to a pool thread each: nothing in them blocks (the body subscriber only
                // copies bytes), and each hand-off cost CPU per probe (README, CPU per probe).
                .executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    HttpFetcher(HttpClient client) {
        this.client = client;
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
                client.sendAsync(request, info -> new LimitedBodySubscriber(MAX_BODY_BYTES));
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
