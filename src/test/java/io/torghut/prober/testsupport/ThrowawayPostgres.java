package io.torghut.prober.testsupport;

import java.nio.file.Path;

/**
 * A second, private PostgreSQL server made by a test with {@code pg_basebackup} from the shared test server (so it
 * has the same roles and passwords) on a free port: either a standalone primary that the test may stop and start
 * again, or a streaming replica ({@code -R}) that stays in recovery. Started and stopped with {@code pg_ctl}.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private static final String OS_USER = "postgres";
    private final Path dir;
    private final Path data;
    private final int port;

    private ThrowawayPostgres(Path dir, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** A copy of the shared server; {@code replica} makes it a hot standby streaming from the shared server. */
    public static ThrowawayPostgres copyOfShared(boolean replica) {
        TestServices.requirePostgres();
        ThrowawayPostgres pg = new ThrowawayPostgres(ServiceCommands.ownedTempDir("tp-pg-", OS_USER), TestServices.freePort());
        // Over the Unix socket: local connections are trusted by initdb's defaults, whatever pg_hba says for TCP.
        // -c fast: without it pg_basebackup waits for a spread checkpoint (minutes).
        String bin = TestServices.pgBin().resolve("pg_basebackup").toString();
        String socket = TestServices.pgSocketDir().toString();
        String port = Integer.toString(TestServices.pgPort());
        String target = pg.data.toString();
        if (replica) {
            ServiceCommands.run(OS_USER, 120, bin, "-h", socket, "-p", port, "-U", "postgres", "-D", target,
                    "-c", "fast", "-X", "stream", "--no-sync", "-R");
        } else {
            ServiceCommands.run(OS_USER, 120, bin, "-h", socket, "-p", port, "-U", "postgres", "-D", target,
                    "-c", "fast", "-X", "stream", "--no-sync");
        }
        pg.start();
        return pg;
    }

    public int port() {
        return port;
    }

    public void start() {
        ServiceCommands.run(OS_USER, 90, TestServices.pgBin().resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Immediate shutdown: what a crash or a killed pod looks like to clients. */
    public void stop() {
        ServiceCommands.run(OS_USER, 60, TestServices.pgBin().resolve("pg_ctl").toString(), "-D", data.toString(),
                "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            if (data.resolve("postmaster.pid").toFile().exists()) {
                stop();
            }
        } finally {
            ServiceCommands.deleteTree(dir);
        }
    }
}
