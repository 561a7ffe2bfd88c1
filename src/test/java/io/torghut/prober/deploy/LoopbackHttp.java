package io.torghut.prober.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Stands in for the prober's two ends on 127.0.0.1 (ephemeral port): {@code GET /q/metrics} answers a fixed scrape,
 * {@code POST /pause} hands each webhook body to a consumer.
 */
final class LoopbackHttp implements AutoCloseable {
    /** Receives a webhook body; may throw (the request then gets a 500, as a failing prober would answer). */
    interface Webhook {
        void accept(String body) throws IOException;
    }

    private final HttpServer server;

    private LoopbackHttp(HttpServer server) {
        this.server = server;
    }

    static LoopbackHttp start(String scrape, Webhook webhook) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/q/metrics", exchange -> {
            byte[] body = scrape.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/pause", exchange -> {
            int status = 200;
            try {
                webhook.accept(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                status = 500;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return new LoopbackHttp(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    static String get(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
