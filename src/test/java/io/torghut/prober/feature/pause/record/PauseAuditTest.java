package io.torghut.prober.feature.pause.record;

import io.torghut.prober.feature.pause.model.AuditEntry;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PauseResult;
import io.torghut.prober.feature.pause.model.PauseSource;
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
        PauseRequest request = new PauseRequest(PauseSource.MANUAL, false, forged + "\u202E\n", List.of(forged, "two\r\nlines"), List.of(),
                Optional.empty(), 0, 0, false);
        Map<String, String> fields = AuditLine.fields(PauseMode.TRIGGER, AuditEntry.of(PauseResult.REFUSED, request, forged));
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

    /**
     * The JSON log writes the audit's fields as MDC entries: they are set while the record is written and removed
     * afterwards, so no later log line of the same thread carries a stale requester or commit.
     */
    @Test
    void theFieldsAreInTheMdcForTheAuditRecordOnly() {
        PauseRequest request = PauseRequest.manual("oncall@example.com", "ta_signals stale", false);
        Map<String, String> fields = AuditLine.fields(PauseMode.TRIGGER,
                AuditEntry.of(PauseResult.PAUSED, request, "pushed").withCommit("abc123").withArgocd("sync requested"));
        Map<String, Object> seen = new java.util.HashMap<>();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(AuditLine.LOG.getName());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                fields.keySet().forEach(k -> {
                    Object v = org.jboss.logging.MDC.get(k);
                    if (v != null) {
                        seen.put(k, v);
                    }
                });
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        try {
            AuditLine.log(false, fields);
        } finally {
            jul.removeHandler(capture);
        }
        assertEquals(fields, seen, "every field is an MDC entry while the record is written");
        fields.keySet().forEach(k -> assertEquals(null, org.jboss.logging.MDC.get(k), k + " left in the MDC"));
    }
}
