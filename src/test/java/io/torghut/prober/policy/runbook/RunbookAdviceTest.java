package io.torghut.prober.policy.runbook;

import static io.torghut.prober.policy.Signals.CLOSED;
import static io.torghut.prober.policy.Signals.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.core.FailureReason;
import io.torghut.prober.policy.Policy;
import io.torghut.prober.policy.Signals;
import io.torghut.prober.policy.TradingSession;
import io.torghut.prober.policy.Verdict;
import io.torghut.prober.policy.VerdictLevel;
import io.torghut.prober.probe.SignalRole;
import io.torghut.prober.signal.SignalSnapshot;
import io.torghut.prober.signal.SignalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunbookAdviceTest {
    private static final Policy POLICY = new Policy(TradingSession.usEquities(Set.of()));

    /** "name:ROLE:REASON[:failing_dependencies]" where REASON is a FailureReason, or GOOD. */
    private static SignalSnapshot snapshot(String specs) {
        List<SignalState> states = new ArrayList<>();
        for (String spec : specs.trim().split("\\s+")) {
            String[] p = spec.split(":");
            SignalRole role = SignalRole.valueOf(p[1]);
            states.add("GOOD".equals(p[2]) ? Signals.good(p[0], role)
                    : Signals.bad(p[0], role, FailureReason.valueOf(p[2]), "detail", 2,
                            p.length > 3 ? Map.of("failing_dependencies", p[3]) : Map.of()));
        }
        return new SignalSnapshot(states);
    }

    /** A short tag per step so that the table stays readable. */
    private static String tag(NextStep step) {
        String a = step.action();
        if (step.procedure().equals("Preconditions")) {
            return "pause";
        }
        if (step.procedure().equals("A")) {
            return "A";
        }
        if (a.contains("CNPG")) {
            return "C-postgres";
        }
        if (a.contains("rejects the credentials")) {
            return "C-clickhouse-auth";
        }
        if (a.contains("TA_CLICKHOUSE_URL (not CLICKHOUSE_HOST)")) {
            return "C-clickhouse";
        }
        if (a.contains("TA freshness")) {
            return "C-freshness";
        }
        if (step.procedure().equals("-")) {
            return "extra";
        }
        return "?" + step.procedure();
    }

    @ParameterizedTest(name = "{0} trading={1} session={2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            healthz:SERVICE:GOOD postgres:DEPENDENCY:GOOD                       | on  | open   | HEALTHY           |
            healthz:SERVICE:CONNECT                                             | on  | open   | DEGRADED          | A
            healthz:SERVICE:TIMEOUT trading-health:TRADING:GOOD                 | on  | open   | DEGRADED          | A
            postgres:DEPENDENCY:AUTH                                            | on  | open   | PAUSE_RECOMMENDED | pause C-postgres
            postgres:DEPENDENCY:CONNECT                                         | off | open   | DEGRADED          | C-postgres
            postgres:DEPENDENCY:NOT_PRIMARY                                     | on  | closed | PAUSE_RECOMMENDED | pause C-postgres
            clickhouse:DEPENDENCY:CONNECT                                       | on  | open   | PAUSE_RECOMMENDED | pause C-clickhouse
            clickhouse:DEPENDENCY:AUTH                                          | on  | open   | PAUSE_RECOMMENDED | pause C-clickhouse-auth
            ta_signals:FRESHNESS:STALE                                          | on  | open   | PAUSE_RECOMMENDED | pause C-freshness
            ta_signals:FRESHNESS:NO_DATA                                        | on  | open   | PAUSE_RECOMMENDED | pause C-freshness
            ta_signals:FRESHNESS:QUERY                                          | on  | open   | PAUSE_RECOMMENDED | pause C-clickhouse
            ta_signals:FRESHNESS:AUTH                                           | on  | open   | PAUSE_RECOMMENDED | pause C-clickhouse-auth
            ta_signals:FRESHNESS:STALE                                          | on  | closed | HEALTHY           |
            ta_signals:FRESHNESS:STALE ta_microbars:FRESHNESS:NO_DATA          | off | open   | DEGRADED          | C-freshness
            clickhouse:DEPENDENCY:CONNECT ta_signals:FRESHNESS:TIMEOUT          | on  | open   | PAUSE_RECOMMENDED | pause C-clickhouse
            trading-health:TRADING:HTTP_5XX:postgres,alpaca                     | on  | open   | PAUSE_RECOMMENDED | pause C-postgres
            trading-health:TRADING:HTTP_5XX:clickhouse                          | on  | open   | PAUSE_RECOMMENDED | pause C-clickhouse
            trading-health:TRADING:HTTP_5XX:postgres,clickhouse                 | on  | open   | PAUSE_RECOMMENDED | pause C-postgres C-clickhouse
            trading-health:TRADING:TIMEOUT                                      | on  | open   | PAUSE_RECOMMENDED | pause A
            trading-health:TRADING:HTTP_5XX:postgres                            | off | open   | HEALTHY           |
            grafana:EXTRA:HTTP_5XX                                              | on  | open   | DEGRADED          | extra
            cnpg:DEPENDENCY:ERROR                                               | on  | open   | PAUSE_RECOMMENDED | pause C-postgres
            postgres:DEPENDENCY:CONNECT healthz:SERVICE:CONNECT trading-health:TRADING:HTTP_5XX:postgres | on | open | PAUSE_RECOMMENDED | pause C-postgres A
            """)
    void stepsForFailures(String specs, String trading, String session, VerdictLevel level, String expectedSteps) {
        SignalSnapshot snapshot = snapshot(specs);
        Verdict verdict = POLICY.evaluate(snapshot, "open".equals(session) ? OPEN : CLOSED, Optional.of("on".equals(trading)));
        assertEquals(level, verdict.level());
        List<String> tags = RunbookAdvice.defaults().advise(verdict, snapshot).stream().map(RunbookAdviceTest::tag).toList();
        assertEquals(expectedSteps == null ? List.of() : List.of(expectedSteps.trim().split("\\s+")), tags);
    }

    @Test
    void pauseStepOnlyWhenPauseIsRecommendedAndFirst() {
        SignalSnapshot snapshot = snapshot("healthz:SERVICE:CONNECT postgres:DEPENDENCY:CONNECT");
        List<NextStep> paused = RunbookAdvice.defaults().advise(POLICY.evaluate(snapshot, OPEN, Optional.of(true)), snapshot);
        NextStep pause = paused.get(0);
        assertEquals("Preconditions", pause.procedure());
        assertTrue(pause.action().startsWith("Pause trading first"), pause.action());
        assertTrue(pause.action().contains("TRADING_ENABLED=false in argocd/applications/torghut/knative-service.yaml"));
        assertTrue(pause.action().contains("Never kubectl edit"));
        assertEquals(List.of("argocd app sync torghut"), pause.commands());

        List<NextStep> degraded = RunbookAdvice.defaults().advise(POLICY.evaluate(snapshot, OPEN, Optional.of(false)), snapshot);
        assertTrue(degraded.stream().noneMatch(s -> s.procedure().equals("Preconditions")), degraded.toString());
    }

    @Test
    void commandsNameTheConfiguredNamespaceServiceAndCluster() {
        SignalSnapshot snapshot = snapshot("healthz:SERVICE:CONNECT postgres:DEPENDENCY:CONNECT clickhouse:DEPENDENCY:CONNECT");
        List<NextStep> steps = new RunbookAdvice(RunbookNames.of("trading-b", "torghut-b", "torghut-b-db", "user-container"))
                .advise(POLICY.evaluate(snapshot, OPEN, Optional.of(true)), snapshot);
        assertEquals(4, steps.size(), steps.toString());
        assertEquals(List.of("argocd app sync torghut-b"), steps.get(0).commands());
        assertEquals(List.of(
                "kubectl -n trading-b describe ksvc torghut-b",
                "kubectl -n trading-b get pods -l serving.knative.dev/service=torghut-b --sort-by=.metadata.creationTimestamp",
                "kubectl -n trading-b logs -l serving.knative.dev/service=torghut-b --tail=200"), steps.get(1).commands());
        assertEquals(List.of("kubectl -n trading-b get cluster.postgresql.cnpg.io torghut-b-db"), steps.get(2).commands());
        assertTrue(steps.get(2).action().contains("torghut-b-db"));
        assertEquals("C", steps.get(3).procedure());
        assertTrue(steps.get(3).action().contains("http://torghut-clickhouse.trading-b.svc.cluster.local:8123"), steps.get(3).action());
        assertTrue(steps.get(3).commands().get(0).startsWith("kubectl -n trading-b get ksvc torghut-b -o jsonpath="));
    }

    @Test
    void unknownSignalsGetAdviceToo() {
        SignalSnapshot snapshot = new SignalSnapshot(List.of(Signals.unknown("healthz", SignalRole.SERVICE),
                Signals.unknown("postgres", SignalRole.DEPENDENCY)));
        List<String> tags = RunbookAdvice.defaults().advise(POLICY.evaluate(snapshot, OPEN, Optional.empty()), snapshot)
                .stream().map(RunbookAdviceTest::tag).toList();
        assertEquals(List.of("pause", "A", "C-postgres"), tags);
    }

    /** Hysteresis keeps a signal bad for a while after its first success: the advice must not invent a new failure. */
    @Test
    void recoveringSignalsKeepTheAdviceOfWhatWasWrong() {
        io.torghut.prober.signal.Hysteresis hysteresis = new io.torghut.prober.signal.Hysteresis(2, 3);
        SignalState trading = SignalState.initial("trading-health", SignalRole.TRADING, java.util.Optional.empty());
        SignalState fresh = SignalState.initial("ta_signals", SignalRole.FRESHNESS, java.util.Optional.of(java.time.Duration.ofMinutes(5)));
        io.torghut.prober.probe.ProbeOutcome degraded = io.torghut.prober.probe.ProbeOutcome.fail(FailureReason.HTTP_5XX, "503")
                .withEvidence(Map.of("failing_dependencies", "alpaca"));
        io.torghut.prober.probe.ProbeOutcome stale = io.torghut.prober.probe.ProbeOutcome.fail(FailureReason.STALE, "900s old")
                .withAge(java.time.Duration.ofSeconds(900));
        for (int i = 0; i < 2; i++) {
            trading = trading.with(new io.torghut.prober.probe.ProbeResult("trading-health", degraded, java.time.Duration.ZERO, OPEN), hysteresis);
            fresh = fresh.with(new io.torghut.prober.probe.ProbeResult("ta_signals", stale, java.time.Duration.ZERO, OPEN), hysteresis);
        }
        trading = trading.with(new io.torghut.prober.probe.ProbeResult("trading-health",
                io.torghut.prober.probe.ProbeOutcome.ok("200"), java.time.Duration.ZERO, OPEN), hysteresis);
        fresh = fresh.with(new io.torghut.prober.probe.ProbeResult("ta_signals",
                io.torghut.prober.probe.ProbeOutcome.ok("2s old").withAge(java.time.Duration.ofSeconds(2)), java.time.Duration.ZERO, OPEN), hysteresis);
        SignalSnapshot snapshot = new SignalSnapshot(List.of(trading, fresh));
        Verdict verdict = POLICY.evaluate(snapshot, OPEN, Optional.of(true));
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, verdict.level(), "both are still bad until 3 successes");
        // not "A: Torghut does not answer /healthz" (it answered 200), not "is ClickHouse reachable" (it answered)
        assertEquals(List.of("pause", "C-freshness"),
                RunbookAdvice.defaults().advise(verdict, snapshot).stream().map(RunbookAdviceTest::tag).toList());
    }

    /** NEXT STEPS does not print again what FINDINGS prints: the step keeps its action and names the finding. */
    @Test
    void commandsAFindingAlreadyPrintsAreNotRepeated() {
        SignalSnapshot snapshot = snapshot("postgres:DEPENDENCY:CONNECT healthz:SERVICE:CONNECT");
        Verdict verdict = POLICY.evaluate(snapshot, OPEN, Optional.of(true));
        Finding postgres = new Finding(FindingIds.POSTGRES_UNHEALTHY, "C", Severity.CRITICAL, "no primary", List.of(), List.of(),
                List.of("kubectl -n torghut get cluster.postgresql.cnpg.io torghut-db", "kubectl -n torghut describe cluster.postgresql.cnpg.io torghut-db"),
                List.of(), List.of());
        Finding unrelated = new Finding("other", "A", Severity.WARNING, "x", List.of(), List.of(), List.of("kubectl -n torghut get events"),
                List.of(), List.of());
        List<NextStep> alone = RunbookAdvice.defaults().advise(verdict, snapshot);
        List<NextStep> steps = RunbookAdvice.defaults().advise(verdict, snapshot, List.of(postgres, unrelated));
        assertEquals(alone.stream().map(RunbookAdviceTest::tag).toList(), steps.stream().map(RunbookAdviceTest::tag).toList());
        assertEquals(List.of("pause", "C-postgres", "A"), steps.stream().map(RunbookAdviceTest::tag).toList());
        NextStep c = steps.get(1);
        assertEquals(List.of(), c.commands(), c.toString());
        assertEquals(alone.get(1).action() + " Commands under FINDINGS " + FindingIds.POSTGRES_UNHEALTHY + ".", c.action());
        assertEquals(alone.get(2), steps.get(2), "a step whose commands no finding prints is unchanged");
        assertEquals(alone.get(0), steps.get(0));
    }

    @Test
    void theFreshnessStepCurlsTheRealDiagnoseAddress() {
        SignalSnapshot snapshot = snapshot("ta_signals:FRESHNESS:STALE");
        Verdict verdict = POLICY.evaluate(snapshot, OPEN, Optional.of(true));
        NextStep step = RunbookAdvice.defaults().withDiagnoseUrl("localhost:18970/diagnose").advise(verdict, snapshot).get(1);
        assertEquals(List.of("curl -s localhost:18970/diagnose"), step.commands());
    }
}
