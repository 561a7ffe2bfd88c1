package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.model.AlertRef;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PauseSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PauseRequestParserTest {

    private static PauseRequest parse(String json) {
        return PauseRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void realAlertmanagerBody() throws Exception {
        PauseRequest request = PauseRequestParser.parse(getClass().getResourceAsStream("/alertmanager-webhook-v4.json").readAllBytes());
        assertEquals(PauseSource.ALERTMANAGER, request.source());
        assertFalse(request.resolved());
        assertEquals("alertmanager receiver webhook", request.requestedBy());
        assertEquals(List.of(new AlertRef("DemoValueHigh", "d597ac5e3deea6d3", "2026-11-27T21:54:50.676Z", "demo value 42 on 127.0.0.1:19100")),
                request.alerts());
        assertEquals(List.of("DemoValueHigh: demo value 42 on 127.0.0.1:19100"), request.reasons());
        assertEquals(Optional.of("{}:{alertname=\"DemoValueHigh\"}|d597ac5e3deea6d3@2026-11-27T21:54:50.676Z"), request.idempotencyKey());
    }

    @Test
    void idempotencyKeyIgnoresAlertOrderAndResolvedAlertsAreNotReasons() {
        String a = "{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},\"fingerprint\":\"f1\"}";
        String b = "{\"status\":\"firing\",\"labels\":{\"alertname\":\"B\"},\"fingerprint\":\"f2\"}";
        String c = "{\"status\":\"resolved\",\"labels\":{\"alertname\":\"C\"},\"fingerprint\":\"f3\"}";
        String head = "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"truncatedAlerts\":2,\"alerts\":[";
        PauseRequest one = parse(head + a + "," + b + "," + c + "]}");
        PauseRequest two = parse(head + b + "," + a + "]}");
        assertEquals(one.idempotencyKey(), two.idempotencyKey());
        assertEquals(List.of("A", "B"), one.reasons());
        assertEquals(2, one.truncated());
    }

    @Test
    void manualBodyAndResolved() {
        PauseRequest manual = parse("{\"reason\":\"TA stale\\nsince 09:41\",\"requestedBy\":\"alice\"}");
        assertEquals(List.of("TA stale since 09:41"), manual.reasons(), "control characters never reach commit messages");
        assertEquals("alice", manual.requestedBy());
        assertTrue(manual.idempotencyKey().isEmpty());
        assertTrue(parse("{\"version\":\"4\",\"status\":\"resolved\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[]}").resolved());
        assertEquals(PauseRequestParser.MAX_TEXT + 1, parse("{\"reason\":\"" + "x".repeat(5000) + "\"}").reasons().get(0).length());
    }

    @Test
    void truncatedAlertsTakesAnyNonNegativeIntegerLiteral() {
        String head = "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[{\"labels\":{}}],\"truncatedAlerts\":";
        assertEquals(0, parse(head + "0}").truncated());
        assertEquals(0, parse(head + "null}").truncated());
        assertEquals(0, parse(head + "-0}").truncated());
        assertEquals(Integer.MAX_VALUE, parse(head + "2147483647}").truncated());
        assertEquals(List.of("unnamed"), parse(head + "1}").reasons(), "a firing alert without a name is still a reason");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|malformed JSON",
            "\"text\"|the body must be a JSON object",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"alerts\":[]}|groupKey is required",
            "{\"version\":\"4\",\"status\":\"maybe\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[]}|status must be \"firing\" or \"resolved\"",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[1]}|alerts[0] must be an object",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[],\"truncatedAlerts\":\"2\"}|truncatedAlerts must be a non-negative integer (at most 2147483647), got \"2\"",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[],\"truncatedAlerts\":1.5}|truncatedAlerts must be a non-negative integer (at most 2147483647), got 1.5",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[],\"truncatedAlerts\":-1}|truncatedAlerts must be a non-negative integer (at most 2147483647), got -1",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[],\"truncatedAlerts\":1e3}|truncatedAlerts must be a non-negative integer (at most 2147483647), got 1000.0",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[],\"truncatedAlerts\":2.0}|truncatedAlerts must be a non-negative integer",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[],\"truncatedAlerts\":2147483648}|truncatedAlerts must be a non-negative integer",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[]}|alerts is empty: a firing notification without a firing alert gives no reason to pause",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"truncatedAlerts\":3,\"alerts\":[{\"status\":\"resolved\",\"labels\":{\"alertname\":\"A\"}}]}|no alert in alerts has status \"firing\": a firing notification without a firing alert gives no reason to pause",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"pending\"}]}|alerts[0].status must be \"firing\" or \"resolved\"",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":7,\"groupKey\":\"g\",\"alerts\":[]}|receiver must be a string",
            "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[{\"fingerprint\":5}]}|fingerprint must be a string",
            "{\"reason\":\"a\",\"reason\":\"b\"}|malformed JSON: Duplicate field 'reason'",
            "{\"reason\":3}|reason must be a string",
            "{\"reason\":\"x\",\"requestedBy\":[]}|requestedBy must be a string"})
    void badBodiesNameTheProblem(String body, String message) {
        PauseProblem problem = assertThrows(PauseProblem.class, () -> parse(body));
        assertEquals(400, problem.status());
        assertTrue(problem.getMessage().startsWith(message), problem.getMessage());
    }

    /** A storm of firing alerts keeps the first 50 as reasons and in the commit message, not an unbounded list. */
    @Test
    void aNotificationWithManyFiringAlertsKeepsTheFirstFifty() {
        StringBuilder body = new StringBuilder("{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":[");
        for (int i = 0; i < PauseRequestParser.MAX_ALERTS_KEPT + 1; i++) {
            body.append(i == 0 ? "" : ",").append("{\"status\":\"firing\",\"labels\":{\"alertname\":\"A").append(i)
                    .append("\"},\"fingerprint\":\"f").append(i).append("\"}");
        }
        PauseRequest request = parse(body.append("]}").toString());
        assertEquals(50, request.alerts().size());
        assertEquals(50, request.reasons().size());
        assertEquals("A49", request.reasons().get(49), "the first fifty, in order");
    }
}
