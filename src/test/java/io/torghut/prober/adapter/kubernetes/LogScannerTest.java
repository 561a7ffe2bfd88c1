package io.torghut.prober.adapter.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.shared.LogScrubber;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.LogSignature;
import io.torghut.prober.shared.model.SignatureHit;
import io.torghut.prober.testsupport.K8sFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogScannerTest {

    static Stream<Arguments> tracebacks() {
        return Stream.of(
                Arguments.of("uuid-crash-previous.log", Map.of("uuid-not-json-serializable", 2, "python-traceback", 2,
                        "application-startup-failed", 1), "TypeError: Object of type UUID is not JSON serializable"),
                Arguments.of("psycopg-adapt.log", Map.of("psycopg-cannot-adapt-uuid", 2, "python-traceback", 2),
                        "psycopg.ProgrammingError: cannot adapt type 'UUID' using placeholder '%s' (format: AUTO)"),
                Arguments.of("alembic-failed.log", Map.of("alembic-migration-failed", 1, "python-traceback", 1),
                        "alembic.util.exc.CommandError: Can't locate revision identified by '7f3c2a1b9d4e'"),
                Arguments.of("module-not-found.log", Map.of("module-not-found", 1, "python-traceback", 1),
                        "ModuleNotFoundError: No module named 'alpaca'"),
                Arguments.of("postgres-refused.log", Map.of("postgres-connection-failed", 2, "python-traceback", 2,
                        "application-startup-failed", 1),
                        "psycopg.OperationalError: connection failed: connection to server at \"10.96.12.7\", port 5432 failed: Connection refused"),
                Arguments.of("clickhouse-refused.log", Map.of("clickhouse-connection-failed", 1, "python-traceback", 1),
                        "requests.exceptions.ConnectionError: HTTPConnectionPool(host='torghut-clickhouse.torghut.svc.cluster.local', port=8123)"),
                Arguments.of("healthy.log", Map.of("python-traceback", 1), null),
                Arguments.of("uuid-crash-current.log", Map.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tracebacks")
    void countsEverySignatureOfARealTraceback(String fixture, Map<String, Integer> expected, String firstSpecificSample) {
        List<SignatureHit> hits = K8sFixtures.scanner().scan(K8sFixtures.lines(fixture));
        Map<String, Integer> counts = new LinkedHashMap<>();
        hits.forEach(h -> counts.put(h.signature(), h.count()));
        assertEquals(expected, counts);
        if (firstSpecificSample != null) {
            SignatureHit specific = hits.stream().filter(h -> !h.signature().equals("python-traceback")
                    && !h.signature().equals("application-startup-failed")).findFirst().orElseThrow();
            assertTrue(specific.sample().startsWith(firstSpecificSample), specific.sample());
        }
    }

    @Test
    void dependencySignaturesNameTheirDependency() {
        SignatureHit pg = K8sFixtures.scanner().scan(K8sFixtures.lines("postgres-refused.log")).stream()
                .filter(h -> h.finding().equals("dependency-unreachable")).findFirst().orElseThrow();
        assertEquals("postgres", pg.dependency().orElseThrow());
        assertEquals("dependency-unreachable", pg.finding());
        SignatureHit ch = K8sFixtures.scanner().scan(K8sFixtures.lines("clickhouse-refused.log")).stream()
                .filter(h -> h.finding().equals("dependency-unreachable")).findFirst().orElseThrow();
        assertEquals("clickhouse", ch.dependency().orElseThrow());
    }

    @Test
    void samplesAreScrubbedOfCredentialsAndKnownSecrets() {
        Redactor redactor = new Redactor();
        redactor.add("s3cret-ch-pass");
        LogScanner scanner = new LogScanner(List.of(LogSignature.of("pg", "dependency-unreachable", "postgres", "could not connect")), redactor);
        List<SignatureHit> hits = scanner.scan(List.of(
                "could not connect to postgresql://torghut:hunter2-pg-secret@torghut-db-rw:5432/torghut password=abc123 clickhouse key s3cret-ch-pass"));
        String sample = hits.get(0).sample();
        assertFalse(sample.contains("hunter2-pg-secret"), sample);
        assertFalse(sample.contains("abc123"), sample);
        assertFalse(sample.contains("s3cret-ch-pass"), sample);
        assertTrue(sample.contains("postgresql://torghut:****@torghut-db-rw:5432/torghut"), sample);
    }

    @Test
    void longSampleLinesAreShortened() {
        LogScanner scanner = new LogScanner(List.of(LogSignature.of("x", "startup-crash", null, "boom")), new Redactor());
        String sample = scanner.scan(List.of("boom " + "y".repeat(1000))).get(0).sample();
        assertEquals(LogScrubber.MAX_SAMPLE + 3, sample.length());
    }

    @Test
    void aLineCutByTheByteLimitIsDropped() {
        assertEquals(List.of("a", "b"), LogScanner.lines("a\nb\nparti", true));
        assertEquals(List.of("a", "b", "c"), LogScanner.lines("a\r\nb\nc", false));
        assertEquals(List.of(), LogScanner.lines("", false));
    }
}
