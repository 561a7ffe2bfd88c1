package io.torghut.prober.feature.metrics;

import io.torghut.prober.testsupport.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway real Prometheus (the Debian {@code prometheus} binary) on a free loopback port, scraping one target
 * every second. Stopped and its directory deleted on close.
 */
final class LocalPrometheus implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final Path dir;
    private final int port;

    private LocalPrometheus(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static LocalPrometheus scraping(String target, String metricsPath) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("operate-prometheus");
        Files.writeString(dir.resolve("prometheus.yml"), "global: {scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s}\n"
                + "scrape_configs:\n  - job_name: torghut-prober\n    metrics_path: " + metricsPath + "\n"
                + "    static_configs: [{targets: ['" + target + "']}]\n");
        int port = TestServices.freePort();
        Process process;
        try {
            process = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("prometheus is not installed: run scripts/test-services.sh install (Debian package prometheus)", e);
        }
        LocalPrometheus prometheus = new LocalPrometheus(process, dir, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited:\n" + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                if (prometheus.get("/-/ready").statusCode() == 200) {
                    return prometheus;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        prometheus.close();
        throw new IllegalStateException("prometheus did not become ready in 30s");
    }

    /** {@code /api/v1/query}: the HTTP status and the JSON body (a parse error is a 400 with errorType bad_data). */
    HttpResponse<String> query(String expr) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
