package io.torghut.prober.feature.pause.record;

import io.torghut.prober.feature.pause.model.AuditEntry;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseRequest;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.torghut.prober.shared.FreeText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One pause decision as a structured log record. Its fields are MDC entries, which the JSON log format writes as real
 * JSON fields under {@code "mdc"} (escaped by the formatter); the message repeats them for the text format with every
 * value from outside in JSON quotes, so a quote, a newline or a hidden character in a reason can neither end its value
 * nor forge another field, in either format.
 */
final class AuditLine {
    static final Logger LOG = Logger.getLogger("io.torghut.prober.pause.audit");
    /** The MDC keys of an audit record, in message order; {@code audit} is always {@code pause-action}. */
    static final List<String> KEYS = List.of("audit", "mode", "result", "source", "requestedBy", "commit", "reasons", "detail", "argocd");

    private AuditLine() {
    }

    static Map<String, String> fields(PauseMode mode, AuditEntry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        PauseRequest request = entry.request();
        fields.put("audit", "pause-action");
        fields.put("mode", mode.label());
        fields.put("result", entry.result().label());
        fields.put("source", request.source().label());
        fields.put("requestedBy", FreeText.line(request.requestedBy()));
        fields.put("commit", entry.commit() == null ? "-" : FreeText.line(entry.commit()));
        fields.put("reasons", FreeText.line(String.join("; ", request.reasons())));
        fields.put("detail", FreeText.line(entry.detail()));
        if (entry.argocd() != null) {
            fields.put("argocd", FreeText.line(entry.argocd()));
        }
        return fields;
    }

    /** The text-format message: {@code pause action mode=... result=... requestedBy="..." ...}. */
    static String message(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("pause action");
        fields.forEach((key, value) -> {
            if (!key.equals("audit")) {
                out.append(' ').append(key).append('=').append(quoted(key) ? quote(value) : value);
            }
        });
        return out.toString();
    }

    static void log(boolean warning, Map<String, String> fields) {
        fields.forEach(MDC::put);
        try {
            LOG.log(warning ? Logger.Level.WARN : Logger.Level.INFO, message(fields));
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    /** Values that only the prober writes (enum labels, commit ids) stay bare; everything else is quoted. */
    private static boolean quoted(String key) {
        return !(key.equals("mode") || key.equals("result") || key.equals("source") || key.equals("commit"));
    }

    private static String quote(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
