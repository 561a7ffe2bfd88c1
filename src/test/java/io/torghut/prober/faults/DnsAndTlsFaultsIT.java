package io.torghut.prober.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.PackagedApp;
import io.torghut.prober.testsupport.TestServices;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DNS and TLS faults of the Torghut URL, against the packaged app in its own process: both need process-wide settings that
 * must not leak into the Quarkus test JVM (a resolver hosts file, {@code -Djdk.net.hosts.file}, read on every
 * lookup; a trust store for the stub's certificate). One launch walks through the faults and their end:
 * {@code https://torghut.faults.invalid:PORT} does not resolve, then resolves to a plain HTTP port, then that port
 * speaks TLS with a trusted certificate. At each step /diagnose answers within a second and says why.
 */
class DnsAndTlsFaultsIT {
    static final String HOST = "torghut.faults.invalid";
    static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @Test
    void unresolvableHostThenTlsToAPlainPortThenRecovery() throws Exception {
        TestServices.requirePostgres();
        TestServices.requireClickHouse();
        Path dir = Files.createTempDirectory("faults-dns-tls");
        Path hosts = dir.resolve("hosts");
        writeHosts(hosts, false);
        Path keystore = dir.resolve("stub.p12");
        Path truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + HOST,
                "-ext", "SAN=dns:" + HOST, "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit");
        keytool("-exportcert", "-alias", "stub", "-keystore", keystore.toString(), "-storepass", "changeit", "-rfc",
                "-file", dir.resolve("stub.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "stub", "-file", dir.resolve("stub.pem").toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", "changeit");
        ClickHouseAdmin clickhouse = ClickHouseAdmin.shared();
        String signals = clickhouse.newTable("dnstls_signals");
        String microbars = clickhouse.newTable("dnstls_microbars");
        clickhouse.insertAged(signals, 0);
        clickhouse.insertAged(microbars, 0);

        try (SwitchableTlsStub stub = new SwitchableTlsStub(keystore, STORE_PASSWORD)) {
            List<String> options = new ArrayList<>(List.of("-Djdk.net.hosts.file=" + hosts, "-Djavax.net.ssl.trustStore=" + truststore,
                    "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-Dprober.torghut.url=https://" + HOST + ":" + stub.port(),
                    "-Dprober.clickhouse.url=" + TestServices.chUrl(), "-Dprober.clickhouse.username=" + TestServices.CH_USER,
                    "-Dprober.freshness.tables.ta_signals.table=" + signals, "-Dprober.freshness.tables.ta_microbars.table=" + microbars,
                    "-Dprober.session.always-open=true", "-Dprober.kubernetes.enabled=false",
                    // No Kubernetes API here: fabric8's leader elector would log a stack trace per retry (see the report).
                    "-Dprober.pause.leader.enabled=false"));
            for (String probe : List.of("torghut.healthz", "torghut.trading-health", "clickhouse", "freshness", "postgres")) {
                options.add("-Dprober." + probe + ".interval=1s");
            }
            Map<String, String> env = Map.of("TA_CLICKHOUSE_PASSWORD", TestServices.CH_PASSWORD,
                    "DB_DSN", TestServices.pgUri(TestServices.PG_USER, TestServices.PG_PASSWORD, TestServices.pgPort()));
            try (PackagedApp app = PackagedApp.launch("dns-tls-faults", env, options)) {
                app.awaitReady(Duration.ofSeconds(60));

                JsonPath report = awaitTorghut(app, "PAUSE_RECOMMENDED", "FAILING", "dns");
                assertTrue(detail(report, "trading-health").contains("host name does not resolve: " + HOST), report::prettify);
                assertTrue(report.getList("reasons").stream().anyMatch(r -> r.toString().startsWith("trading-health failing")), report::prettify);

                writeHosts(hosts, true);
                report = awaitTorghut(app, "PAUSE_RECOMMENDED", "FAILING", "tls");
                assertTrue(detail(report, "trading-health").startsWith("TLS failure talking to https://" + HOST + ":" + stub.port()),
                        report::prettify);

                stub.speakTls(true);
                report = awaitTorghut(app, "HEALTHY", "OK", "none");
                assertTrue(report.getList("signals.status").stream().allMatch("OK"::equals), report::prettify);
                String log = app.output();
                assertEquals(java.util.List.of(), PackagedApp.stackTraces(log), "stack trace in the log:\n" + log);
                assertFalse(log.contains(TestServices.CH_PASSWORD) || log.contains(TestServices.PG_PASSWORD), "secret in the log");
            }
        } finally {
            clickhouse.drop(signals);
            clickhouse.drop(microbars);
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Waits (the JDK caches a failed lookup for 10 s) until both Torghut signals show the status and reason. */
    private static JsonPath awaitTorghut(PackagedApp app, String verdict, String status, String reason) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            long start = System.nanoTime();
            HttpResponse<String> response = app.get("/diagnose", "application/json");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(200, response.statusCode());
            assertTrue(millis < 1000, "/diagnose took " + millis + " ms");
            assertEquals(200, app.management("/q/health/live").statusCode());
            last[0] = JsonPath.from(response.body());
            for (String signal : List.of("healthz", "trading-health")) {
                Map<String, Object> s = last[0].getMap("signals.find { it.name == '" + signal + "' }");
                assertEquals(status, s.get("status"), s::toString);
                assertEquals(reason, s.get("reason"), s::toString);
            }
            assertEquals(verdict, last[0].getString("verdict"), () -> last[0].prettify());
        });
        return last[0];
    }

    private static String detail(JsonPath report, String signal) {
        return report.getString("signals.find { it.name == '" + signal + "' }.detail");
    }

    /** The resolver's whole world: loopback names, this machine's name and, when {@code mapped}, the stub's name. */
    private static void writeHosts(Path hosts, boolean mapped) throws Exception {
        String local = InetAddress.getLocalHost().getHostName();
        Files.writeString(hosts, "127.0.0.1 localhost " + local + "\n::1 localhost ip6-localhost\n"
                + (mapped ? "127.0.0.1 " + HOST + "\n" : ""));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool " + command + ":\n" + output);
    }
}
