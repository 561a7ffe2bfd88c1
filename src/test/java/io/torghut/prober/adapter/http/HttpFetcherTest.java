package io.torghut.prober.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HttpFetcherTest {
    /** User-info, path and query all carry things that must never reach a message. */
    private static final URI URL = URI.create("https://probe:s3cret-pass@torghut.torghut.svc:8443/trading/health?token=t0ken");

    private static Throwable caused(Throwable outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"), FailureReason.TIMEOUT,
                        "connect timed out to https://torghut.torghut.svc:8443"),
                Arguments.of(new HttpTimeoutException("request timed out"), FailureReason.TIMEOUT,
                        "no answer in time from https://torghut.torghut.svc:8443"),
                // what JDK 17's HttpClient reports for a refused connection
                Arguments.of(caused(new ConnectException(), new ClosedChannelException()), FailureReason.CONNECT,
                        "connection refused by https://torghut.torghut.svc:8443"),
                Arguments.of(new ConnectException("Connection refused"), FailureReason.CONNECT,
                        "connection refused by https://torghut.torghut.svc:8443"),
                // what it reports for a name that does not resolve
                Arguments.of(caused(new ConnectException(), new UnresolvedAddressException()), FailureReason.DNS,
                        "host name does not resolve: torghut.torghut.svc"),
                Arguments.of(new UnknownHostException("torghut.torghut.svc"), FailureReason.DNS,
                        "host name does not resolve: torghut.torghut.svc"),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), FailureReason.TLS,
                        "TLS failure talking to https://torghut.torghut.svc:8443: SSLHandshakeException (PKIX path building failed)"),
                Arguments.of(caused(new IOException("wrapped"), new SSLException("Unsupported or unrecognized SSL message")),
                        FailureReason.TLS, "TLS failure talking to https://torghut.torghut.svc:8443: SSLException (Unsupported or unrecognized SSL message)"),
                Arguments.of(new IOException("HTTP/1.1 header parser received no bytes"), FailureReason.CONNECT,
                        "connection to https://torghut.torghut.svc:8443 failed: IOException (HTTP/1.1 header parser received no bytes)"),
                Arguments.of(new IllegalStateException("boom"), FailureReason.ERROR,
                        "request to https://torghut.torghut.svc:8443 failed: IllegalStateException (boom)"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    void classify(Throwable cause, FailureReason reason, String message) {
        ProbeFailure failure = HttpFetcher.classify(cause, URL);
        assertEquals(reason, failure.reason());
        assertEquals(message, failure.getMessage());
        for (String hidden : new String[] {"/trading", "token", "t0ken", "probe:", "s3cret"}) {
            assertFalse(failure.getMessage().contains(hidden), failure.getMessage() + " contains " + hidden);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://torghut.torghut.svc.cluster.local/healthz,        http://torghut.torghut.svc.cluster.local",
            "https://u:p@h:8443/x?y=z#f,                              https://h:8443",
            "http://[::1]:18123/?database=torghut,                    http://[::1]:18123",
            "http://127.0.0.1:8123,                                   http://127.0.0.1:8123",
    })
    void whereIsSchemeHostAndPortOnly(URI uri, String where) {
        assertEquals(where, HttpFetcher.where(uri));
    }

    /** One real exchange with nothing listening: the JDK's own exception shape must come out as CONNECT. */
    @Test
    void refusedConnectionOnLoopbackIsConnect() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/healthz?secret=x");
        ProbeFailure failure = assertThrows(ProbeFailure.class,
                () -> new HttpFetcher().get(uri, Map.of(), Duration.ofSeconds(5)));
        assertEquals(FailureReason.CONNECT, failure.reason());
        assertEquals("connection refused by http://127.0.0.1:" + port, failure.getMessage());
    }

    /** http:// targets never build the client that reads the JDK's CA certificates; the first https:// one does, once. */
    @Test
    void theTrustStoreClientIsBuiltOnlyForHttpsAndOnlyOnce() {
        HttpClient plain = HttpClient.newBuilder().sslContext(HttpFetcher.noTrust()).build();
        HttpClient tls = HttpClient.newBuilder().sslContext(HttpFetcher.noTrust()).build();
        AtomicInteger built = new AtomicInteger();
        HttpFetcher fetcher = new HttpFetcher(plain, () -> {
            built.incrementAndGet();
            return tls;
        });
        assertSame(plain, fetcher.clientFor(URI.create("http://torghut.torghut.svc/healthz")));
        assertSame(plain, fetcher.clientFor(URI.create("HTTP://clickhouse:8123/")));
        assertEquals(0, built.get());
        assertSame(tls, fetcher.clientFor(URI.create("https://torghut.torghut.svc/healthz")));
        assertSame(tls, fetcher.clientFor(URI.create("HTTPS://other:8443/")));
        assertEquals(1, built.get());
    }

    /** Should the http:// client ever be handed a TLS peer, it trusts none (a certificate check, not a silent accept). */
    @Test
    void theHttpClientsTlsContextTrustsNobody() {
        assertNotNull(HttpFetcher.noTrust());
        assertThrows(CertificateException.class, () -> HttpFetcher.REFUSE_ALL.checkServerTrusted(new X509Certificate[0], "EC"));
        assertThrows(CertificateException.class, () -> HttpFetcher.REFUSE_ALL.checkClientTrusted(new X509Certificate[0], "EC"));
        assertEquals(0, HttpFetcher.REFUSE_ALL.getAcceptedIssuers().length);
    }
}
