package io.torghut.prober.feature.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.adapter.http.FakeHttpFetcher;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.ProbeFailure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingHealthProbeTest {
    private static final String DEGRADED = "{\"status\":\"degraded\",\"dependencies\":{\"postgres\":{\"ok\":false},"
            + "\"clickhouse\":{\"ok\":true},\"alpaca\":{\"ok\":false}}}";

    /** Columns: status | body | success | reason | failing_dependencies evidence (empty: none) | detail. */
    @ParameterizedTest(name = "[{index}] HTTP {0} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            200 | {"status":"ok","dependencies":{"postgres":{"ok":true},"clickhouse":{"ok":true}}} | true | NONE | | GET /trading/health answered HTTP 200
            204 |                                                                                   | true | NONE | | GET /trading/health answered HTTP 204
            503 | {"status":"degraded","dependencies":{"postgres":{"ok":false},"clickhouse":{"ok":true},"alpaca":{"ok":false}}} | false | HTTP_5XX | postgres,alpaca | GET /trading/health answered HTTP 503; dependencies not ok: postgres, alpaca
            503 | {"status":"degraded","dependencies":{"click house!":{"ok":false},"x":{"ok":"false"}}} | false | HTTP_5XX | click_house_ | GET /trading/health answered HTTP 503; dependencies not ok: click_house_
            503 | <html>upstream connect error</html>                                              | false | HTTP_5XX | | GET /trading/health answered HTTP 503
            503 | {"status":"degraded","dependencies":[1,2]}                                       | false | HTTP_5XX | | GET /trading/health answered HTTP 503
            500 | {"dependencies":                                                                 | false | HTTP_5XX | | GET /trading/health answered HTTP 500
            401 | {"detail":"unauthorized"}                                                        | false | AUTH     | | GET /trading/health answered HTTP 401
            403 |                                                                                   | false | AUTH     | | GET /trading/health answered HTTP 403
            404 | Not Found                                                                        | false | HTTP_4XX | | GET /trading/health answered HTTP 404
            302 |                                                                                   | false | HTTP_4XX | | GET /trading/health answered HTTP 302
            # a 200 that still names a dependency down: good, with the evidence kept
            200 | {"status":"ok","dependencies":{"alpaca":{"ok":false}}}                            | true | NONE | alpaca | GET /trading/health answered HTTP 200; dependencies not ok: alpaca
            """)
    void judge(int status, String body, boolean success, FailureReason reason, String failing, String detail) {
        ProbeOutcome outcome = TradingHealthProbe.judge(FakeHttpFetcher.reply(status, Map.of(), body == null ? "" : body));
        assertEquals(success, outcome.success());
        assertEquals(reason, outcome.reason());
        assertEquals(failing == null ? Map.of() : Map.of("failing_dependencies", failing), outcome.evidence());
        assertEquals(detail, outcome.detail());
    }

    @Test
    void failingDependenciesKeepsTorghutsOrder() {
        assertEquals(List.of("postgres", "alpaca"), TradingHealthProbe.failingDependencies(DEGRADED));
        assertEquals(List.of(), TradingHealthProbe.failingDependencies("garbage{"));
        assertEquals(List.of(), TradingHealthProbe.failingDependencies(""));
    }

    @Test
    void checkAsksForJsonAndTransportFailuresBecomeOutcomes() {
        FakeHttpFetcher http = FakeHttpFetcher.replying(503, Map.of(), DEGRADED);
        TradingHealthProbe probe = new TradingHealthProbe(URI.create("http://torghut/trading/health"), http);
        ProbeOutcome outcome = probe.check(Duration.ofMillis(2700));
        assertEquals("postgres,alpaca", outcome.evidence().get("failing_dependencies"));
        assertEquals(Map.of("Accept", "application/json"), http.calls().get(0).headers());
        assertEquals(Duration.ofMillis(2700), http.calls().get(0).deadline());

        TradingHealthProbe down = new TradingHealthProbe(URI.create("http://torghut/trading/health"), new FakeHttpFetcher(call -> {
                    throw new ProbeFailure(FailureReason.TIMEOUT, "no answer within 2700ms from http://torghut");
                }));
        ProbeOutcome timedOut = down.check(Duration.ofMillis(2700));
        assertEquals(FailureReason.TIMEOUT, timedOut.reason());
        assertEquals("no answer within 2700ms from http://torghut", timedOut.detail());
    }
}
