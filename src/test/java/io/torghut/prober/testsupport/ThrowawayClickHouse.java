package io.torghut.prober.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private ClickHouse server a test may stop, on free ports in a temp dir, configured like the shared one (users
 * {@code default} without password, {@code torghut} read-only with the shared password). The shared server is never
 * stopped by a test: other tests use it at the same time.
 */
public final class ThrowawayClickHouse implements AutoCloseable {
    private static final String OS_USER = "clickhouse";
    private final Path dir;
    private final int httpPort;
    private Process process;

    private ThrowawayClickHouse(Path dir, int httpPort) {
        this.dir = dir;
        this.httpPort = httpPort;
    }

    public static ThrowawayClickHouse start() {
        ThrowawayClickHouse ch = new ThrowawayClickHouse(ServiceCommands.ownedTempDir("tp-ch-", OS_USER), TestServices.freePort());
        ch.writeConfig(TestServices.freePort(), TestServices.freePort());
        ch.launch();
        return ch;
    }

    public String url() {
        return "http://" + TestServices.HOST + ":" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    private void writeConfig(int tcpPort, int interserverPort) {
        String d = dir.toString();
        String config = """
                <?xml version="1.0"?>
                <yandex>
                  <logger><level>warning</level><log>%1$s/server.log</log><errorlog>%1$s/server.err.log</errorlog><size>10M</size><count>1</count></logger>
                  <listen_host>127.0.0.1</listen_host>
                  <http_port>%2$d</http_port><tcp_port>%3$d</tcp_port><interserver_http_port>%4$d</interserver_http_port>
                  <max_connections>64</max_connections><max_concurrent_queries>20</max_concurrent_queries>
                  <uncompressed_cache_size>67108864</uncompressed_cache_size><mark_cache_size>67108864</mark_cache_size>
                  <path>%1$s/data/</path><tmp_path>%1$s/tmp/</tmp_path>
                  <user_files_path>%1$s/user_files/</user_files_path><format_schema_path>%1$s/format_schemas/</format_schema_path>
                  <users_config>users.xml</users_config><default_profile>default</default_profile><default_database>default</default_database>
                  <timezone>UTC</timezone>
                </yandex>
                """.formatted(d, httpPort, tcpPort, interserverPort);
        String users = """
                <?xml version="1.0"?>
                <yandex>
                  <profiles><default><max_memory_usage>500000000</max_memory_usage></default><readonly><readonly>1</readonly></readonly></profiles>
                  <users>
                    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
                    <torghut><password>%s</password><networks><ip>127.0.0.1</ip></networks><profile>readonly</profile><quota>default</quota></torghut>
                  </users>
                  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
                </yandex>
                """.formatted(TestServices.CH_PASSWORD);
        try {
            for (String sub : List.of("data", "tmp", "user_files", "format_schemas")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("config.xml"), config);
            Files.writeString(dir.resolve("users.xml"), users);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (ServiceCommands.root()) {
            ServiceCommands.chown(dir, OS_USER);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(ServiceCommands.as(OS_USER, List.of("/usr/sbin/clickhouse-server",
                    "--config-file=" + dir.resolve("config.xml"))))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start clickhouse-server", e);
        }
        ClickHouseAdmin admin = new ClickHouseAdmin(url());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                admin.exec("SELECT 1");
                return;
            } catch (IllegalStateException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("throwaway ClickHouse did not come up on port " + httpPort, notYet);
                }
                sleep(200);
            }
        }
    }

    /** Starts the stopped or killed server again on the same ports and data; returns once it answers. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the throwaway ClickHouse is still running");
        }
        launch();
    }

    /** SIGKILL, as the OOM killer or a node loss would: no shutdown at all. Waits until the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20s) and waits until its port is closed. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            ServiceCommands.deleteTree(dir);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
