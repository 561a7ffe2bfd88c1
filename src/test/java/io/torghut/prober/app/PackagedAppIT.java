package io.torghut.prober.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.torghut.prober.testsupport.PackagedApp;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TestServices;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The packaged application as a process: clean start with nothing reachable, refusal of bad values, no secrets. */
class PackagedAppIT {
    private static final String DSN_PASSWORD = "Sup3r-Secret-DSN-77";

    /** Nothing listens on these: every probe fails at once with "connection refused". */
    private static Map<String, String> nothingReachable() {
        Map<String, String> env = new HashMap<>();
        env.put("TORGHUT_URL", "http://127.0.0.1:" + TestServices.freePort());
        env.put("TA_CLICKHOUSE_URL", "http://127.0.0.1:" + TestServices.freePort());
        // Outside a cluster the Kubernetes reads are off by default; on explicitly, so that an unreachable API shows.
        env.put("PROBER_KUBERNETES_ENABLED", "true");
        for (String probe : List.of("TORGHUT_HEALTHZ", "TORGHUT_TRADING_HEALTH", "CLICKHOUSE", "FRESHNESS", "POSTGRES")) {
            env.put("PROBER_" + probe + "_INTERVAL", "1s");
        }
        return env;
    }

    private static JsonPath diagnose(PackagedApp app) throws Exception {
        return JsonPath.from(app.get("/diagnose", "application/json").body());
    }

