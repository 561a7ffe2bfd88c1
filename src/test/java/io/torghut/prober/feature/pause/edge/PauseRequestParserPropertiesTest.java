package io.torghut.prober.feature.pause.edge;

import io.torghut.prober.feature.pause.BodyMutator;
import io.torghut.prober.feature.pause.PauseCorpus;
import io.torghut.prober.feature.pause.Seeded;
import io.torghut.prober.feature.pause.model.PauseRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.FreeText;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the pure /pause parser, for any input: it returns a request or throws a 400 {@link PauseProblem},
 * never anything else (no Jackson exception, no NPE, no stack overflow), and what it returns is clean (one line,
 * bounded, no control nor hidden character) because it ends up in commit messages. 11 500 generated inputs per run,
 * from a printed seed (see {@link Seeded}).
 */
class PauseRequestParserPropertiesTest {
    private static final byte[] REAL = PauseCorpus.realBody().getBytes(StandardCharsets.UTF_8);
    private static final byte[] MANUAL = "{\"reason\": \"TA stale since 09:41\", \"requestedBy\": \"alice\"}".getBytes(StandardCharsets.UTF_8);
    /** Inputs per property, as the jqwik version had them (11 500 in all). */
    private static final int[] TRIES = {2000, 3000, 2000, 3000, 1000, 500};

    @Test
    void anyBytesGiveARequestOrA400() {
        Seeded.forAll("anyBytes", TRIES[0], random -> {
            byte[] body = new byte[random.nextInt(301)];
            random.nextBytes(body);
            return body;
        }, PauseRequestParserPropertiesTest::check);
    }

    @Test
    void mutationsOfTheRealWebhookGiveARequestOrA400() {
        Seeded.forAll("mutatedWebhook", TRIES[1], random -> BodyMutator.mutate(REAL, random),
                PauseRequestParserPropertiesTest::check);
    }

    @Test
    void mutationsOfAManualRequestGiveARequestOrA400() {
        Seeded.forAll("mutatedManual", TRIES[2], random -> BodyMutator.mutate(MANUAL, random),
                PauseRequestParserPropertiesTest::check);
    }

    @Test
    void randomWebhookShapedJsonGivesARequestOrA400() {
        Seeded.forAll("randomWebhookJson", TRIES[3], random -> BodyMutator.randomJson(random, true),
                PauseRequestParserPropertiesTest::check);
    }

    @Test
    void bodiesThatNeverSayFiringNorReasonNeverAskForAPause() {
        Seeded.forAll("neverFiring", TRIES[4], random -> BodyMutator.randomJson(random, false), body -> {
            PauseRequest request = check(body);
            if (request != null) {
                assertTrue(request.resolved(), () -> "a body without \"firing\" nor a reason was read as a pause request: " + request);
            }
        });
    }

    @Test
    void anyTextInTheManualReasonComesOutClean() {
        Seeded.forAll("manualReasonText", TRIES[5], HostileText::string, reason -> {
            PauseRequest request = check(("{\"reason\": " + HostileText.jsonString(reason) + "}").getBytes(StandardCharsets.UTF_8));
            if (request != null) {
                assertEquals(1, request.reasons().size());
                assertEquals(FreeText.line(reason, PauseRequestParser.MAX_TEXT), request.reasons().get(0));
            } else {
                assertTrue(FreeText.line(reason).isEmpty(), "only a reason with nothing visible is refused");
            }
        });
    }

    @Test
    void asManyInputsAsTheJqwikVersion() {
        assertTrue(java.util.Arrays.stream(TRIES).sum() >= 11_500, "the jqwik version tried 11 500 inputs; keep at least as many");
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
        if (!request.resolved()) {
            assertTrue(!request.reasons().isEmpty() && request.reasons().stream().noneMatch(String::isBlank),
                    () -> "a pause request without a reason: " + request);
        }
        request.reasons().forEach(PauseRequestParserPropertiesTest::assertClean);
        assertClean(request.requestedBy());
        request.alerts().forEach(alert -> {
            assertClean(alert.name());
            assertClean(alert.summary());
            assertClean(alert.fingerprint());
            assertClean(alert.startsAt());
        });
        request.groupKey().ifPresent(PauseRequestParserPropertiesTest::assertClean);
        assertTrue(request.truncated() >= 0);
        return request;
    }

    private static void assertClean(String text) {
        assertTrue(text.length() <= PauseRequestParser.MAX_TEXT + FreeText.ELLIPSIS.length(), () -> "too long: " + text.length());
        assertTrue(FreeText.isClean(text), () -> "control or hidden character in " + text.codePoints().boxed().toList());
    }

    /** Random strings weighted towards what hides or breaks text. */
    static final class HostileText {
        private static final int[] NASTY = {'"', '\\', '\n', '\r', '\t', 0, 0x7F, 0x85, 0x9B, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066,
            0x2069, 0x200B, 0x200D, 0x200F, 0xFEFF, 0x00AD, 0xE0041, 0xD800, 0xDC00, 0xFFFF, 0x3164, 0x1F6A8, 0xE9, 0x4E2D};

        private HostileText() {
        }

        static String string(Random random) {
            int length = random.nextInt(10) == 0 ? 400 + random.nextInt(800) : random.nextInt(40);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> out.appendCodePoint(NASTY[random.nextInt(NASTY.length)]);
                    case 1 -> out.append((char) random.nextInt(0x10000));
                    case 2 -> out.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                    default -> out.append((char) (0x20 + random.nextInt(0x5F)));
                }
            }
            return out.toString();
        }

        /** A JSON string literal; lone surrogates as \\u escapes (legal JSON, not encodable in UTF-8). */
        static String jsonString(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                out.append(c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            return out.append('"').toString();
        }
    }
}
