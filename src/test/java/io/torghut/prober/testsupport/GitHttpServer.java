package io.torghut.prober.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real smart-HTTP git host on loopback: {@code git http-backend} (the CGI from the {@code git} package) behind a
 * small HTTP server with Basic auth, serving the bare repositories under one directory. This is what GitHub or Gitea
 * look like to JGit: ref advertisement and ref update are separate requests, so a concurrent writer (or a server
 * hook) can move the branch in between, and receive-pack answers {@code failed to update ref}. Server hooks go into
 * the bare repository as usual ({@link GitHttpHooks}).
 */
public final class GitHttpServer implements AutoCloseable {
    private static final String BACKEND = "/usr/lib/git-core/git-http-backend";
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Path projectRoot;
    private final String user;
    private final String password;
    private final AtomicInteger receivePacks = new AtomicInteger();
    private volatile boolean forbidden;
    private volatile int pushRefusal;

    private GitHttpServer(Path projectRoot, String user, String password) throws IOException {
        this.projectRoot = projectRoot;
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** Serves every bare repository under {@code projectRoot} to a client that sends {@code user:password}. */
    public static GitHttpServer start(Path projectRoot, String user, String password) throws IOException {
        return new GitHttpServer(projectRoot, user, password);
    }

    /** URL of the repository {@code name} (a directory under the project root), without credentials. */
    public String url(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** Every request answered 403 from now on (a revoked deploy key, an IP allow-list), until called with false. */
    public void forbid(boolean on) {
        forbidden = on;
    }

    /**
     * Pushes answered with this status (403: a read-only deploy key or token; 401: credentials that may read but not
     * write), fetches still work; 0 takes pushes again.
     */
    public void refusePushes(int status) {
        pushRefusal = status;
    }

    /** How many pushes (receive-pack POSTs) reached the backend: counts retries. */
    public int receivePacks() {
        return receivePacks.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            boolean push = exchange.getRequestURI().getPath().endsWith("/git-receive-pack")
                    || query != null && query.contains("service=git-receive-pack");
            int refusal = forbidden ? 403 : push ? pushRefusal : 0;
            if (refusal != 0) {
                exchange.getRequestBody().readAllBytes();
                if (refusal == 401) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                }
                exchange.sendResponseHeaders(refusal, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/git-receive-pack")) {
                receivePacks.incrementAndGet();
            }
            runBackend(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        return pair.equals(user + ":" + password);
    }

    private void runBackend(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(BACKEND);
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", projectRoot.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        env.put("CONTENT_LENGTH", Integer.toString(body.length));
        env.put("REMOTE_USER", user);
        env.put("REMOTE_ADDR", "127.0.0.1");
        header(exchange, "Content-Type").ifPresent(v -> env.put("CONTENT_TYPE", v));
        header(exchange, "Content-Encoding").ifPresent(v -> env.put("HTTP_CONTENT_ENCODING", v));
        header(exchange, "Git-Protocol").ifPresent(v -> env.put("GIT_PROTOCOL", v));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process cgi = builder.start();
        try (OutputStream in = cgi.getOutputStream()) {
            in.write(body);
        }
        respond(exchange, cgi.getInputStream());
        if (!cgi.waitFor(60, TimeUnit.SECONDS)) {
            cgi.destroyForcibly();
        }
    }

    /** Copies the CGI answer: header lines (with {@code Status:}) up to a blank line, then the body. */
    private static void respond(HttpExchange exchange, InputStream out) throws IOException {
        int status = 200;
        String line;
        while (!(line = readLine(out)).isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream response = exchange.getResponseBody()) {
            out.transferTo(response);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static java.util.Optional<String> header(HttpExchange exchange, String name) {
        return java.util.Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
