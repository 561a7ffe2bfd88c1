package io.torghut.prober.boot.config;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML file of {@code quarkus.config.locations} (k8s/base's optional ConfigMap) configures the running app. */
@QuarkusTest
@WithTestResource(YamlConfigResource.class)
class YamlConfigAppTest {

    @Test
    void anHttpTargetFromTheYamlFileIsProbedWithItsUrlAndExpectedStatus() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath json = given().accept("application/json").get("/diagnose").then().statusCode(200).extract().jsonPath();
            Map<String, Object> target = json.getMap("signals.find { it.name == 'yaml-target' }");
            assertTrue(target != null, json.prettify());
            // The stub answers 202 there: OK only with the URL and the expected status of the file.
            assertEquals("OK", target.get("status"), target::toString);
        });
    }

    @Test
    void freshnessTablesFromTheYamlFileAddAndOverride() {
        List<String> names = given().accept("application/json").get("/diagnose").then().statusCode(200).extract().jsonPath()
                .getList("signals.name");
        assertTrue(names.containsAll(List.of("ta_quotes", "ta_signals", "ta_microbars", "yaml-target")), names::toString);
        String metrics = management().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.equals("torghut_prober_signal_max_age_seconds{signal=\"ta_quotes\"} 90.0")),
                () -> metrics.lines().filter(l -> l.contains("max_age")).toList().toString());
        assertTrue(metrics.lines().anyMatch(l -> l.equals("torghut_prober_signal_max_age_seconds{signal=\"ta_signals\"} 420.0")),
                () -> metrics.lines().filter(l -> l.contains("max_age")).toList().toString());
    }
}
