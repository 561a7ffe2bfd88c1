package io.torghut.prober.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the real test servers are (started by {@code scripts/test-services.sh start}), read from the environment
 * with the script's defaults. Tests call {@link #requirePostgres()} / {@link #requireClickHouse()} first: a missing
 * server is a failure with instructions, never a skipped test.
 */
public final class TestServices {
    public static final String HOST = "127.0.0.1";
    /** Role and database the script creates. */
    public static final String PG_USER = "torghut";
    public static final String PG_PASSWORD = "s3cret-pg-pass";
    public static final String PG_DATABASE = "torghut";
    /** ClickHouse read-only user the script creates; {@code default} has no password and may write. */
    public static final String CH_USER = "torghut";
    public static final String CH_PASSWORD = "s3cret-ch-pass";
    /** Database the tests create their own tables in, so that they never touch {@code torghut.*}. */
    public static final String CH_TEST_DATABASE = "torghut_it";

    private static final String HOW = "Start the test services first: scripts/test-services.sh start"
            + " (or set TEST_PG_PORT / TEST_CH_HTTP_PORT / TEST_SVC_DIR to where they run).";

    private TestServices() {
    }

    /** {@code TEST_PG_PORT}, default 55432. */
    public static int pgPort() {
        return intEnv("TEST_PG_PORT", 55432);
    }

    /** {@code TEST_CH_HTTP_PORT}, default 18123. */
    public static int chHttpPort() {
        return intEnv("TEST_CH_HTTP_PORT", 18123);
    }

    /** {@code TEST_SVC_DIR}, default /tmp/torghut-prober-services; PostgreSQL's Unix socket is in {@code pg/}. */
    public static Path svcDir() {
        return Path.of(env("TEST_SVC_DIR", "/tmp/torghut-prober-services"));
    }

    /** {@code TEST_PG_BIN}, default /usr/lib/postgresql/15/bin. */
    public static Path pgBin() {
        return Path.of(env("TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));
    }

    public static Path pgSocketDir() {
        return svcDir().resolve("pg");
    }

    public static String chUrl() {
        return "http://" + HOST + ":" + chHttpPort();
    }

    /** The libpq URI form of the DSN, as CNPG's app secret holds it. */
    public static String pgUri(String user, String password, int port) {
        return "postgresql://" + user + ":" + password + "@" + HOST + ":" + port + "/" + PG_DATABASE + "?sslmode=disable";
    }

    public static void requirePostgres() {
        if (!listening(pgPort())) {
            throw new IllegalStateException("PostgreSQL is not listening on " + HOST + ":" + pgPort() + " (TEST_PG_PORT). " + HOW);
        }
    }

    public static void requireClickHouse() {
        String problem;
        try {
            HttpResponse<String> ping = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(chUrl() + "/ping")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (ping.statusCode() == 200 && ping.body().startsWith("Ok.")) {
                return;
            }
            problem = "answered /ping with HTTP " + ping.statusCode();
        } catch (IOException e) {
            problem = "is not reachable (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "ping interrupted";
        }
        throw new IllegalStateException("ClickHouse HTTP at " + chUrl() + " (TEST_CH_HTTP_PORT) " + problem + ". " + HOW);
    }

    /** A port nothing listens on right now (bound and released). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
