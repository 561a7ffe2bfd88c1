package io.torghut.prober.feature.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.adapter.http.FakeHttpFetcher;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpStatusProbeTest {

    private static HttpStatusProbe probe(Integer expected, FakeHttpFetcher http) {
        return new HttpStatusProbe(URI.create("http://torghut/healthz?token=x"), Optional.ofNullable(expected), http);
    }

    /** Columns: expected status (empty: any 2xx) | actual | success | reason | detail. */
    @ParameterizedTest(name = "expected={0} got={1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
                | 200 | true  | NONE     | GET /healthz answered HTTP 200
                | 204 | true  | NONE     | GET /healthz answered HTTP 204
                | 299 | true  | NONE     | GET /healthz answered HTTP 299
                | 301 | false | HTTP_4XX | GET /healthz answered HTTP 301
                | 404 | false | HTTP_4XX | GET /healthz answered HTTP 404
                | 401 | false | AUTH     | GET /healthz answered HTTP 401
                | 503 | false | HTTP_5XX | GET /healthz answered HTTP 503
            200 | 200 | true  | NONE     | GET /healthz answered HTTP 200
            200 | 204 | false | HTTP_4XX | GET /healthz answered HTTP 204, expected 200
            401 | 401 | true  | NONE     | GET /healthz answered HTTP 401
            401 | 200 | false | HTTP_4XX | GET /healthz answered HTTP 200, expected 401
            302 | 302 | true  | NONE     | GET /healthz answered HTTP 302
            404 | 500 | false | HTTP_5XX | GET /healthz answered HTTP 500, expected 404
            """)
    void judge(Integer expected, int status, boolean success, FailureReason reason, String detail) {
        ProbeOutcome outcome = probe(expected, null).judge(status);
        assertEquals(success, outcome.success());
        assertEquals(reason, outcome.reason());
        assertEquals(detail, outcome.detail());
    }

    @Test
    void checkGetsTheUrlAndTurnsFailuresIntoOutcomes() {
        FakeHttpFetcher http = FakeHttpFetcher.replying(200, Map.of(), "{\"status\":\"ok\",\"service\":\"torghut\"}");
        assertEquals(true, probe(null, http).check(Duration.ofSeconds(2)).success());
        assertEquals("http://torghut/healthz?token=x", http.calls().get(0).uri().toString());

        ProbeOutcome refused = probe(null, new FakeHttpFetcher(call -> {
            throw new ProbeFailure(FailureReason.CONNECT, "connection refused by http://torghut");
        })).check(Duration.ofSeconds(2));
        assertEquals(FailureReason.CONNECT, refused.reason());
        assertEquals("connection refused by http://torghut", refused.detail());
    }
}
