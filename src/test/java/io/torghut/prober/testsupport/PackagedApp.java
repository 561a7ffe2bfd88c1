package io.torghut.prober.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged prober ({@code target/quarkus-app/quarkus-run.jar}) run as its own process on a free port, with a
 * controlled environment (none of the prober's variables inherited from the build) and its output in a file.
 */
public final class PackagedApp implements AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Variables the prober reads; cleared so that the build machine's environment cannot change the outcome. */
    private static final List<String> OWN_PREFIXES = List.of("PROBER_", "TORGHUT_", "TA_CLICKHOUSE_", "DB_DSN", "QUARKUS_", "PORT", "MANAGEMENT_PORT");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path output;
    private final int port;
    private final int managementPort;

    private PackagedApp(Process process, Path output, int port, int managementPort) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Launches the jar with exactly {@code env} (plus PATH/HOME etc.); returns at once. */
    public static PackagedApp launch(String name, Map<String, String> env) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests with ./mvnw verify (after package)");
        }
        int port = TestServices.freePort();
        int managementPort = TestServices.freePort();
        Path output = Path.of("target", "it-logs", name + ".log");
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-jar", JAR.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(key -> OWN_PREFIXES.stream().anyMatch(key::startsWith));
            builder.environment().putAll(env);
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
            return new PackagedApp(builder.start(), output, port, managementPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch " + JAR, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself; empty exit code when it is still running after {@code timeout}. */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Waits until the management port answers {@code /q/health/live}; fails when the process dies first. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the prober exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get("/q/health/live", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the prober did not answer within " + timeout + ":\n" + output());
    }

    /** GET on the application port, or on the management port for {@code /q/...} (health and metrics, issue 11). */
    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        int target = path.startsWith("/q/") ? managementPort : port;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + path)).timeout(Duration.ofSeconds(5));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Resident memory from /proc, in KiB (Linux). */
    public long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** SIGTERM, as Kubernetes stops a pod; then waits for the graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
