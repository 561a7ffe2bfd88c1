package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.edge.PauseResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The /pause bad-input corpus: the files listed in {@code pause-corpus/expected.tsv} plus bodies too big to keep in
 * git (1 MiB boundaries, 10 000 levels of nesting). Every entry says what /pause must answer; none may commit.
 */
public final class PauseCorpus {
    /** One body, the Content-Type sent with it (empty: no header), the status expected and a message prefix ("" any). */
    public record Case(String name, byte[] body, String contentType, int status, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private PauseCorpus() {
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>(files());
        cases.addAll(generated());
        return cases;
    }

    static List<Case> files() {
        List<Case> cases = new ArrayList<>();
        for (String line : new String(resource("/pause-corpus/expected.tsv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            cases.add(new Case(f[0], resource("/pause-corpus/" + f[0]), f[2], Integer.parseInt(f[1]), f[3]));
        }
        return cases;
    }

    static List<Case> generated() {
        String json = "application/json";
        int mib = PauseResource.MAX_BODY;
        return List.of(
                new Case("nested-arrays-10000", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII), json, 400, "malformed JSON"),
                new Case("nested-objects-10000", ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.US_ASCII), json, 400, "malformed JSON"),
                new Case("nested-reason-10000", ("{\"reason\":" + "[".repeat(10_000)).getBytes(StandardCharsets.US_ASCII), json, 400, "malformed JSON"),
                new Case("unclosed-objects-100000", "{\"a\":".repeat(100_000).getBytes(StandardCharsets.US_ASCII), json, 400, "malformed JSON"),
                new Case("resolved-padded-to-1MiB-minus-1", resolvedOfSize(mib - 1), json, 200, ""),
                new Case("resolved-padded-to-exactly-1MiB", resolvedOfSize(mib), json, 200, ""),
                new Case("resolved-padded-to-1MiB-plus-1", resolvedOfSize(mib + 1), json, 413, "the body is larger than 1 MiB"),
                new Case("reason-number-padded-to-1MiB-minus-1", padded("{\"reason\": 1, \"requestedBy\": \"", "\"}", mib - 1), json, 400, "reason must be a string"),
                new Case("many-alerts-wrong-last", manyAlerts(20_000), json, 400, "alerts[20000] must be an object"),
                new Case("deep-whitespace", (" ".repeat(mib - 20) + "{\"reason\": 5}").getBytes(StandardCharsets.US_ASCII), json, 400, "reason must be a string"));
    }

    /** The real Alertmanager body with status resolved and its summary padded so the whole body has {@code size} bytes. */
    static byte[] resolvedOfSize(int size) {
        String body = realBody().replace("\"status\": \"firing\",\n  \"alerts\"", "\"status\": \"resolved\",\n  \"alerts\"");
        if (!body.contains("\"resolved\"")) {
            throw new IllegalStateException("the real body changed shape");
        }
        int at = body.indexOf("demo value 42");
        return padded(body.substring(0, at), body.substring(at), size);
    }

    static byte[] padded(String head, String tail, int size) {
        int pad = size - head.getBytes(StandardCharsets.UTF_8).length - tail.getBytes(StandardCharsets.UTF_8).length;
        byte[] bytes = (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.UTF_8);
        if (bytes.length != size) {
            throw new IllegalStateException("padding went wrong: " + bytes.length);
        }
        return bytes;
    }

    private static byte[] manyAlerts(int n) {
        String alert = "{\"status\":\"resolved\",\"labels\":{\"alertname\":\"A\"}},";
        return ("{\"version\":\"4\",\"status\":\"resolved\",\"receiver\":\"r\",\"groupKey\":\"g\",\"alerts\":["
                + alert.repeat(n) + "7]}").getBytes(StandardCharsets.US_ASCII);
    }

    /** The real Alertmanager v4 webhook body (captured from Alertmanager, status firing). */
    public static String realBody() {
        return new String(resource("/alertmanager-webhook-v4.json"), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PauseCorpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
