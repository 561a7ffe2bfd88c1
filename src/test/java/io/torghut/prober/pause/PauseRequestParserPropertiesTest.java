package io.torghut.prober.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the pure /pause parser, for any input: it returns a request or throws a 400 {@link PauseProblem},
 * never anything else (no Jackson exception, no NPE, no stack overflow), and what it returns is clean (one line,
 * bounded, no control characters) because it ends up in commit messages.
 */
class PauseRequestParserPropertiesTest {
    private static final byte[] REAL = PauseCorpus.realBody().getBytes(StandardCharsets.UTF_8);

    @Property(tries = 2000)
    void anyBytesGiveARequestOrA400(@ForAll @Size(max = 300) byte[] body) {
        check(body);
    }

    @Property(tries = 3000)
    void mutationsOfTheRealWebhookGiveARequestOrA400(@ForAll Random random) {
        check(BodyMutator.mutate(REAL, random));
    }

    @Property(tries = 2000)
    void mutationsOfAManualRequestGiveARequestOrA400(@ForAll Random random) {
        check(BodyMutator.mutate("{\"reason\": \"TA stale since 09:41\", \"requestedBy\": \"alice\"}".getBytes(StandardCharsets.UTF_8), random));
    }

    @Property(tries = 3000)
    void randomWebhookShapedJsonGivesARequestOrA400(@ForAll Random random) {
        check(BodyMutator.randomJson(random, true));
    }

    @Property(tries = 1000)
    void bodiesThatNeverSayFiringNorReasonNeverAskForAPause(@ForAll Random random) {
        PauseRequest request = check(BodyMutator.randomJson(random, false));
        if (request != null) {
            assertTrue(request.resolved(), () -> "a body without \"firing\" nor a reason was read as a pause request: " + request);
        }
    }

    @Property(tries = 500)
    void anyTextInTheManualReasonComesOutClean(@ForAll String reason) {
        String json = "{\"reason\": " + quote(reason) + "}";
        PauseRequest request = check(json.getBytes(StandardCharsets.UTF_8));
        if (request != null) {
            assertEquals(1, request.reasons().size());
        }
    }

    /** Parses and checks the contract; returns the request, or null for a 400. */
    static PauseRequest check(byte[] body) {
        PauseRequest request;
        try {
            request = PauseRequestParser.parse(body);
        } catch (PauseProblem problem) {
            assertEquals(400, problem.status(), problem::getMessage);
            assertEquals("bad_request", problem.code());
            assertTrue(problem.getMessage() != null && !problem.getMessage().isBlank());
            assertTrue(problem.getMessage().length() < 1000, "a bounded message");
            return null;
        }
        for (String text : request.reasons()) {
            assertClean(text);
        }
        assertClean(request.requestedBy());
        request.alerts().forEach(alert -> {
            assertClean(alert.name());
            assertClean(alert.summary());
        });
        return request;
    }

    private static void assertClean(String text) {
        assertTrue(text.length() <= PauseRequestParser.MAX_TEXT + 1, () -> "too long: " + text.length());
        assertTrue(text.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
                || c == 0x2028 || c == 0x2029), () -> "control or lone surrogate in " + text.codePoints().boxed().toList());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            out.append(c == '"' || c == '\\' || c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append('"').toString();
    }
}
