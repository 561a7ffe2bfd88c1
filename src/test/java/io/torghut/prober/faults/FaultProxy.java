package io.torghut.prober.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP reverse proxy in front of a server (here the fabric8 Kubernetes mock server) that injects faults on
 * demand: pass through, answer 500 with a Kubernetes Status body, or hang (hold the request without answering).
 * The prober is configured with the proxy's URL, so a fault can start and end while the app runs.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does with the next requests. */
    public enum Mode { PASS, ERROR_500, HANG }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade",
            "expect", "keep-alive", "te", "trailer", "http2-settings");
    private static final String STATUS_500 = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
            + "\"message\":\"etcdserver: request timed out\",\"reason\":\"InternalError\",\"code\":500}";
    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Mode mode = Mode.PASS;

    private FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Starts on a free loopback port, forwarding to {@code target} (scheme://host:port). */
    public static FaultProxy to(URI target) {
        try {
            return new FaultProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("fault proxy cannot listen", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void mode(Mode next) {
        synchronized (this) {
            mode = next;
            notifyAll();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (mode) {
                case ERROR_500 -> reply(exchange, 500, STATUS_500.getBytes(StandardCharsets.UTF_8), "application/json");
                case HANG -> hangWhileFaulty(exchange);
                default -> forward(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Holds the request (at most a minute) and never answers it: the client has to give up by its own timeout. */
    private void hangWhileFaulty(HttpExchange exchange) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        synchronized (this) {
            while (mode == Mode.HANG && System.nanoTime() < until) {
                wait(200);
            }
        }
        exchange.close();
    }

    private void forward(HttpExchange exchange) throws IOException, InterruptedException {
        URI uri = target.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        send(exchange, response.statusCode(), response.body());
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        mode(Mode.PASS);
        server.stop(0);
        threads.shutdownNow();
    }
}
