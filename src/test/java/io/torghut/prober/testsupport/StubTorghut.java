package io.torghut.prober.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for Torghut on a raw {@link ServerSocket}, so it can misbehave the ways a real service does: answer
 * 200 or Torghut's 503 JSON, send garbage, answer slowly, accept the connection and never answer, or reset the
 * connection in the middle of a response. The mode of each path is set in-process with {@link #set} or, from
 * another class loader (a {@code @QuarkusTest}), over HTTP with {@link #remote}: {@code GET /__stub/set?path=&mode=}.
 */
public final class StubTorghut implements AutoCloseable {
    public static final String OK_BODY = "{\"status\":\"ok\",\"service\":\"torghut\"}";
    public static final String DEGRADED_BODY = "{\"status\":\"degraded\",\"dependencies\":{\"postgres\":{\"ok\":false,"
            + "\"detail\":\"connection refused\"},\"clickhouse\":{\"ok\":true}}}";
    /** Torghut's 503 when its own dependency check cannot reach ClickHouse (Postgres fine). */
    public static final String CLICKHOUSE_DOWN_BODY = "{\"status\":\"degraded\",\"dependencies\":{\"postgres\":{\"ok\":true},"
            + "\"clickhouse\":{\"ok\":false,\"detail\":\"HTTPConnectionPool(host='torghut-clickhouse', port=8123): Max retries exceeded\"}}}";

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "stub-torghut");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, String> modes = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private StubTorghut(ServerSocket server) {
        this.server = server;
        connections.execute(this::acceptLoop);
    }

    /** Starts on a free loopback port with {@code /healthz} and {@code /trading/health} answering {@code ok}. */
    public static StubTorghut start() {
        try {
            StubTorghut stub = new StubTorghut(new ServerSocket(0, 50, InetAddress.getByName(TestServices.HOST)));
            stub.set("/healthz", "ok");
            stub.set("/trading/health", "ok");
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("stub cannot listen", e);
        }
    }

    public String url() {
        return "http://" + TestServices.HOST + ":" + server.getLocalPort();
    }

    /**
     * Modes: {@code ok}, {@code degraded} (503 + Torghut's JSON), {@code clickhouse-down} (503, ClickHouse not ok),
     * {@code status:NNN}, {@code garbage} (bytes that
     * are not HTTP), {@code garbage-body} (200 with a body that is not JSON), {@code slow:MILLIS} (then ok),
     * {@code hang} (never answers), {@code reset} (headers and half a body, then a TCP reset).
     */
    public void set(String path, String mode) {
        modes.put(path, mode);
    }

    /** Sets a mode on a stub running in another class loader or process. */
    public static void remote(String stubUrl, String path, String mode) {
        URI uri = URI.create(stubUrl + "/__stub/set?path=" + path + "&mode=" + mode);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stub refused " + uri + ": " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("stub unreachable at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            String target = requestTarget(socket.getInputStream());
            if (target == null) {
                return;
            }
            URI uri = URI.create(target);
            if ("/__stub/set".equals(uri.getPath())) {
                Map<String, String> query = query(uri.getRawQuery());
                set(query.get("path"), query.get("mode"));
                write(socket, 200, "set");
                return;
            }
            String mode = modes.get(uri.getPath());
            behave(socket, mode == null ? "status:404" : mode);
        } catch (IOException | InterruptedException gone) {
            // the client gave up or the stub is closing
        } finally {
            open.remove(socket);
        }
    }

    private void behave(Socket socket, String mode) throws IOException, InterruptedException {
        String[] parts = mode.split(":", 2);
        switch (parts[0]) {
            case "ok" -> write(socket, 200, OK_BODY);
            case "degraded" -> write(socket, 503, DEGRADED_BODY);
            case "clickhouse-down" -> write(socket, 503, CLICKHOUSE_DOWN_BODY);
            case "status" -> write(socket, Integer.parseInt(parts[1]), "{\"status\":\"error\"}");
            case "garbage" -> {
                OutputStream out = socket.getOutputStream();
                out.write("\u0000\u0001 this is not HTTP at all\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            case "garbage-body" -> write(socket, 200, "<html>certainly not json");
            case "slow" -> {
                Thread.sleep(Long.parseLong(parts[1]));
                write(socket, 200, OK_BODY);
            }
            case "hang" -> {
                // Keep the connection open without a byte of answer until the client hangs up or the stub closes.
                while (socket.getInputStream().read() >= 0) {
                    // discard
                }
            }
            case "reset" -> {
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"sta")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
            }
            default -> write(socket, 500, "unknown stub mode " + mode);
        }
    }

    private static void write(Socket socket, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Reads the request head and returns the request target, or null when the client sent nothing. */
    private static String requestTarget(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && head.size() < 16384 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] requestLine = head.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0].split(" ");
        return requestLine.length >= 2 ? requestLine[1] : null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new ConcurrentHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        connections.shutdownNow();
    }
}
