package io.torghut.prober.feature.pause;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generated /pause bodies from a {@link Random}: byte-level mutations of a seed body (flip, delete, insert, duplicate,
 * truncate, splice JSON tokens) and random JSON trees shaped like the webhook. The same generator feeds the seeded
 * properties on the parser and the HTTP test, so a failing seed reproduces in both.
 */
public final class BodyMutator {
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null",
            "true", "-0", "1e999", "\"version\"", "\"4\"", "\"status\"", "\"alerts\"", "\"reason\"", "\"labels\"", "\u00ff",
            "\u0000", "\uFEFF", "\u2028", "\"resolved\"", "\"groupKey\"", "\"truncatedAlerts\"", "99999999999999999999");
    private static final List<String> KEYS = List.of("version", "status", "receiver", "groupKey", "truncatedAlerts", "alerts",
            "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "reason", "requestedBy", "labels", "annotations",
            "fingerprint", "startsAt", "endsAt", "generatorURL", "x");

    private BodyMutator() {
    }

    /** One to eight random mutations of {@code seed}. */
    public static byte[] mutate(byte[] seed, Random random) {
        byte[] body = seed;
        int rounds = 1 + random.nextInt(8);
        for (int i = 0; i < rounds; i++) {
            body = mutateOnce(body, random);
        }
        return body;
    }

    static byte[] mutateOnce(byte[] body, Random random) {
        int n = body.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 64);
        switch (random.nextInt(7)) {
            case 0 -> { // flip a bit
                byte[] copy = body.clone();
                if (n > 0) {
                    copy[at] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1 -> { // delete a run
                int len = Math.min(n - at, 1 + random.nextInt(16));
                out.write(body, 0, at);
                out.write(body, at + len, n - at - len);
            }
            case 2 -> { // insert a token
                out.write(body, 0, at);
                out.writeBytes(TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
                out.write(body, at, n - at);
            }
            case 3 -> { // insert random bytes
                out.write(body, 0, at);
                byte[] noise = new byte[1 + random.nextInt(8)];
                random.nextBytes(noise);
                out.writeBytes(noise);
                out.write(body, at, n - at);
            }
            case 4 -> { // duplicate a slice
                int len = Math.min(n - at, random.nextInt(64));
                out.write(body, 0, at + len);
                out.write(body, at, n - at);
            }
            case 5 -> { // truncate
                out.write(body, 0, at);
            }
            default -> { // replace a byte with a structural character
                byte[] copy = body.clone();
                if (n > 0) {
                    String structural = "{}[],:\"\\ 0";
                    copy[at] = (byte) structural.charAt(random.nextInt(structural.length()));
                }
                return copy;
            }
        }
        return out.toByteArray();
    }

    /**
     * A random JSON document using the webhook's keys with random value types. {@code firing} false never says "firing"
     * nor uses the manual "reason" key, so the body can never be a valid pause request.
     */
    public static byte[] randomJson(Random random, boolean firing) {
        StringBuilder json = new StringBuilder();
        value(json, random, 0, firing, true);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(StringBuilder json, Random random, int depth, boolean firing, boolean root) {
        int kind = root ? 0 : random.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0, 5 -> {
                json.append('{');
                int fields = random.nextInt(7);
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    String key = KEYS.get(random.nextInt(KEYS.size()));
                    json.append('"').append(firing || !key.equals("reason") ? key : "x").append("\":");
                    value(json, random, depth + 1, firing, false);
                }
                json.append('}');
            }
            case 1 -> json.append(random.nextBoolean() ? "true" : random.nextBoolean() ? "false" : "null");
            case 2 -> json.append(random.nextInt(3) == 0 ? Double.toString(random.nextDouble() * 1e12) : Long.toString(random.nextLong()));
            case 3, 4 -> {
                List<String> words = firing ? List.of("4", "firing", "resolved", "r", "", " ", "g", "\\u0000", "é")
                        : List.of("4", "resolved", "r", "", " ", "g", "\\u0000", "é", "3");
                json.append('"').append(words.get(random.nextInt(words.size()))).append('"');
            }
            default -> {
                json.append('[');
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    value(json, random, depth + 1, firing, false);
                }
                json.append(']');
            }
        }
    }
}
