package io.torghut.prober.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Healthy dependencies on loopback, so that a healthy Kubernetes scenario can be checked for "no findings at all":
 * a throwaway PostgreSQL 15 (Debian binaries, private port and directory, trust auth), and small HTTP stand-ins for
 * Torghut ({@code /healthz}, {@code /trading/health}) and ClickHouse's HTTP interface ({@code /ping}, {@code SELECT 1},
 * the freshness query answering "5 seconds old").
 */
public class LoopbackDependencies implements QuarkusTestResourceLifecycleManager {
    private static final String PGBIN = "/usr/lib/postgresql/15/bin";
    private HttpServer torghut;
    private HttpServer clickhouse;
    private Path pgDir;

    @Override
    public Map<String, String> start() {
        try {
            torghut = server(exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/healthz")) {
                    reply(exchange, 200, "ok");
                } else if (path.equals("/trading/health")) {
                    reply(exchange, 200, "{\"status\":\"ok\",\"dependencies\":{\"postgres\":{\"ok\":true},\"clickhouse\":{\"ok\":true}}}");
                } else {
                    reply(exchange, 404, "not found");
                }
            });
            clickhouse = server(exchange -> {
                if (exchange.getRequestURI().getPath().equals("/ping")) {
                    reply(exchange, 200, "Ok.\n");
                    return;
                }
                String sql = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                reply(exchange, 200, sql.startsWith("SELECT 1") ? "1\n" : "1000\t5\n");
            });
            int pgPort = freePort();
            startPostgres(pgPort);
            return Map.of(
                    "prober.torghut.url", "http://127.0.0.1:" + torghut.getAddress().getPort(),
                    "prober.clickhouse.url", "http://127.0.0.1:" + clickhouse.getAddress().getPort(),
                    "prober.postgres.dsn", "postgresql://postgres@127.0.0.1:" + pgPort + "/postgres");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("loopback dependencies did not start: " + e, e);
        }
    }

    @Override
    public void stop() {
        if (torghut != null) {
            torghut.stop(0);
        }
        if (clickhouse != null) {
            clickhouse.stop(0);
        }
        if (pgDir != null) {
            try {
                run(List.of(PGBIN + "/pg_ctl", "-D", pgDir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
            } catch (IOException | InterruptedException e) {
                // the directory goes anyway
            }
            try (var files = Files.walk(pgDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }

    private void startPostgres(int port) throws IOException, InterruptedException {
        pgDir = Files.createTempDirectory("prober-k8s-pg");
        if (root()) {
            run(List.of("chown", "postgres:postgres", pgDir.toString()));
        }
        run(List.of(PGBIN + "/initdb", "-D", pgDir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-N"));
        run(List.of(PGBIN + "/pg_ctl", "-D", pgDir.resolve("data").toString(), "-l", pgDir.resolve("server.log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -k " + pgDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** initdb and postgres refuse to run as root: run them as the postgres user then. */
    private static void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root() && !command.get(0).equals("chown")) {
            full.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
