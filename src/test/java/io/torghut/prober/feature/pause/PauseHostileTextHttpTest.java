package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.edge.PauseResourceTest;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Event;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.Response;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.shared.FreeText;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Text from outside, through HTTP, in trigger mode against a real bare repository with the production (JSON) log format:
 * a quote, newlines and every kind of hidden character in every free-text field of a webhook and of a manual request.
 * Asserts on the commit message bytes read back from git, on the parsed JSON audit record, on the Event and on
 * /diagnose; and that a firing notification without a firing alert is a 400 that commits nothing.
 */
@QuarkusTest
@TestProfile(PauseHostileTextHttpTest.JsonLogs.class)
@WithKubernetesTestServer(crud = true)
@WithTestResource(BareRepoResource.class)
class PauseHostileTextHttpTest {
    static final String HIDDEN = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200C\u200D\u200E\u200F\uFEFF\u00AD\u2060\uDB40\uDC41";
    static final String FORGERY = "\" result=paused commit=deadbeef detail=\"";
    static final String NEWLINES = "\n2026-11-29T03:00:00.000+0000 INFO  [io.tor.pro.pau.audit] pause action mode=trigger result=paused\r\nCommitted by: mallory\u2028";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The production log format: JSON on the console. */
    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true");
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    BareRepo remote;

    @BeforeEach
    void tradingEnabledInGit() throws Exception {
        remote = BareRepoResource.remote;
        remote.restart();
    }

    /** {@code word} with a quote that would close a value, newlines that would start a record, and every hidden character. */
    static String hostile(String word) {
        return word + FORGERY + NEWLINES + HIDDEN + word.substring(0, 1) + HIDDEN.substring(4, 5) + word.substring(1);
    }

    /** What {@link #hostile} must become everywhere the prober writes it. */
    static String cleaned(String word) {
        return word + "\" result=paused commit=deadbeef detail=\" 2026-11-29T03:00:00.000+0000 INFO  [io.tor.pro.pau.audit] pause action mode=trigger result=paused Committed by: mallory "
                + word;
    }

