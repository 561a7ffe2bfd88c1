package io.torghut.prober.feature.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.runbook.Finding;
import io.torghut.prober.feature.runbook.FindingContext;
import io.torghut.prober.feature.runbook.FindingIds;
import io.torghut.prober.feature.runbook.RunbookFindings;
import io.torghut.prober.feature.runbook.RunbookNames;
import io.torghut.prober.feature.signal.Hysteresis;
import io.torghut.prober.feature.signal.SignalStore;
import io.torghut.prober.feature.verdict.Policy;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.session.TradingSession;
import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiagnosisBuilderTest {
    /** Monday 2026-03-09 11:00 EDT: session open. */
    static final Instant NOW = Instant.parse("2026-03-09T15:00:00.123456Z");

    /** A store in a realistic bad state: Torghut up, trading health degraded by Postgres, one table stale, one unknown. */
    static SignalStore store() {
        SignalStore store = new SignalStore(new Hysteresis(2, 2));
        store.register("healthz", SignalRole.SERVICE, Optional.empty());
        store.register("trading-health", SignalRole.TRADING, Optional.empty());
        store.register("postgres", SignalRole.DEPENDENCY, Optional.empty());
        store.register("ta_signals", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)));
        store.register("ta_microbars", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)));
        Instant t = NOW.minusSeconds(20);
        store.record(new ProbeResult("healthz", ProbeOutcome.ok("GET /healthz answered HTTP 200"), Duration.ofMillis(12), t));
        for (int i = 0; i < 3; i++) {
            store.record(new ProbeResult("trading-health", ProbeOutcome.fail(FailureReason.HTTP_5XX,
                    "GET /trading/health answered HTTP 503; dependencies not ok: postgres")
                    .withEvidence(Map.of("failing_dependencies", "postgres")), Duration.ofMillis(30), t.plusSeconds(i)));
            store.record(new ProbeResult("postgres", ProbeOutcome.fail(FailureReason.AUTH,
                    "Postgres at torghut-db-rw.torghut:5432/torghut rejected the credentials: FATAL: password authentication failed"),
                    Duration.ofMillis(250), t.plusSeconds(i)));
        }
        store.record(new ProbeResult("ta_signals", ProbeOutcome.fail(FailureReason.STALE,
                "torghut.ta_signals.event_ts newest row is 900s old (max 300s)").withAge(Duration.ofSeconds(900)),
                Duration.ofMillis(40), t));
        return store;
    }

    static Verdict verdict() {
        return new Policy(TradingSession.usEquities(Set.of())).evaluate(store().snapshot(), NOW, Optional.empty());
    }

    /** The findings the one runbook engine gives for a verdict, with nothing read from Kubernetes. */
    static List<Finding> findings(Verdict verdict) {
        return RunbookFindings.evaluate(Optional.empty(), Optional.empty(),
                new FindingContext(verdict, verdict.evaluatedAt(), Duration.ofMinutes(3), RunbookNames.defaults()));
    }

    static DiagnosisReport build(Verdict verdict, String session, String trading) {
        return DiagnosisBuilder.build(verdict, session, trading, findings(verdict));
    }

    @Test
    void reportHasOneRowPerSignalWithTheFactsOncallNeeds() {
        DiagnosisReport report = build(verdict(), "09:30-16:00", "not read (assumed enabled)");
        assertEquals("PAUSE_RECOMMENDED", report.verdict());
        assertEquals("2026-03-09T15:00:00.123Z", report.evaluatedAt());
        assertEquals(true, report.sessionOpen());
        assertEquals("09:30-16:00", report.session());
        assertEquals(true, report.tradingEnabled());
        assertEquals("not read (assumed enabled)", report.tradingState());
        assertEquals(List.of("healthz", "trading-health", "postgres", "ta_signals", "ta_microbars"),
                report.signals().stream().map(DiagnosisReport.Signal::name).toList());
        assertEquals(List.of("OK", "FAILING", "FAILING", "STALE", "UNKNOWN"),
                report.signals().stream().map(DiagnosisReport.Signal::status).toList());
        assertEquals(4, report.reasons().size());

        DiagnosisReport.Signal healthz = report.signals().get(0);
        assertEquals("service", healthz.role());
        assertEquals(20.0, healthz.ageSeconds());
        assertEquals("2026-03-09T14:59:40.123Z", healthz.lastSuccess());
        assertEquals(0.012, healthz.latencySeconds());
        assertEquals("none", healthz.reason());
        assertNull(healthz.maxAgeSeconds());

        DiagnosisReport.Signal trading = report.signals().get(1);
        assertEquals(Map.of("failing_dependencies", "postgres"), trading.evidence());
        assertEquals(3, trading.consecutiveFailures());
        assertEquals("http_5xx", trading.reason());
        assertNull(trading.lastSuccess());
        assertEquals("2026-03-09T14:59:42.123Z", trading.lastRun());

        DiagnosisReport.Signal stale = report.signals().get(3);
        assertEquals(920.0, stale.ageSeconds());
        assertEquals(300.0, stale.maxAgeSeconds());
        assertEquals("stale", stale.reason());

        DiagnosisReport.Signal unknown = report.signals().get(4);
        assertEquals("none_yet", unknown.reason());
        assertEquals("no result yet", unknown.detail());
        assertNull(unknown.lastRun());
        assertNull(unknown.ageSeconds());

        // one next step per finding, in the findings' order: the pause first; Postgres (failing itself and named by
        // trading-health: one finding); the stale table (the unknown one has no result to tell what is wrong)
        List<Finding> findings = findings(verdict());
        assertEquals(List.of(FindingIds.PAUSE_RECOMMENDED, FindingIds.POSTGRES_UNHEALTHY, FindingIds.TA_DATA_STALE),
                report.nextSteps().stream().map(DiagnosisReport.NextStep::finding).toList());
        assertEquals(List.of("-", "C", "C"), report.nextSteps().stream().map(DiagnosisReport.NextStep::procedure).toList());
        for (int i = 0; i < findings.size(); i++) {
            DiagnosisReport.NextStep step = report.nextSteps().get(i);
            assertEquals(findings.get(i).advice().get(0), step.action());
            assertEquals(findings.get(i).commands(), step.commands());
        }
        assertEquals(true, report.nextSteps().get(0).action().startsWith("Pause trading first"), report.nextSteps().toString());
        assertEquals(Map.of(), report.sections());
    }

    @Test
    void signalsThatDoNotCountSaySo() {
        Verdict closed = new Policy(TradingSession.usEquities(Set.of()))
                .evaluate(store().snapshot(), Instant.parse("2026-03-07T15:00:00Z"), Optional.of(false));
        DiagnosisReport report = build(closed, "s", "t");
        assertEquals("DEGRADED", report.verdict());
        assertEquals(List.of("OK", "FAILING (not counted)", "FAILING", "FAILING (not counted)", "UNKNOWN (not counted)"),
                report.signals().stream().map(DiagnosisReport.Signal::status).toList());
        assertEquals(List.of(true, false, true, false, false),
                report.signals().stream().map(DiagnosisReport.Signal::counts).toList());
        // trading disabled: no pause step, only the dependency that still counts gets one
        assertEquals(List.of(FindingIds.POSTGRES_UNHEALTHY), report.nextSteps().stream().map(DiagnosisReport.NextStep::finding).toList());
    }

    @Test
    void aSignalThatJudgedNothingReadsNotJudgedNotOk() {
        SignalStore store = new SignalStore(new Hysteresis(2, 2));
        store.register("cnpg", SignalRole.DEPENDENCY, Optional.empty());
        store.record(new ProbeResult("cnpg", ProbeOutcome.ok("CNPG cluster status not judged (forbidden)")
                .withEvidence(Map.of("judged", "false")), Duration.ofMillis(5), NOW));
        Verdict verdict = new Policy(TradingSession.usEquities(Set.of())).evaluate(store.snapshot(), NOW, Optional.empty());
        DiagnosisReport report = build(verdict, "s", "t");
        assertEquals(List.of("NOT JUDGED"), report.signals().stream().map(DiagnosisReport.Signal::status).toList());
    }
}