    private static void assertCleanLog(String log, String... secrets) {
        assertEquals(java.util.List.of(), io.torghut.prober.testsupport.PackagedApp.stackTraces(log), "stack trace in the log:\n" + log);
        for (String line : log.split("\n")) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "secret in the log: " + line.replace(secret, "<SECRET>"));
            }
        }
    }

    @Test
    void nothingReachableStartsCleanlyAndReportsEverySignalDown() throws Exception {
        Map<String, String> expected = Map.of("healthz", "connect", "trading-health", "connect", "clickhouse", "connect",
                "ta_signals", "connect", "ta_microbars", "connect", "postgres", "config");
        long launched = System.nanoTime();
        try (PackagedApp app = PackagedApp.launch("nothing-reachable", nothingReachable())) {
            app.awaitReady(Duration.ofSeconds(60));
            long readyMillis = Duration.ofNanos(System.nanoTime() - launched).toMillis();
            JsonPath[] report = new JsonPath[1];
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                report[0] = diagnose(app);
                assertFalse(report[0].getList("signals.reason").contains("none_yet"), report[0].prettify());
            });
            List<String> names = report[0].getList("signals.name");
            assertTrue(names.containsAll(expected.keySet()), names::toString);
            for (String name : expected.keySet()) {
                Map<String, Object> s = ProberAppTest.signal(report[0], name);
                assertEquals(expected.get(name), s.get("reason"), s::toString);
                assertTrue(s.get("status").toString().startsWith("FAILING"), s::toString);
                String detail = s.get("detail").toString();
                assertTrue(!detail.isBlank() && !detail.contains("\n") && detail.length() < 200, "one-line reason: " + detail);
            }
            String text = app.get("/diagnose", null).body();
            assertTrue(text.startsWith("VERDICT PAUSE_RECOMMENDED"), text);
            List<String> rows = ProberAppTest.signalRows(text);
            assertEquals(names.size(), rows.size(), text);
            // Every signal is down, except cnpg: with the Kubernetes API unreachable it is not judged (the prober is
            // blind there, which the kubernetes-access finding says), and it must say so rather than OK.
            assertTrue(rows.stream().allMatch(r -> r.startsWith("cnpg ") ? r.contains("NOT JUDGED")
                    : r.contains("FAILING") && r.contains(" never ")), text);
            assertTrue(text.contains("kubernetes-access"), text);
            Thread.sleep(1000);
            long settled = app.output().lines().count();
            Thread.sleep(3000); // about six more failing rounds of every probe
            // One line per change of health, never one per failed run: with everything down and settled, no new lines.
            assertEquals(settled, app.output().lines().count(), "the log grows while nothing changes:\n" + app.output());
            assertEquals(200, app.management("/q/health/live").statusCode());
            assertEquals(200, app.management("/q/health/ready").statusCode());
            System.out.printf("packaged app (%s), nothing reachable: HTTP ready %d ms after launch, %s, RSS %d KiB%n",
                    PackagedApp.flavour(), readyMillis, firstRound(app.output()), app.rssKib());
            app.close();
            String log = app.output();
            assertTrue(log.contains("first probe round complete"), log);
            assertCleanLog(log);
        }
    }

    private static String firstRound(String log) {
        Matcher m = Pattern.compile("first probe round complete (\\d+)ms after start").matcher(log);
        Matcher s = Pattern.compile("started in ([0-9.]+)s").matcher(log);
        return "first probe round " + (m.find() ? m.group(1) + " ms" : "?") + " after the probes started, Quarkus started in "
                + (s.find() ? s.group(1) + " s" : "?");
    }

    @ParameterizedTest(name = "{0}={1} names {2}")
    @CsvSource(delimiter = '|', value = {
        "TA_CLICKHOUSE_URL              | ftp://x                                        | prober.clickhouse.url",
        "DB_DSN                         | garbage-without-equals                         | prober.postgres.dsn",
        "DB_DSN                         | host=127.0.0.1 port=abc password=" + DSN_PASSWORD + " | prober.postgres.dsn",
        "PROBER_POLICY_FAILURES_TO_BAD  | 0                                              | prober.policy.failures-to-bad",
        "PROBER_SESSION_OPEN            | 25:00                                          | prober.session.open",
        "PROBER_TORGHUT_HEALTHZ_TIMEOUT | 0s                                             | prober.torghut.healthz.timeout",
        "TORGHUT_URL                    | torghut.torghut.svc                            | prober.torghut.url",
        "TA_CLICKHOUSE_URL              | http://[bad                                    | prober.clickhouse.url",
        "PROBER_FRESHNESS_INTERVAL      | abc                                            | prober.freshness.interval",
        "PROBER_SESSION_DAYS            | FUNDAY                                         | prober.session.days",
    })
    void badValueStopsStartupNamingTheKey(String variable, String value, String key) throws Exception {
        Map<String, String> env = nothingReachable();
        // A DSN with a password in every case: whichever key is wrong, the password must not be printed.
        env.put("DB_DSN", "postgresql://torghut:" + DSN_PASSWORD + "@127.0.0.1:" + TestServices.freePort() + "/torghut");
        env.put(variable, value);
        PackagedApp app = PackagedApp.launch("bad-" + variable.toLowerCase() + "-" + Integer.toHexString(value.hashCode()), env);
        try {
            Integer exit = app.awaitExit(Duration.ofSeconds(60));
            assertNotNull(exit, "still running with " + variable + "=" + value + ":\n" + app.output());
            assertNotEquals(0, exit, app.output());
            String output = app.output();
            assertFalse(output.contains(DSN_PASSWORD), "the DSN password was printed:\n" + output.replace(DSN_PASSWORD, "<SECRET>"));
            assertEquals(List.of(), PackagedApp.stackTraces(output), "no stack trace:\n" + output);
            List<String> naming = output.lines().filter(l -> l.contains(key)).toList();
            assertEquals(1, naming.size(), "one line names " + key + ":\n" + output);
            assertTrue(naming.get(0).startsWith("torghut-prober failed to start: invalid configuration"), naming.get(0));
            assertFalse(output.matches("(?s).*(\\w+Exception|SRCFG\\d+).*"), "no exception names or message codes:\n" + output);
        } finally {
            app.close();
        }
    }

    /**
     * The Deployment's optional YAML file (k8s/base: QUARKUS_CONFIG_LOCATIONS into a ConfigMap volume): present, its
     * map-shaped keys configure the packaged app, completed by environment variables for the same entry; absent (the
     * ConfigMap does not exist, the mounted directory is empty), the app starts as usual.
     */
    @Test
    void theMountedYamlFileConfiguresMapShapedKeysAndAnAbsentOneIsIgnored() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("etc-torghut-prober");
        java.nio.file.Path file = dir.resolve("application.yaml");
        try {
            Map<String, String> absent = nothingReachable();
            absent.put("QUARKUS_CONFIG_LOCATIONS", file.toString());
            try (PackagedApp app = PackagedApp.launch("yaml-absent", absent)) {
                app.awaitReady(Duration.ofSeconds(60));
                assertFalse(diagnose(app).getList("signals.name").contains("ta_quotes"));
            }
            java.nio.file.Files.writeString(file, """
                    prober:
                      http:
                        my-target:
                          url: http://127.0.0.1:9/health
                      freshness:
                        tables:
                          ta_quotes:
                            table: torghut.ta_quotes
                            max-age: 90s
                    """);
            Map<String, String> present = nothingReachable();
            present.put("QUARKUS_CONFIG_LOCATIONS", file.toString());
            // Completes the file's entry my-target (its spelling, not a second target my_target without a URL).
            present.put("PROBER_HTTP_MY_TARGET_TIMEOUT", "2s");
            // Also set in the file: the file wins, and a warning names the variable.
            present.put("PROBER_FRESHNESS_TABLES_TA_QUOTES_MAX_AGE", "5m");
            try (PackagedApp app = PackagedApp.launch("yaml-present", present)) {
                app.awaitReady(Duration.ofSeconds(60));
                List<String> names = diagnose(app).getList("signals.name");
                assertTrue(names.containsAll(List.of("my-target", "ta_quotes", "ta_signals")) && !names.contains("my_target"), names::toString);
                String metrics = app.management("/q/metrics").body();
                assertTrue(metrics.contains("torghut_prober_signal_max_age_seconds{signal=\"ta_quotes\"} 90.0"),
                        () -> metrics.lines().filter(l -> l.contains("max_age")).toList().toString());
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(app.output().contains(
                        "environment variable PROBER_FRESHNESS_TABLES_TA_QUOTES_MAX_AGE is ignored"), app.output()));
                assertCleanLog(app.output());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    void wrongPasswordsNeverShowInResponsesOrTheLog() throws Exception {
        TestServices.requirePostgres();
        TestServices.requireClickHouse();
        String chPassword = "Wr0ng-Ch-Secret-IT-5521";
        String pgPassword = "Wr0ng-Pg-Secret-IT-8834";
        String dsn = TestServices.pgUri(TestServices.PG_USER, pgPassword, TestServices.pgPort());
        try (StubTorghut stub = StubTorghut.start()) {
            stub.set("/trading/health", "degraded");
            Map<String, String> env = nothingReachable();
            env.put("TORGHUT_URL", stub.url());
            env.put("TA_CLICKHOUSE_URL", TestServices.chUrl());
            env.put("TA_CLICKHOUSE_USERNAME", TestServices.CH_USER);
            env.put("TA_CLICKHOUSE_PASSWORD", chPassword);
            env.put("DB_DSN", dsn);
            try (PackagedApp app = PackagedApp.launch("wrong-passwords", env)) {
                app.awaitReady(Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    JsonPath json = diagnose(app);
                    assertEquals("auth", ProberAppTest.signal(json, "clickhouse").get("reason"), json::prettify);
                    assertEquals("auth", ProberAppTest.signal(json, "postgres").get("reason"), json::prettify);
                    assertEquals("auth", ProberAppTest.signal(json, "ta_signals").get("reason"), json::prettify);
                });
                Thread.sleep(1000);
                Map<String, String> bodies = new HashMap<>();
                bodies.put("/diagnose", app.get("/diagnose", null).body());
                bodies.put("/diagnose */*", app.get("/diagnose", "*/*").body());
                bodies.put("/diagnose json", app.get("/diagnose", "application/json").body());
                for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready")) {
                    bodies.put(path, app.management(path).body());
                }
                assertTrue(bodies.get("/diagnose").contains("rejected the credentials"), bodies.get("/diagnose"));
                bodies.forEach((where, body) -> {
                    for (String secret : List.of(chPassword, pgPassword, dsn)) {
                        assertFalse(body.contains(secret), "secret in " + where);
                    }
                });
                app.close();
                String log = app.output();
                assertTrue(log.contains("signal clickhouse is BAD: auth"), log);
                assertCleanLog(log, chPassword, pgPassword, dsn);
            }
        }
    }
}
