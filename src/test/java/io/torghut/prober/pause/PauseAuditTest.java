package io.torghut.prober.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The audit record's fields and its text-format message: no value can end itself early or add a field. */
class PauseAuditTest {
    private static final Pattern FIELD = Pattern.compile(" (\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|[^ \"]+)");

    @Test
    void aQuoteInAnyValueCannotForgeAField() {
        String forged = "x\" result=paused commit=deadbeef argocd=\"synced\\";
        PauseRequest request = new PauseRequest("manual", false, forged + "\u202E\n", List.of(forged, "two\r\nlines"), List.of(),
                Optional.empty(), 0);
        Map<String, String> fields = AuditLine.fields(PauseMode.TRIGGER, PauseResult.REFUSED, request, null, forged, null);
        assertEquals(forged, fields.get("requestedBy"), "hidden characters and newlines removed, the rest kept");
        assertEquals(forged + "; two lines", fields.get("reasons"));
        assertEquals("-", fields.get("commit"));

        String message = AuditLine.message(fields);
        assertTrue(message.startsWith("pause action mode=trigger result=refused source=manual requestedBy=\"x\\\" result=paused"), message);
        Matcher m = FIELD.matcher(message.substring("pause action".length()));
        List<String> keys = new java.util.ArrayList<>();
        int end = 0;
        while (m.find() && m.start() == end) {
            keys.add(m.group(1));
            end = m.end();
        }
        assertEquals(message.length() - "pause action".length(), end, "the whole message is key=value fields: " + message);
        assertEquals(List.of("mode", "result", "source", "requestedBy", "commit", "reasons", "detail"), keys);
    }
}
