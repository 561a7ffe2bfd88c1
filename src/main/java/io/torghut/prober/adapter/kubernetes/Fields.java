package io.torghut.prober.adapter.kubernetes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Null-safe navigation of the untyped maps of a {@code GenericKubernetesResource}. */
final class Fields {
    private Fields() {
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String text(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? "" : String.valueOf(value);
    }

    /**
     * Text written by someone else (a condition message, a waiting message, an Event): one line without hidden or
     * control characters ({@link io.torghut.prober.shared.FreeText}) and without credentials
     * ({@link io.torghut.prober.shared.LogScrubber}), at most 1000 characters.
     */
    static String outside(Object node, String... path) {
        String text = text(node, path);
        return text.isEmpty() ? text : io.torghut.prober.shared.FreeText.line(io.torghut.prober.shared.LogScrubber.mask(text), 1000);
    }

    static Optional<String> optionalText(Object node, String... path) {
        String value = text(node, path);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static int number(Object node, String... path) {
        Object value = at(node, path);
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 0 : Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static List<?> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? l : List.of();
    }

    static Instant instant(String text) {
        try {
            return text == null || text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
