package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.BareRepoResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bounded work per connection, on a raw socket: a client that declares a huge body (or streams a chunked one without
 * end) gets a 413 JSON answer and a closed connection after the server read at most the drain limit, plus what the
 * kernel's socket buffers hold. Before, one connection had 1 GiB read from it and stayed open.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(BareRepoResource.class)
class PauseBodyLimitSocketTest {
    private static final long GIB = 1L << 30;
    /** Loopback socket buffers: what the client's kernel accepted and the server's kernel holds unread. */
    private static final long SLACK = 8L << 20;
    private static final byte[] CHUNK = new byte[64 * 1024];

    record Exchange(String response, long sent, boolean closed, long millis) {
        int status() {
            return Integer.parseInt(response.substring(9, 12));
        }

        JsonNode body() throws IOException {
            return new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    @Test
    void declaredHugeBodyIsAnswered413AndTheConnectionClosedAfterTheDrainLimit() throws Exception {
        Exchange exchange = stream("Content-Length: " + GIB + "\r\n", false);
        System.out.printf("PAUSE_413 declared 1 GiB: client wrote %d bytes before the close (drain limit %d), %d ms%n",
                exchange.sent(), PauseBodyLimit.DRAIN_LIMIT, exchange.millis());
        assertEquals(413, exchange.status(), exchange.response());
        assertEquals("payload_too_large", exchange.body().get("error").asText(), exchange.response());
        assertTrue(exchange.closed(), "the server must close the connection after a 413");
        assertTrue(exchange.sent() <= PauseBodyLimit.DRAIN_LIMIT + SLACK, "read " + exchange.sent() + " bytes");
    }

    /**
     * An HTTP/2 client (curl upgrading with h2c, as the JDK client does by default) must get a well-formed 413: a
     * "Connection" header is prohibited in HTTP/2, and curl answered PROTOCOL_ERROR while the JDK client rejected the
     * whole answer as malformed (seen first against the native executable in PackagedKubernetesIT).
     */
    @Test
    void declaredHugeBodyOverHttp2IsAWellFormed413() throws Exception {
        Path body = Files.createTempFile("pause-413-", ".json");
        Path answer = Files.createTempFile("pause-413-", ".out");
        try {
            Files.writeString(body, "{\"reason\": \"" + "x".repeat(1024 * 1024) + "\"}");
            Process curl = new ProcessBuilder("curl", "-sS", "--http2", "--max-time", "30", "-o", answer.toString(),
                    "-w", "%{http_version} %{http_code}", "-H", "Content-Type: application/json", "--data-binary", "@" + body,
                    "http://127.0.0.1:" + RestAssured.port + "/pause").redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, curl.exitValue(), "curl: " + out);
            assertEquals("2 413", out.trim());
            assertEquals("payload_too_large", new ObjectMapper().readTree(Files.readString(answer)).get("error").asText());
        } finally {
            Files.deleteIfExists(body);
            Files.deleteIfExists(answer);
        }
    }

    @Test
    void endlessChunkedBodyIsAnswered413AndTheConnectionClosedAfterTheDrainLimit() throws Exception {
        Exchange exchange = stream("Transfer-Encoding: chunked\r\n", true);
        System.out.printf("PAUSE_413 chunked without end: client wrote %d bytes before the close (limit %d + drain %d), %d ms%n",
                exchange.sent(), PauseResource.MAX_BODY, PauseBodyLimit.DRAIN_LIMIT, exchange.millis());
        assertEquals(413, exchange.status(), exchange.response());
        assertEquals("payload_too_large", exchange.body().get("error").asText(), exchange.response());
        assertTrue(exchange.closed(), "the server must close the connection after a 413");
        assertTrue(exchange.sent() <= PauseResource.MAX_BODY + PauseBodyLimit.DRAIN_LIMIT + SLACK, "read " + exchange.sent() + " bytes");
    }

    /** Sends the headers, then body bytes until the server closes (or 1 GiB); reads the answer meanwhile. */
    private static Exchange stream(String framing, boolean chunked) throws Exception {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(64 * 1024);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /pause HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + PauseResourceTest.BEARER
                    + "\r\nContent-Type: application/json\r\n" + framing + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String prefix = "{\"reason\": \"";
            out.write(((chunked ? Integer.toHexString(prefix.length()) + "\r\n" + prefix + "\r\n" : prefix)).getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                java.util.Arrays.fill(CHUNK, (byte) 'x');
                byte[] header = (Integer.toHexString(CHUNK.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < GIB) {
                        if (chunked) {
                            out.write(header);
                        }
                        out.write(CHUNK);
                        if (chunked) {
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        sent.addAndGet(CHUNK.length);
                    }
                } catch (IOException closedByServer) {
                    // expected: the server stopped reading and closed
                }
            });
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            boolean closed = false;
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    response.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            socket.close();
            writer.get(30, TimeUnit.SECONDS);
            return new Exchange(response.toString(StandardCharsets.UTF_8), sent.get(), closed, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