    @Test
    void hostileWebhookTextIsCleanInTheCommitTheAuditRecordTheEventAndDiagnose() throws Exception {
        int before = remote.log().size();
        ObjectNode body = (ObjectNode) JSON.readTree(PauseCorpus.realBody());
        ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
        ((ObjectNode) alert.get("labels")).put("alertname", hostile("Name"));
        ((ObjectNode) alert.get("annotations")).put("summary", hostile("Summary"));
        alert.put("fingerprint", hostile("fp"));
        alert.put("startsAt", hostile("since"));
        body.put("receiver", hostile("receiver"));
        body.put("groupKey", hostile("group-" + UUID.randomUUID()));

        JsonNode record;
        try (ConsoleLogCapture log = new ConsoleLogCapture()) {
            assertTrue(log.formatter() instanceof JsonFormatter, "the console writes JSON: " + log.formatter());
            Response answer = post(JSON.writeValueAsString(body));
            answer.then().statusCode(200).body("action", equalTo("paused"));
            record = onlyAuditRecord(log, "paused");
            RevCommit commit = remote.log().get(0);
            assertEquals(answer.path("commit").toString(), commit.name());
            assertEquals(before + 1, remote.log().size());

            List<String> message = commitMessageLines(commit);
            assertTrue(message.contains("- " + cleaned("Name") + ": " + cleaned("Summary")), String.join("\n", message));
            assertTrue(message.contains("- " + cleaned("Name") + " fingerprint=" + cleaned("fp") + " since " + cleaned("since")),
                    String.join("\n", message));
            assertTrue(message.contains("Requested by: alertmanager receiver " + cleaned("receiver") + " (alertmanager)"), String.join("\n", message));
            assertEquals(1, message.stream().filter(l -> l.startsWith("Committed by: ")).count(), "no forged trailer line");
            assertTrue(message.stream().anyMatch(l -> l.startsWith("Committed by: torghut-prober ")), String.join("\n", message));
        }
        JsonNode mdc = record.get("mdc");
        assertEquals("alertmanager receiver " + cleaned("receiver"), mdc.get("requestedBy").asText());
        assertEquals(cleaned("Name") + ": " + cleaned("Summary"), mdc.get("reasons").asText());
        assertEquals(remote.log().get(0).name(), mdc.get("commit").asText());
        assertEquals("trigger", mdc.get("mode").asText());
        assertTrue(record.get("message").asText().startsWith("pause action mode=trigger result=paused source=alertmanager requestedBy=\"alertmanager receiver receiver\\\" result=paused"),
                record.get("message").asText());

        String commit = remote.log().get(0).name();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<Event> events = server.getClient().v1().events().inNamespace("torghut").list().getItems();
            Event paused = events.stream().filter(e -> "TradingPaused".equals(e.getReason()) && e.getMessage().contains(commit)).findFirst()
                    .orElseThrow(() -> new AssertionError(events.toString()));
            assertTrue(paused.getMessage().contains("for alertmanager receiver " + cleaned("receiver") + ": " + cleaned("Name") + ": " + cleaned("Summary")),
                    paused.getMessage());
            assertTrue(FreeText.isClean(paused.getMessage()), paused.getMessage());
        });

        String text = given().accept("text/plain").get("/diagnose").then().statusCode(200).extract().asString();
        String pauseSection = text.substring(text.indexOf("TRADING PAUSE (GitOps)"));
        assertTrue(pauseSection.contains("last action: paused at "), pauseSection);
        assertTrue(pauseSection.lines().allMatch(FreeText::isClean), pauseSection);
        // One rule: /diagnose (no token) shows what and when; who asked and why only GET /pause with the token.
        String json = given().accept("application/json").get("/diagnose").then().statusCode(200).extract().asString();
        for (String unauthenticated : List.of(pauseSection, json)) {
            assertFalse(unauthenticated.contains("mallory") || unauthenticated.contains("receiver receiver"),
                    unauthenticated);
        }
        assertEquals("paused", JSON.readTree(json).at("/sections/pause/lastAction/action").asText(), json);
        given().get("/pause").then().statusCode(401);
        JsonNode view = JSON.readTree(given().header("Authorization", PauseResourceTest.BEARER).get("/pause").asString());
        assertEquals("alertmanager receiver " + cleaned("receiver"), view.at("/lastAction/requestedBy").asText());
        assertEquals(cleaned("Name") + ": " + cleaned("Summary"), view.at("/lastAction/reasons/0").asText());
    }

    @Test
    void hostileManualRequestIsCleanInTheCommitAndTheAuditRecord() throws Exception {
        String body = JSON.writeValueAsString(Map.of("reason", hostile("Reason"), "requestedBy", hostile("alice")));
        JsonNode record;
        try (ConsoleLogCapture log = new ConsoleLogCapture()) {
            post(body).then().statusCode(200).body("action", equalTo("paused"));
            record = onlyAuditRecord(log, "paused");
        }
        assertEquals(cleaned("alice"), record.at("/mdc/requestedBy").asText());
        assertEquals(cleaned("Reason"), record.at("/mdc/reasons").asText());
        assertEquals("manual", record.at("/mdc/source").asText());
        List<String> message = commitMessageLines(remote.log().get(0));
        assertTrue(message.contains("- " + cleaned("Reason")), String.join("\n", message));
        assertTrue(message.contains("Requested by: " + cleaned("alice") + " (manual)"), String.join("\n", message));
    }

    @Test
    void firingWithoutAFiringAlertIs400AndCommitsNothing() throws Exception {
        int before = remote.log().size();
        ObjectNode empty = (ObjectNode) JSON.readTree(PauseCorpus.realBody());
        empty.put("groupKey", "empty-" + UUID.randomUUID());
        empty.set("alerts", JSON.createArrayNode());
        ObjectNode onlyResolved = (ObjectNode) JSON.readTree(PauseCorpus.realBody());
        onlyResolved.put("groupKey", "resolved-only-" + UUID.randomUUID());
        ((ObjectNode) onlyResolved.get("alerts").get(0)).put("status", "resolved");
        ObjectNode fraction = (ObjectNode) JSON.readTree(PauseCorpus.realBody());
        fraction.put("truncatedAlerts", 1.5);
        try (ConsoleLogCapture log = new ConsoleLogCapture()) {
            post(JSON.writeValueAsString(empty)).then().statusCode(400).contentType("application/json").body("error", equalTo("bad_request"))
                    .body("message", startsWith("alerts is empty: a firing notification without a firing alert gives no reason to pause"));
            post(JSON.writeValueAsString(onlyResolved)).then().statusCode(400).contentType("application/json")
                    .body("message", startsWith("no alert in alerts has status \"firing\""));
            post(JSON.writeValueAsString(fraction)).then().statusCode(400).contentType("application/json")
                    .body("message", startsWith("truncatedAlerts must be a non-negative integer"));
            assertTrue(auditRecords(log).isEmpty(), "a refused body is no pause decision");
        }
        assertEquals(before, remote.log().size(), "no reason, no commit");
        assertTrue(remote.manifest().contains(PauseResourceTest.ENABLED_LINE));
    }

    private static Response post(String body) {
        return given().header("Authorization", PauseResourceTest.BEARER).contentType("application/json; charset=utf-8")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/pause");
    }

    /** The single audit record of this request, parsed strictly; every captured line must be one JSON record. */
    private static JsonNode onlyAuditRecord(ConsoleLogCapture log, String result) throws Exception {
        List<JsonNode> audit = auditRecords(log);
        assertEquals(1, audit.size(), audit::toString);
        assertEquals(result, audit.get(0).at("/mdc/result").asText());
        assertEquals("pause-action", audit.get(0).at("/mdc/audit").asText());
        return audit.get(0);
    }

    private static List<JsonNode> auditRecords(ConsoleLogCapture log) throws Exception {
        List<JsonNode> audit = new ArrayList<>();
        for (String line : log.lines()) {
            assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, () -> "one line per record: " + line);
            JsonNode record = JSON.readTree(line);
            assertTrue(FreeText.isClean(record.get("message").asText()), line);
            // The prober's own verdict may recommend a pause meanwhile (its probe targets are unreachable): not this request.
            if (record.path("loggerName").asText().equals("io.torghut.prober.pause.audit") && !record.at("/mdc/source").asText().equals("auto")) {
                audit.add(record);
            }
        }
        return audit;
    }

    /** The commit message as stored: strict UTF-8, no control character but LF, nothing hidden. */
    private static List<String> commitMessageLines(RevCommit commit) throws Exception {
        byte[] raw = commit.getRawBuffer();
        byte[] message = java.util.Arrays.copyOfRange(raw, RawParseUtils.commitMessage(raw, 0), raw.length);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(message)).toString();
        assertTrue(text.codePoints().allMatch(c -> c == '\n' || !(FreeText.hidden(c) || FreeText.control(c))),
                () -> "control or hidden character in the commit message: " + text.codePoints().boxed().toList());
        assertFalse(text.contains("\r"));
        return text.lines().toList();
    }
}
