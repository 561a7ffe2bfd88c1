package io.torghut.prober.app;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.torghut.prober.testsupport.ClickHouseAdmin;
import io.torghut.prober.testsupport.StubTorghut;
import io.torghut.prober.testsupport.TestServices;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The configured secrets (ClickHouse password, DSN password, the DSN itself) appear in no response and no log line,
 * after the prober has been through failures that make it log and report details. The wrong-password case (servers
 * answering with an authentication error) runs against the packaged application in {@code PackagedAppIT}.
 */
@QuarkusTest
@WithTestResource(ProberAppResource.class)
class SecretsLeakTest {
    @ConfigProperty(name = "prober.torghut.url")
    String stubUrl;

    /** Optional: Quarkus validates injection points of every test class in the deployment, also where no DSN is set. */
    @ConfigProperty(name = "prober.postgres.dsn")
    Optional<String> dsn;

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>(List.of(TestServices.CH_PASSWORD, TestServices.PG_PASSWORD,
                dsn.orElseThrow(() -> new AssertionError("the test resource sets prober.postgres.dsn"))));
        secrets.add(URLEncoder.encode(TestServices.PG_PASSWORD, StandardCharsets.UTF_8));
        return secrets;
    }

    private static Map<String, String> everyResponse() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/diagnose text", given().get("/diagnose").then().statusCode(200).extract().asString());
        bodies.put("/diagnose */*", given().accept("*/*").get("/diagnose").then().statusCode(200).extract().asString());
        bodies.put("/diagnose json", given().accept("application/json").get("/diagnose").then().statusCode(200).extract().asString());
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/live", "/q/health/ready"}) {
            bodies.put(path, management().get(path).then().extract().asString());
        }
        return bodies;
    }

    @Test
    void noSecretInAnyResponseOrLogLine() throws Exception {
        ClickHouseAdmin clickhouse = ClickHouseAdmin.shared();
        Map<String, String> seen = new LinkedHashMap<>(everyResponse());
        try {
            // Make every kind of signal report a failure detail, then look again.
            StubTorghut.remote(stubUrl, "/healthz", "hang");
            StubTorghut.remote(stubUrl, "/trading/health", "degraded");
            clickhouse.truncate(ProberAppResource.MICROBARS_TABLE);
            await().atMost(ProberAppTest.SETTLE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonPath json = ProberAppTest.diagnoseJson();
                assertEquals("PAUSE_RECOMMENDED", json.getString("verdict"));
                assertEquals("timeout", ProberAppTest.signal(json, "healthz").get("reason"), json::prettify);
                assertEquals("no_data", ProberAppTest.signal(json, "ta_microbars").get("reason"), json::prettify);
            });
            everyResponse().forEach((k, v) -> seen.put(k + " (failing)", v));
        } finally {
            StubTorghut.remote(stubUrl, "/healthz", "ok");
            StubTorghut.remote(stubUrl, "/trading/health", "ok");
            clickhouse.insertAged(ProberAppResource.MICROBARS_TABLE, 0);
        }
        assertTrue(seen.get("/diagnose json (failing)").contains("\"failing_dependencies\":\"postgres\""), "the report has details");
        for (Map.Entry<String, String> body : seen.entrySet()) {
            for (String secret : secrets()) {
                assertFalse(body.getValue().contains(secret), "secret found in " + body.getKey());
            }
        }

        List<String> log = Files.readAllLines(ProberAppResource.LOG_FILE);
        assertTrue(log.stream().anyMatch(l -> l.contains("first probe round complete")), "the log was captured: " + log);
        assertTrue(log.stream().anyMatch(l -> l.contains("signal healthz is BAD")), "the failures were logged: " + log);
        // Every line, stack traces included, is searched for the secrets.
        for (String line : log) {
            for (String secret : secrets()) {
                assertFalse(line.contains(secret), "secret found in the log: " + line.replace(secret, "<SECRET>"));
            }
        }
        // The prober logs failures as one line, never a stack trace. Vert.x' blocked-thread warning on a starved machine
        // prints the blocked thread's stack: not the prober's error handling, so it does not count (LogRecords).
        List<LogRecords.Entry> traces = LogRecords.parse(log).stackTraces();
        assertEquals(List.of(), traces, "stack trace in the log");
    }
}
