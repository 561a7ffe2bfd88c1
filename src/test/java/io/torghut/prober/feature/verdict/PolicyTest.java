package io.torghut.prober.feature.verdict;

import static io.torghut.prober.feature.verdict.Signals.CLOSED;
import static io.torghut.prober.feature.verdict.Signals.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.SignalSnapshot;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.session.TradingSession;
import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyTest {
    private static final Policy POLICY = new Policy(TradingSession.usEquities(Set.of()));

    private static Optional<Boolean> trading(String state) {
        return switch (state) {
            case "on" -> Optional.of(true);
            case "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    @ParameterizedTest(name = "[{0}] {1} trading={2} session={3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            all good                          | healthz:SERVICE:GOOD trading-health:TRADING:GOOD postgres:DEPENDENCY:GOOD ta_signals:FRESHNESS:GOOD | on      | open   | HEALTHY
            nothing to judge                  |                                                                      | on      | open   | HEALTHY
            unknown freshness is stale        | ta_signals:FRESHNESS:UNKNOWN                                         | on      | open   | PAUSE_RECOMMENDED
            stale freshness                   | ta_signals:FRESHNESS:BAD                                             | on      | open   | PAUSE_RECOMMENDED
            stale outside the session         | ta_signals:FRESHNESS:BAD                                             | on      | closed | HEALTHY
            unknown outside the session       | ta_signals:FRESHNESS:UNKNOWN                                         | on      | closed | HEALTHY
            stale while trading is disabled   | ta_signals:FRESHNESS:BAD                                             | off     | open   | DEGRADED
            stale, trading state unreadable   | ta_signals:FRESHNESS:BAD                                             | unknown | open   | PAUSE_RECOMMENDED
            trading health failing            | trading-health:TRADING:BAD                                           | on      | open   | PAUSE_RECOMMENDED
            trading health, trading disabled  | trading-health:TRADING:BAD                                           | off     | open   | HEALTHY
            trading health, state unreadable  | trading-health:TRADING:BAD                                           | unknown | closed | PAUSE_RECOMMENDED
            trading health unknown            | trading-health:TRADING:UNKNOWN                                       | on      | open   | PAUSE_RECOMMENDED
            dependency down                   | postgres:DEPENDENCY:BAD                                              | on      | open   | PAUSE_RECOMMENDED
            dependency down outside session   | clickhouse:DEPENDENCY:BAD                                            | on      | closed | PAUSE_RECOMMENDED
            dependency down, trading disabled | postgres:DEPENDENCY:BAD                                              | off     | open   | DEGRADED
            dependency unknown                | postgres:DEPENDENCY:UNKNOWN                                          | on      | open   | PAUSE_RECOMMENDED
            service down alone                | healthz:SERVICE:BAD trading-health:TRADING:GOOD                      | on      | open   | DEGRADED
            service unknown                   | healthz:SERVICE:UNKNOWN                                              | on      | open   | DEGRADED
            extra target down                 | grafana:EXTRA:BAD                                                    | on      | open   | DEGRADED
            extra and service down            | grafana:EXTRA:BAD healthz:SERVICE:BAD                                | on      | open   | DEGRADED
            extra down, trading disabled      | grafana:EXTRA:BAD                                                    | off     | closed | DEGRADED
            service down and stale            | healthz:SERVICE:BAD ta_signals:FRESHNESS:BAD                         | on      | open   | PAUSE_RECOMMENDED
            everything down, trading disabled | healthz:SERVICE:BAD trading-health:TRADING:BAD postgres:DEPENDENCY:BAD ta_signals:FRESHNESS:BAD | off | open | DEGRADED
            """)
    void level(String scenario, String specs, String tradingState, String session, VerdictLevel expected) {
        Instant now = "open".equals(session) ? OPEN : CLOSED;
        Verdict verdict = POLICY.evaluate(Signals.parse(specs == null ? "" : specs), now, trading(tradingState));
        assertEquals(expected, verdict.level(), scenario + ": " + verdict.reasons());
        assertEquals(expected != VerdictLevel.HEALTHY, !verdict.reasons().isEmpty(), scenario);
        assertEquals(expected == VerdictLevel.PAUSE_RECOMMENDED, verdict.pauseRecommended());
        assertEquals("open".equals(session), verdict.sessionOpen());
        assertEquals(!"off".equals(tradingState), verdict.tradingEnabled());
        assertEquals(now, verdict.evaluatedAt());
    }

    @Test
    void reasonsListPauseReasonsFirstThenDegradedOnesEachInSignalOrder() {
        SignalSnapshot snapshot = Signals.of(
                Signals.bad("healthz", SignalRole.SERVICE, FailureReason.CONNECT, "connection refused by http://torghut:80", 2),
                Signals.bad("ta_signals", SignalRole.FRESHNESS, FailureReason.STALE,
                        "torghut.ta_signals.event_ts newest row is 900s old (max 300s)", 3),
                Signals.bad("grafana", SignalRole.EXTRA, FailureReason.HTTP_5XX, "GET / answered HTTP 502", 1),
                Signals.unknown("postgres", SignalRole.DEPENDENCY),
                Signals.unknown("ta_microbars", SignalRole.FRESHNESS),
                Signals.good("clickhouse", SignalRole.DEPENDENCY));
        Verdict verdict = POLICY.evaluate(snapshot, OPEN, Optional.of(true));
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, verdict.level());
        assertEquals(List.of(
                "ta_signals stale (3 failures in a row) - stale: torghut.ta_signals.event_ts newest row is 900s old (max 300s)",
                "postgres unknown - no result yet",
                "ta_microbars freshness unknown (counted as stale) - no result yet",
                "healthz down (2 failures in a row) - connect: connection refused by http://torghut:80",
                "grafana down - http_5xx: GET / answered HTTP 502"), verdict.reasons());
        assertEquals(List.of("healthz", "ta_signals", "grafana", "postgres", "ta_microbars", "clickhouse"),
                verdict.signals().stream().map(SignalAssessment::name).toList());
    }

    @Test
    void aFreshnessQueryThatFailedIsUnknownNotStale() {
        SignalSnapshot snapshot = Signals.of(
                Signals.bad("ta_signals", SignalRole.FRESHNESS, FailureReason.TIMEOUT, "no answer within 4500ms", 2));
        Verdict verdict = POLICY.evaluate(snapshot, OPEN, Optional.of(true));
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, verdict.level());
        assertEquals(List.of("ta_signals freshness unknown (counted as stale) (2 failures in a row) - timeout: no answer within 4500ms"),
                verdict.reasons());
        assertTrue(verdict.signal("ta_signals").orElseThrow().stale());
    }

    @Test
    void assessmentsSayWhyASignalDoesNotCount() {
        SignalSnapshot snapshot = Signals.of(
                Signals.bad("ta_signals", SignalRole.FRESHNESS, FailureReason.STALE, "old", 2),
                Signals.bad("trading-health", SignalRole.TRADING, FailureReason.HTTP_5XX, "GET /trading/health answered HTTP 503", 1));
        Verdict closedAndDisabled = POLICY.evaluate(snapshot, CLOSED, Optional.of(false));
        assertEquals(VerdictLevel.HEALTHY, closedAndDisabled.level());
        SignalAssessment fresh = closedAndDisabled.signal("ta_signals").orElseThrow();
        assertTrue(fresh.bad());
        assertFalse(fresh.counts());
        assertFalse(fresh.stale(), "stale is only exported while it counts");
        assertEquals("ta_signals stale (2 failures in a row) - stale: old [not counted: trading session closed]", fresh.why());
        SignalAssessment trading = closedAndDisabled.signal("trading-health").orElseThrow();
        assertFalse(trading.counts());
        assertEquals("trading-health failing - http_5xx: GET /trading/health answered HTTP 503 [not counted: trading disabled]",
                trading.why());

        Verdict open = POLICY.evaluate(snapshot, OPEN, Optional.of(true));
        assertTrue(open.signal("ta_signals").orElseThrow().stale());
        assertTrue(open.signal("trading-health").orElseThrow().counts());
        assertFalse(open.signal("trading-health").orElseThrow().stale(), "only freshness signals are stale");
    }

    @Test
    void goodSignalsHaveNoWhyAndAnAge() {
        SignalState healthz = Signals.good("healthz", SignalRole.SERVICE);
        Verdict verdict = POLICY.evaluate(Signals.of(healthz), OPEN.plusSeconds(25), Optional.empty());
        SignalAssessment assessment = verdict.signal("healthz").orElseThrow();
        assertEquals("", assessment.why());
        assertFalse(assessment.bad());
        assertEquals(Optional.of(Duration.ofSeconds(30)), assessment.age());
    }

    @Test
    void freshnessAgeUsedByThePolicyGrowsWithTheClock() {
        SignalState state = SignalState.initial("ta_signals", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)))
                .with(new ProbeResult("ta_signals", ProbeOutcome.ok("fresh").withAge(Duration.ofSeconds(40)),
                        Duration.ofMillis(2), OPEN), new Hysteresis(2, 2));
        Verdict later = POLICY.evaluate(Signals.of(state), OPEN.plusSeconds(100), Optional.of(true));
        assertEquals(Optional.of(Duration.ofSeconds(140)), later.signal("ta_signals").orElseThrow().age());
        // the health is still the settled one: only a new result can make it stale
        assertEquals(VerdictLevel.HEALTHY, later.level());
    }
}
