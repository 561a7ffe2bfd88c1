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
 * The packaged prober run as its own process on a free port, with a controlled environment (none of the prober's
 * variables inherited from the build) and its output in a file: the native executable ({@code target/*-runner},
 * path from failsafe's {@code native.image.path}) when the build was native ({@code ./mvnw verify -Dnative}), else
 * {@code target/quarkus-app/quarkus-run.jar} on this JVM. Options ({@code -D...}, {@code -Xmx...}) are given the same
 * way to both: a native executable reads them from its command line, and never reads {@code JAVA_TOOL_OPTIONS}.
 */
public final class PackagedApp implements AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Heap of the packaged app in the tests: the same for the JVM and native, as in the shipped image. */
    public static final String HEAP = "-Xmx64m";
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

    /** Launches the app with exactly {@code env} (plus PATH/HOME etc.); returns at once. */
    public static PackagedApp launch(String name, Map<String, String> env) {
        return launch(name, env, List.of());
    }

    /** As {@link #launch(String, Map)}, with system properties or heap options for the process. */
    public static PackagedApp launch(String name, Map<String, String> env, List<String> options) {
        int port = TestServices.freePort();
        int managementPort = TestServices.freePort();
        Path output = Path.of("target", "it-logs", name + ".log");
        try {
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command(options))
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(key -> OWN_PREFIXES.stream().anyMatch(key::startsWith));
            builder.environment().putAll(env);
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
            return new PackagedApp(builder.start(), output, port, managementPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch the packaged app", e);
        }
    }

    /** True when failsafe runs against the native executable ({@code -Dnative}). */
    public static boolean nativeBuild() {
        return Boolean.parseBoolean(System.getProperty("quarkus.native.enabled", "false"));
    }

    /** What is launched: the native executable or the jar, named in test output. */
    public static String flavour() {
        return nativeBuild() ? "native " + nativeExecutable() : "JVM " + JAR;
    }

    private static Path nativeExecutable() {
        return Path.of(System.getProperty("native.image.path", "target/native-image-path-not-set"));
    }

    private static List<String> command(List<String> options) {
        List<String> command = new java.util.ArrayList<>();
        if (nativeBuild()) {
            Path runner = nativeExecutable();
            if (!Files.isExecutable(runner)) {
                throw new IllegalStateException(runner + " is missing: a native build (-Dnative) packages it before the ITs run");
            }
            command.add(runner.toString());
        } else {
            if (!Files.isRegularFile(JAR)) {
                throw new IllegalStateException(JAR + " is missing: run the integration tests with ./mvnw verify (after package)");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        command.add(HEAP);
        command.addAll(options);
        if (!nativeBuild()) {
            command.addAll(List.of("-jar", JAR.toString()));
        }
        return command;
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
                if (management("/q/health/live").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the prober did not answer within " + timeout + ":\n" + output());
    }

    /** The port of /q/metrics and /q/health: the management interface (issue 11). */
    public int managementPort() {
        return managementPort;
    }

    /** GET on the management port ({@code /q/metrics}, {@code /q/health/...}). */
    public HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + path)).timeout(Duration.ofSeconds(5)));
    }

    public int port() {
        return port;
    }

    /** POST with a JSON body and optional bearer token. */
    public HttpResponse<String> post(String path, String contentType, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** GET with a bearer token. */
    public HttpResponse<String> getAuthorized(String path, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + bearer));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    /**
     * Stack-trace lines of the output, except those of Vert.x's blocked-thread warnings: on a starved CI machine (load
     * 40 on 2 cores here) the event loop is descheduled for seconds and Vert.x prints where it stood. That warning
     * says "the machine is overloaded", not "the prober failed"; every other trace is a finding.
     */
    public java.util.List<String> stackTraceLines() {
        return stackTraces(output());
    }

    /**
     * As {@link #stackTraceLines()} for any log text, in both formats the prober writes: text ({@code \tat ...} lines)
     * and JSON (the production default, where a trace is an {@code "exception"} field of one record).
     */
    public static java.util.List<String> stackTraces(String log) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        boolean blockedWarning = false;
        for (String line : log.split("\n")) {
            if (line.startsWith("{")) {
                blockedWarning = false;
                if (line.contains("\"exception\"") && !line.contains("BlockedThreadChecker")) {
                    lines.add(line);
                }
            } else if (!line.startsWith("\t") && !line.startsWith("Caused by")) {
                blockedWarning = line.contains("BlockedThreadChecker");
                if (line.contains("Exception in thread")) {
                    lines.add(line);
                }
            } else if (!blockedWarning && line.startsWith("\tat ")) {
                lines.add(line);
            }
        }
        return lines;
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
