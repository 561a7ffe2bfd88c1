package io.torghut.prober.app;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.ManagementInterface;
import io.torghut.prober.testsupport.StubTorghut;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running prober end to end: stub Torghut, real PostgreSQL and ClickHouse. Every test starts from a healthy
 * system (fresh rows, stub answering 200) and breaks one thing.
 */
@QuarkusTest
@WithTestResource(ProberAppResource.class)
class ProberAppTest {
    /** The signals the core always has; capabilities may add more. */
    static final Set<String> CORE_SIGNALS = Set.of("healthz", "trading-health", "clickhouse", "ta_signals", "ta_microbars", "postgres");
    private final ClickHouseAdmin clickhouse = ClickHouseAdmin.shared();

    @ConfigProperty(name = "prober.torghut.url")
    String stubUrl;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void healthy() {
        StubTorghut.remote(stubUrl, "/healthz", "ok");
        StubTorghut.remote(stubUrl, "/trading/health", "ok");
        clickhouse.insertAged(ProberAppResource.SIGNALS_TABLE, 0);
        clickhouse.insertAged(ProberAppResource.MICROBARS_TABLE, 0);
        awaitVerdict("HEALTHY");
    }

    static JsonPath diagnoseJson() {
        return given().accept("application/json").get("/diagnose").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    /**
     * Bound of every wait on the running app: polling returns as soon as the condition holds, so the bound costs nothing
     * when the test passes; it only has to outlast a probe round on a starved CI machine (20 s failed at load 35).
     */
    static final Duration SETTLE = Duration.ofSeconds(90);

    static JsonPath awaitVerdict(String level) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = diagnoseJson();
            assertEquals(level, last[0].getString("verdict"), () -> last[0].prettify());
        });
        return last[0];
    }

    static Map<String, Object> signal(JsonPath report, String name) {
        return report.getMap("signals.find { it.name == '" + name + "' }");
    }

    private String plainGet(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve(path)).timeout(Duration.ofSeconds(5));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), response.headers()::toString);
        return response.body();
    }

    @Test
    void diagnoseTextStartsWithTheVerdictAndHasOneRowPerSignal() throws Exception {
        JsonPath json = diagnoseJson();
        List<String> names = json.getList("signals.name");
        assertTrue(names.containsAll(CORE_SIGNALS), names::toString);
        for (String accept : new String[] {null, "*/*", "text/plain"}) {
            String text = plainGet("/diagnose", accept);
            assertTrue(text.startsWith("VERDICT HEALTHY"), text);
            List<String> rows = signalRows(text);
            List<String> rowNames = rows.stream().map(row -> row.split("\\s+")[0]).toList();
            assertEquals(new TreeSet<>(names), new TreeSet<>(rowNames), text);
            assertEquals(names.size(), rows.size(), text);
            rows.forEach(row -> assertTrue(row.contains(" OK "), row));
        }
    }

    /** The lines between the SIGNAL header and the next blank line. */
    static List<String> signalRows(String text) {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("SIGNAL ")) {
                inTable = true;
            } else if (inTable && line.isBlank()) {
                break;
            } else if (inTable) {
                rows.add(line);
            }
        }
        return rows;
    }

    @Test
    void diagnoseJsonHasVerdictReasonsAndSignals() {
        JsonPath json = diagnoseJson();
        assertEquals("HEALTHY", json.getString("verdict"));
        assertEquals(List.of(), json.getList("reasons"));
        assertTrue(json.getBoolean("sessionOpen"));
        for (String name : CORE_SIGNALS) {
            Map<String, Object> s = signal(json, name);
            assertEquals("OK", s.get("status"), s::toString);
            assertEquals("none", s.get("reason"), s::toString);
            for (String field : new String[] {"role", "detail", "lastSuccess", "lastRun", "latencySeconds", "counts", "consecutiveFailures"}) {
                assertTrue(s.containsKey(field) && s.get(field) != null, field + " in " + s);
            }
        }
        Map<String, Object> fresh = signal(json, "ta_signals");
        assertEquals("freshness", fresh.get("role"));
        float age = ((Number) fresh.get("ageSeconds")).floatValue();
        assertTrue(age >= 0 && age < 30, "age " + age);
        assertEquals(60.0f, ((Number) fresh.get("maxAgeSeconds")).floatValue());
    }

    @Test
    void metricsExposeTheContractNamesWithBoundedLabels() {
        String body = management().get("/q/metrics").then().statusCode(200).extract().asString();
        List<PromLine> lines = PromLine.parse(body);
        for (String family : new String[] {"probe_success", "probe_duration_seconds", "probe_last_success_timestamp_seconds"}) {
            for (String probe : CORE_SIGNALS) {
                PromLine line = PromLine.find(lines, "torghut_prober_" + family, Map.of("probe", probe));
                assertEquals(Set.of("probe"), line.labels().keySet(), line::toString);
            }
        }
        for (String probe : CORE_SIGNALS) {
            assertEquals(1.0, PromLine.find(lines, "torghut_prober_probe_success", Map.of("probe", probe)).value(), probe);
            PromLine failures = PromLine.find(lines, "torghut_prober_probe_failures_total", Map.of("probe", probe, "reason", "timeout"));
            assertEquals(Set.of("probe", "reason"), failures.labels().keySet());
        }
        for (String signal : new String[] {"ta_signals", "ta_microbars"}) {
            assertEquals(0.0, PromLine.find(lines, "torghut_prober_signal_stale", Map.of("signal", signal)).value());
            double age = PromLine.find(lines, "torghut_prober_signal_age_seconds", Map.of("signal", signal)).value();
            assertTrue(age >= 0 && age < 30, signal + " age " + age);
        }
        PromLine pause = PromLine.find(lines, "torghut_prober_pause_recommended", Map.of());
        assertEquals(Map.of(), pause.labels());
        assertEquals(0.0, pause.value());
        for (PromLine line : lines) {
            if (!line.name().startsWith("torghut_prober_")) {
                continue;
            }
            if (line.name().equals("torghut_prober_build_info")) {
                // One series per process; its labels are the build's own, bounded by construction.
                assertEquals(Set.of("version", "revision"), line.labels().keySet(), line::toString);
                assertEquals(1.0, line.value());
                continue;
            }
            assertTrue(Set.of("probe", "signal", "reason", "component", "procedure", "finding", "mode", "result", "phase", "state", "le")
                    .containsAll(line.labels().keySet()), line::toString);
            line.labels().forEach((k, v) -> assertTrue(k.equals("le") ? v.matches("[0-9.]+|\\+Inf") : v.matches("[A-Za-z0-9_-]{1,40}"),
                    "unbounded label value in " + line));
        }
    }

    @Test
    void staleRowsRecommendAPause() {
        clickhouse.truncate(ProberAppResource.SIGNALS_TABLE);
        clickhouse.insertAged(ProberAppResource.SIGNALS_TABLE, 3600);
        JsonPath json = awaitVerdict("PAUSE_RECOMMENDED");
        assertTrue(json.getList("reasons").stream().anyMatch(r -> r.toString().startsWith("ta_signals stale")), json::prettify);
        Map<String, Object> s = signal(json, "ta_signals");
        assertEquals("STALE", s.get("status"));
        assertEquals("stale", s.get("reason"));
        assertTrue(((Number) s.get("ageSeconds")).floatValue() >= 3600, s::toString);
        String metrics = management().get("/q/metrics").then().extract().asString();
        List<PromLine> lines = PromLine.parse(metrics);
        assertEquals(1.0, PromLine.find(lines, "torghut_prober_signal_stale", Map.of("signal", "ta_signals")).value());
        assertEquals(1.0, PromLine.find(lines, "torghut_prober_pause_recommended", Map.of()).value());
        assertTrue(PromLine.find(lines, "torghut_prober_signal_age_seconds", Map.of("signal", "ta_signals")).value() >= 3600);
        String text = given().get("/diagnose").then().extract().asString();
        System.out.println("SAMPLE /diagnose text (stale ClickHouse):\n" + text);
        assertTrue(text.startsWith("VERDICT PAUSE_RECOMMENDED"), text);
        assertTrue(text.contains("TRADING_ENABLED=false"), text);
        // Kubernetes is not read here: the pause is assumed due, then the stale table, each once, from the signals alone
        assertTrue(text.contains(" 1. CRITICAL [-] pause-recommended: ") && text.contains(" 2. CRITICAL [C] ta-data-stale: TA data is stale"
                + " or its age unknown: ta_signals while ClickHouse answers"), text);
        assertTrue(text.contains("      - the prober's own ta_signals probe: BAD (stale: "), text);
        assertFalse(text.contains("NEXT STEPS"), text);
    }

    @Test
    void emptyTableIsUnknownAndRecommendsAPause() {
        clickhouse.truncate(ProberAppResource.MICROBARS_TABLE);
        JsonPath json = awaitVerdict("PAUSE_RECOMMENDED");
        Map<String, Object> s = signal(json, "ta_microbars");
        assertEquals("no_data", s.get("reason"), s::toString);
        assertTrue(json.getList("reasons").stream().anyMatch(r -> r.toString().startsWith("ta_microbars freshness unknown (counted as stale)")),
                json::prettify);
    }

    @Test
    void tradingHealth503RecommendsAPauseNamingTheDependency() {
        StubTorghut.remote(stubUrl, "/trading/health", "degraded");
        JsonPath json = awaitVerdict("PAUSE_RECOMMENDED");
        Map<String, Object> s = signal(json, "trading-health");
        assertEquals("http_5xx", s.get("reason"));
        assertEquals(Map.of("failing_dependencies", "postgres"), s.get("evidence"));
        assertTrue(json.getList("reasons").stream().anyMatch(r -> r.toString().startsWith("trading-health failing")), json::prettify);
        assertTrue(json.getList("nextSteps.action").stream().anyMatch(a -> a.toString().startsWith("Pause trading first")), json::prettify);
    }

    @Test
    void aHungTorghutDelaysNoEndpoint() {
        StubTorghut.remote(stubUrl, "/healthz", "hang");
        StubTorghut.remote(stubUrl, "/trading/health", "hang");
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            for (String path : new String[] {"/diagnose", "/q/metrics", "/q/health/live", "/q/health/ready"}) {
                long start = System.nanoTime();
                (path.startsWith("/q/") ? management() : given()).get(path).then().statusCode(200);
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertTrue(millis < 1000, path + " took " + millis + "ms while Torghut hangs");
            }
        }
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath json = diagnoseJson();
            assertEquals("timeout", signal(json, "healthz").get("reason"), json::prettify);
            assertEquals("timeout", signal(json, "trading-health").get("reason"), json::prettify);
            assertEquals("OK", signal(json, "clickhouse").get("status"), json::prettify);
        });
    }

    /** Issue 11: Prometheus and the kubelet reach health and metrics on 9000; Alertmanager and oncall reach 8080 only. */
    @Test
    void healthAndMetricsLiveOnlyOnTheManagementPortAndDiagnoseOnlyOnTheApplicationPort() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started"}) {
            management().get(path).then().statusCode(200);
            given().get(path).then().statusCode(404);
        }
        management().get("/diagnose").then().statusCode(404);
        management().post("/pause").then().statusCode(404);
        assertTrue(java.net.URI.create(ManagementInterface.origin()).getPort() != base.getPort(), "two ports");
    }

    @Test
    void ownHealthStaysUpWhileTorghutIsDown() {
        StubTorghut.remote(stubUrl, "/healthz", "status:503");
        StubTorghut.remote(stubUrl, "/trading/health", "degraded");
        awaitVerdict("PAUSE_RECOMMENDED");
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> "FAILING".equals(signal(diagnoseJson(), "healthz").get("status")));
        for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/health"}) {
            management().get(path).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UP"));
        }
    }

    /** {@code promtool check metrics} on a real scrape, limited to the prober's own families (see PromtoolLint). */
    @Test
    void promtoolFindsNoProblemInTheProbersOwnMetrics() {
        String scrape = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(java.util.List.of(), io.torghut.prober.testsupport.PromtoolLint.problems(scrape));
        String ours = io.torghut.prober.testsupport.PromtoolLint.ours(scrape);
        assertTrue(ours.contains("# HELP torghut_prober_probe_failures Failed probe runs by reason"), ours);
    }
}
