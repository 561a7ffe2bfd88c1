package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.model.AlertRef;
import io.torghut.prober.feature.pause.model.PauseRequest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.torghut.prober.shared.FreeText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a /pause body: the Alertmanager webhook (version "4") or a manual {@code {"reason", "requestedBy"}}. Every
 * type is checked by hand so a wrong body is a 400 naming the field, never a 500. Free text is cut to sane lengths
 * and cleaned by {@link FreeText} (one line, no control nor hidden character), because it ends up in commit messages,
 * Events and logs. A firing notification must carry a firing alert: without a reason there is no pause.
 */
public final class PauseRequestParser {
    static final int MAX_TEXT = 500;
    public static final int MAX_ALERTS_KEPT = 50;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PauseRequestParser() {
    }

    public static PauseRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(utf8(body));
        } catch (JsonProcessingException e) {
            throw bad("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw bad("unreadable body");
        }
        if (root == null || !root.isObject()) {
            throw bad("the body must be a JSON object");
        }
        if (root.has("version") || root.has("alerts")) {
            return alertmanager(root);
        }
        if (root.has("reason")) {
            return manual(root);
        }
        throw bad("expected an Alertmanager webhook (version \"4\") or {\"reason\": ..., \"requestedBy\": ..., \"force\": false}");
    }

    /**
     * JSON on the wire is UTF-8 (RFC 8259 section 8.1). Decoded strictly here because Jackson's own decoder lets
     * overlong forms through (bytes C0 AF read as '/') and guesses UTF-16/32 from the first bytes.
     */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw bad("the body is not valid UTF-8");
        }
    }

    private static PauseRequest manual(JsonNode root) {
        String reason = text(root, "reason", true);
        if (reason.isBlank()) {
            throw bad("reason must not be blank");
        }
        String by = root.has("requestedBy") ? text(root, "requestedBy", true) : "";
        boolean force = false;
        if (root.has("force")) {
            JsonNode node = root.get("force");
            if (!node.isBoolean()) {
                throw bad("force must be true or false");
            }
            force = node.booleanValue();
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("reason") && !name.equals("requestedBy") && !name.equals("force")) {
                throw bad("unknown field '" + clean(name) + "' in a manual pause request");
            }
        }
        return PauseRequest.manual(by.isBlank() ? "unknown (manual request)" : by, reason, force);
    }

    private static PauseRequest alertmanager(JsonNode root) {
        String version = text(root, "version", true);
        if (!"4".equals(version)) {
            throw bad("unsupported Alertmanager webhook version '" + version + "' (expected \"4\")");
        }
        String status = text(root, "status", true);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw bad("status must be \"firing\" or \"resolved\"");
        }
        String receiver = text(root, "receiver", true);
        String groupKey = text(root, "groupKey", true);
        int truncated = truncated(root.get("truncatedAlerts"));
        // Fields the prober does not use are still type-checked: a body that is not a v4 webhook must not pause trading.
        for (String field : new String[] {"groupLabels", "commonLabels", "commonAnnotations"}) {
            stringMap(root, field, field);
        }
        text(root, "externalURL", false);
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw bad("alerts must be an array");
        }
        List<AlertRef> firing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int firingCount = 0;
        for (int i = 0; i < alerts.size(); i++) {
            JsonNode alert = alerts.get(i);
            if (!alert.isObject()) {
                throw bad("alerts[" + i + "] must be an object");
            }
            Map<String, String> labels = strings(alert, "labels", i);
            Map<String, String> annotations = strings(alert, "annotations", i);
            String alertStatus = alert.has("status") ? text(alert, "status", true) : status;
            if (!alertStatus.equals("firing") && !alertStatus.equals("resolved")) {
                throw bad("alerts[" + i + "].status must be \"firing\" or \"resolved\"");
            }
            String fingerprint = alert.has("fingerprint") ? text(alert, "fingerprint", true) : "";
            String startsAt = alert.has("startsAt") ? text(alert, "startsAt", true) : "";
            text(alert, "endsAt", false);
            text(alert, "generatorURL", false);
            if ("firing".equals(alertStatus)) {
                firingCount++;
            }
            if ("firing".equals(alertStatus) && firing.size() < MAX_ALERTS_KEPT) {
                String name = labels.getOrDefault("alertname", "");
                name = name.isBlank() ? "unnamed" : name;
                String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", ""));
                firing.add(new AlertRef(name, fingerprint, startsAt, summary));
                reasons.add(summary.isBlank() ? name : name + ": " + summary);
            }
        }
        if (status.equals("firing") && reasons.isEmpty()) {
            throw bad((alerts.isEmpty() ? "alerts is empty" : "no alert in alerts has status \"firing\"")
                    + ": a firing notification without a firing alert gives no reason to pause; nothing was committed");
        }
        return PauseRequest.alertmanager(status.equals("resolved"), receiver, reasons, firing, groupKey, truncated, firingCount);
    }

    /**
     * Alertmanager writes {@code truncatedAlerts} as an unsigned integer literal. A fraction, an exponent form (1e3), a
     * string, a negative number or one beyond 2^31-1 is not from Alertmanager and is refused rather than guessed at.
     */
    private static int truncated(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw bad("truncatedAlerts must be a non-negative integer (at most " + Integer.MAX_VALUE + "), got " + FreeText.line(node.toString(), 40));
        }
        return node.intValue();
    }

    private static Map<String, String> strings(JsonNode alert, String field, int index) {
        return stringMap(alert, field, "alerts[" + index + "]." + field);
    }

    private static Map<String, String> stringMap(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw bad(path + " must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw bad(path + "." + clean(entry.getKey()) + " must be a string");
            }
            values.put(entry.getKey(), clean(entry.getValue().textValue()));
        }
        return values;
    }

    private static String text(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw bad(field + " is required");
            }
            return "";
        }
        if (!node.isTextual()) {
            throw bad(field + " must be a string");
        }
        return clean(node.textValue());
    }

    /** One line, bounded, without control or hidden characters: see {@link FreeText}. */
    static String clean(String text) {
        return FreeText.line(text, MAX_TEXT);
    }

    private static PauseProblem bad(String message) {
        return new PauseProblem(400, "bad_request", message);
    }
}
