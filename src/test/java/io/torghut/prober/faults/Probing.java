package io.torghut.prober.faults;

import static io.restassured.RestAssured.given;
import static io.torghut.prober.testsupport.ManagementInterface.management;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;

/**
 * What every fault test checks while the fault lasts: the prober is up (liveness 200) and /diagnose answers 200
 * within a second (a functional bound with margin, not a benchmark), until the verdict and the signal say what the
 * fault should make them say.
 */
final class Probing {
    static final long DIAGNOSE_BOUND_MILLIS = 1000;

    private Probing() {
    }

    /** GET /diagnose (JSON), asserting 200 within the bound; liveness too. */
    static JsonPath diagnose() {
        long start = System.nanoTime();
        String body = given().accept("application/json").get("/diagnose").then().statusCode(200).extract().asString();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < DIAGNOSE_BOUND_MILLIS, "/diagnose took " + millis + " ms");
        management().get("/q/health/live").then().statusCode(200);
        return JsonPath.from(body);
    }

    /** Polls (every 200 ms, at most {@code seconds}) until the verdict and the signal's reason match; every poll is timed. */
    static JsonPath awaitSignal(String verdict, String signal, String status, String reason, int seconds) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = diagnose();
            Map<String, Object> s = signal(last[0], signal);
            assertEquals(verdict, last[0].getString("verdict"), () -> last[0].prettify());
            assertEquals(status, s.get("status"), s::toString);
            assertEquals(reason, s.get("reason"), s::toString);
        });
        return last[0];
    }

    /** Polls like {@link #awaitSignal} for the verdict and the signal's status, whatever the reason. */
    static JsonPath awaitSignalStatus(String verdict, String signal, String status, int seconds) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = diagnose();
            assertEquals(verdict, last[0].getString("verdict"), () -> last[0].prettify());
            assertEquals(status, signal(last[0], signal).get("status"), () -> last[0].prettify());
        });
        return last[0];
    }

    /** Every signal OK and the verdict HEALTHY. */
    static JsonPath awaitHealthy(int seconds) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = diagnose();
            assertEquals("HEALTHY", last[0].getString("verdict"), () -> last[0].prettify());
            assertTrue(last[0].getList("signals.status").stream().allMatch("OK"::equals), () -> last[0].prettify());
        });
        return last[0];
    }

    static Map<String, Object> signal(JsonPath report, String name) {
        Map<String, Object> s = report.getMap("signals.find { it.name == '" + name + "' }");
        assertTrue(s != null, () -> "no signal " + name + " in " + report.prettify());
        return s;
    }

    static boolean anyReasonStartsWith(JsonPath report, String prefix) {
        return report.getList("reasons").stream().anyMatch(r -> r.toString().startsWith(prefix));
    }
}
