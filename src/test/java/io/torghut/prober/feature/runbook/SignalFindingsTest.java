package io.torghut.prober.feature.runbook;

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
import io.torghut.prober.feature.verdict.Policy;
import io.torghut.prober.feature.verdict.Signals;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.feature.verdict.session.TradingSession;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The findings the prober's own signals give, through the one engine ({@link RunbookFindings}) and a real policy
 * verdict: what used to be NEXT STEPS, now findings with ids, severities, evidence and the configured names.
 */
class SignalFindingsTest {
    private static final Policy POLICY = new Policy(TradingSession.usEquities(Set.of()));

    /** "name:ROLE:REASON[:failing_dependencies]" where REASON is a FailureReason, or GOOD. */
    static SignalSnapshot snapshot(String specs) {
        List<SignalState> states = new ArrayList<>();
        for (String spec : specs.trim().split("\\s+")) {
            String[] p = spec.split(":");
            SignalRole role = SignalRole.valueOf(p[1]);
            states.add("GOOD".equals(p[2]) ? Signals.good(p[0], role)
                    : Signals.bad(p[0], role, FailureReason.valueOf(p[2]), p[0] + " detail", 2,
                            p.length > 3 ? Map.of("failing_dependencies", p[3]) : Map.of()));
        }
        return new SignalSnapshot(states);
    }

    static List<Finding> findings(Verdict verdict, Optional<KnativeObservation> knative, RunbookNames names) {
        return RunbookFindings.evaluate(knative, Optional.empty(), new FindingContext(verdict, verdict.evaluatedAt(), Duration.ofMinutes(3), names));
    }

    static List<Finding> findings(Verdict verdict) {
        return findings(verdict, Optional.empty(), RunbookNames.defaults());
    }

    static List<String> tags(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.procedure() + " " + f.id()).toList();
    }

    @ParameterizedTest(name = "{0} trading={1} session={2} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            healthz:SERVICE:GOOD postgres:DEPENDENCY:GOOD                       | on  | open   | HEALTHY           |
            healthz:SERVICE:CONNECT                                             | on  | open   | DEGRADED          | CRITICAL A torghut-unhealthy
            healthz:SERVICE:TIMEOUT trading-health:TRADING:GOOD                 | on  | open   | DEGRADED          | CRITICAL A torghut-unhealthy
            postgres:DEPENDENCY:AUTH                                            | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C postgres-unhealthy
            postgres:DEPENDENCY:CONNECT                                         | off | open   | DEGRADED          | CRITICAL C postgres-unhealthy
            postgres:DEPENDENCY:NOT_PRIMARY                                     | on  | closed | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C postgres-unhealthy
            clickhouse:DEPENDENCY:CONNECT                                       | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C clickhouse-unreachable
            clickhouse:DEPENDENCY:AUTH                                          | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C clickhouse-unreachable
            ta_signals:FRESHNESS:STALE                                          | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C ta-data-stale
            ta_signals:FRESHNESS:NO_DATA                                        | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C ta-data-stale
            ta_signals:FRESHNESS:QUERY clickhouse:DEPENDENCY:GOOD               | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C ta-data-stale
            ta_signals:FRESHNESS:AUTH                                           | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C clickhouse-unreachable
            ta_signals:FRESHNESS:STALE                                          | on  | closed | HEALTHY           |
            ta_signals:FRESHNESS:STALE ta_microbars:FRESHNESS:NO_DATA          | off | open   | DEGRADED          | WARNING C ta-data-stale
            clickhouse:DEPENDENCY:CONNECT ta_signals:FRESHNESS:TIMEOUT          | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C clickhouse-unreachable
            trading-health:TRADING:HTTP_5XX:postgres,alpaca                     | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C postgres-unhealthy; CRITICAL A torghut-unhealthy
            trading-health:TRADING:HTTP_5XX:clickhouse                          | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C clickhouse-unreachable
            trading-health:TRADING:HTTP_5XX:postgres,clickhouse                 | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C clickhouse-unreachable; CRITICAL C postgres-unhealthy
            trading-health:TRADING:TIMEOUT                                      | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL A torghut-unhealthy
            trading-health:TRADING:HTTP_5XX:postgres                            | off | open   | HEALTHY           |
            grafana:EXTRA:HTTP_5XX                                              | on  | open   | DEGRADED          | INFO - extra-target-failing
            cnpg:DEPENDENCY:ERROR                                               | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C postgres-unhealthy
            knative:SERVICE:ERROR                                               | on  | open   | DEGRADED          |
            postgres:DEPENDENCY:CONNECT healthz:SERVICE:CONNECT trading-health:TRADING:HTTP_5XX:postgres | on | open | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL C postgres-unhealthy; CRITICAL A torghut-unhealthy
            clickhouse:DEPENDENCY:GOOD trading-health:TRADING:HTTP_5XX:clickhouse | on  | open   | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL A dependency-unreachable
            postgres:DEPENDENCY:GOOD trading-health:TRADING:HTTP_5XX:postgres,alpaca | on | open | PAUSE_RECOMMENDED | CRITICAL - pause-recommended; CRITICAL A dependency-unreachable; CRITICAL A torghut-unhealthy
            """)
    void oneFindingPerProblemMostSevereFirst(String specs, String trading, String session, VerdictLevel level, String expected) {
        SignalSnapshot snapshot = snapshot(specs);
        Verdict verdict = POLICY.evaluate(snapshot, "open".equals(session) ? OPEN : CLOSED, Optional.of("on".equals(trading)));
        assertEquals(level, verdict.level());
        List<Finding> findings = findings(verdict);
        assertEquals(expected == null ? List.of() : List.of(expected.trim().split(";\\s*")), tags(findings));
        for (Finding f : findings) {
            assertTrue(FindingIds.all().get(f.id()).equals(f.procedure()), f.id());
            assertFalse(f.evidence().isEmpty(), f.id());
            f.commands().forEach(c -> assertTrue(c.startsWith("kubectl -n torghut ") || c.equals("argocd app sync torghut"), c));
        }
        RunbookFindingsTest.nothingPrintedTwice(findings);
    }

    @Test
    void evidenceNamesTheFailingSignalAndItsReason() {
        SignalSnapshot snapshot = snapshot("clickhouse:DEPENDENCY:GOOD ta_signals:FRESHNESS:STALE ta_microbars:FRESHNESS:NO_DATA "
                + "healthz:SERVICE:CONNECT clickhouse-admin:EXTRA:HTTP_5XX");
        Map<String, Finding> byId = byId(findings(POLICY.evaluate(snapshot, OPEN, Optional.of(true))));
        Finding stale = byId.get(FindingIds.TA_DATA_STALE);
        assertEquals("TA data is stale or its age unknown: ta_signals, ta_microbars while ClickHouse answers", stale.summary());
        assertEquals(List.of("the prober's own ta_signals probe: BAD (stale: ta_signals detail)",
                "the prober's own ta_microbars probe: BAD (no_data: ta_microbars detail)"), stale.evidence());
        assertEquals(List.of("ta_signals", "ta_microbars"), stale.resources());
        assertTrue(stale.advice().get(0).startsWith("The technical-analysis writers have stopped or fallen behind on ta_signals, ta_microbars"),
                stale.advice().toString());
        Finding torghut = byId.get(FindingIds.TORGHUT_UNHEALTHY);
        assertEquals("Torghut fails /healthz", torghut.summary());
        assertEquals(List.of("the prober's own healthz probe: BAD (connect: healthz detail)"), torghut.evidence());
        assertTrue(torghut.advice().get(0).startsWith("Procedure A: inspect the Knative conditions"), torghut.advice().toString());
        Finding extra = byId.get(FindingIds.EXTRA_TARGET_FAILING);
        assertEquals("extra target clickhouse-admin failing; it does not affect the trading decision", extra.summary());
        Finding pause = byId.get(FindingIds.PAUSE_RECOMMENDED);
        assertEquals("TRADING_ENABLED of the live revision is not known: the Knative service has not been read "
                + "(prober.kubernetes.enabled=false, no read yet, or the read failed); assumed enabled", pause.evidence().get(0));
        assertTrue(pause.evidence().get(1).startsWith("pause recommended: ta_signals stale"), pause.evidence().toString());
        assertTrue(pause.advice().get(0).startsWith("Pause trading first (runbook precondition)"), pause.advice().toString());
    }

    @Test
    void aClickHouseAuthFailureAnywhereSaysCredentials() {
        SignalSnapshot snapshot = snapshot("clickhouse:DEPENDENCY:GOOD ta_signals:FRESHNESS:AUTH");
        Finding f = byId(findings(POLICY.evaluate(snapshot, OPEN, Optional.of(true)))).get(FindingIds.CLICKHOUSE_UNREACHABLE);
        assertEquals("ClickHouse rejects the credentials", f.summary());
        assertEquals(List.of("the prober's own clickhouse probe: GOOD (none: clickhouse ok)",
                "the prober's own ta_signals probe: BAD (auth: ta_signals detail)"), f.evidence());
        assertTrue(f.advice().get(0).startsWith("Check the Secret behind TA_CLICKHOUSE_PASSWORD"), f.advice().toString());
    }

    @Test
    void aDependencyOutsideTheRunbookIsNamedWithoutSendingOncallToProcedureA() {
        SignalSnapshot snapshot = snapshot("trading-health:TRADING:HTTP_5XX:alpaca");
        Finding f = byId(findings(POLICY.evaluate(snapshot, OPEN, Optional.of(true)))).get(FindingIds.TORGHUT_UNHEALTHY);
        assertEquals("Torghut fails /trading/health (dependencies not ok: alpaca)", f.summary());
        assertEquals(List.of("the prober's own trading-health probe: BAD (http_5xx: trading-health detail)",
                "Torghut's /trading/health reports dependencies not ok: alpaca"), f.evidence());
        assertEquals(List.of("Torghut reports alpaca not ok, a dependency outside the runbook's procedures: its logs say why."), f.advice());
    }

    @Test
    void commandsNameTheConfiguredNamespaceServiceClusterAndContainer() {
        SignalSnapshot snapshot = snapshot("healthz:SERVICE:CONNECT postgres:DEPENDENCY:CONNECT clickhouse:DEPENDENCY:CONNECT");
        List<Finding> findings = findings(POLICY.evaluate(snapshot, OPEN, Optional.of(true)), Optional.empty(),
                RunbookNames.of("trading-b", "torghut-b", "torghut-b-db", "app"));
        assertEquals(List.of(FindingIds.PAUSE_RECOMMENDED, FindingIds.CLICKHOUSE_UNREACHABLE, FindingIds.POSTGRES_UNHEALTHY,
                FindingIds.TORGHUT_UNHEALTHY), findings.stream().map(Finding::id).toList(), "the pause, the causes, then the symptom");
        Map<String, Finding> byId = byId(findings);
        assertEquals("argocd app sync torghut-b", byId.get(FindingIds.PAUSE_RECOMMENDED).commands().get(0));
        assertEquals(List.of("kubectl -n trading-b describe ksvc torghut-b",
                "kubectl -n trading-b get pods -l serving.knative.dev/service=torghut-b --sort-by=.metadata.creationTimestamp",
                "kubectl -n trading-b logs -l serving.knative.dev/service=torghut-b -c app --tail=200"),
                byId.get(FindingIds.TORGHUT_UNHEALTHY).commands());
        assertEquals("kubectl -n trading-b get cluster.postgresql.cnpg.io torghut-b-db", byId.get(FindingIds.POSTGRES_UNHEALTHY).commands().get(0));
        assertTrue(byId.get(FindingIds.POSTGRES_UNHEALTHY).advice().get(0).startsWith("Check the CNPG cluster torghut-b-db"),
                byId.get(FindingIds.POSTGRES_UNHEALTHY).advice().toString());
        assertEquals("kubectl -n trading-b get svc,endpoints torghut-clickhouse", byId.get(FindingIds.CLICKHOUSE_UNREACHABLE).commands().get(0));
        findings.forEach(f -> f.commands().forEach(c -> assertTrue(c.startsWith("kubectl -n trading-b ") || c.equals("argocd app sync torghut-b"), c)));
    }

    /** No result yet says nothing about what is wrong: only the pause, whose evidence names them (the verdict's reasons). */
    @Test
    void signalsWithNoResultYetGiveOnlyThePause() {
        SignalSnapshot snapshot = new SignalSnapshot(List.of(Signals.unknown("healthz", SignalRole.SERVICE),
                Signals.unknown("postgres", SignalRole.DEPENDENCY)));
        List<Finding> findings = findings(POLICY.evaluate(snapshot, OPEN, Optional.empty()));
        assertEquals(List.of("CRITICAL - pause-recommended"), tags(findings));
        assertTrue(findings.get(0).evidence().contains("pause recommended: postgres unknown - no result yet"), findings.get(0).evidence().toString());
    }

    /** Hysteresis keeps a signal bad for a while after its first success: no finding may invent a failure from it. */
    @Test
    void recoveringSignalsKeepOnlyTheFreshnessWait() {
        Hysteresis hysteresis = new Hysteresis(2, 3);
        SignalState trading = SignalState.initial("trading-health", SignalRole.TRADING, Optional.empty());
        SignalState fresh = SignalState.initial("ta_signals", SignalRole.FRESHNESS, Optional.of(Duration.ofMinutes(5)));
        ProbeOutcome degraded = ProbeOutcome.fail(FailureReason.HTTP_5XX, "503").withEvidence(Map.of("failing_dependencies", "alpaca"));
        ProbeOutcome stale = ProbeOutcome.fail(FailureReason.STALE, "900s old").withAge(Duration.ofSeconds(900));
        for (int i = 0; i < 2; i++) {
            trading = trading.with(new ProbeResult("trading-health", degraded, Duration.ZERO, OPEN), hysteresis);
            fresh = fresh.with(new ProbeResult("ta_signals", stale, Duration.ZERO, OPEN), hysteresis);
        }
        trading = trading.with(new ProbeResult("trading-health", ProbeOutcome.ok("200"), Duration.ZERO, OPEN), hysteresis);
        fresh = fresh.with(new ProbeResult("ta_signals", ProbeOutcome.ok("2s old").withAge(Duration.ofSeconds(2)), Duration.ZERO, OPEN), hysteresis);
        Verdict verdict = POLICY.evaluate(new SignalSnapshot(List.of(trading, fresh)), OPEN, Optional.of(true));
        assertEquals(VerdictLevel.PAUSE_RECOMMENDED, verdict.level(), "both are still bad until 3 successes");
        List<Finding> findings = findings(verdict);
        // not "Torghut fails /trading/health" (it answered 200)
        assertEquals(List.of("CRITICAL - pause-recommended", "CRITICAL C ta-data-stale"), tags(findings));
        assertEquals(List.of("the prober's own ta_signals probe: recovering (its latest run passed: 2s old; bad until enough fresh "
                + "results in a row)"), findings.get(1).evidence());
    }

    /** The live revision known to trade: the pause finding is trading-still-enabled, never both. */
    @Test
    void aKnownTradingRevisionMakesItTradingStillEnabledNotPauseRecommended() {
        SignalSnapshot snapshot = snapshot("postgres:DEPENDENCY:CONNECT");
        KnativeObservation healthy = K8sFixtures.knative("healthy.yaml", Map.of());
        List<Finding> findings = findings(POLICY.evaluate(snapshot, OPEN, Optional.of(true)), Optional.of(healthy), RunbookNames.defaults());
        assertEquals(List.of("CRITICAL - trading-still-enabled-on-bad-data", "CRITICAL C postgres-unhealthy"), tags(findings));
        assertEquals("serving revision torghut-00041 has TRADING_ENABLED=true", findings.get(0).evidence().get(0));
    }

    /** Torghut failing /healthz while its newest revision crashloops is one problem: the revision's, with the probe as evidence. */
    @Test
    void torghutFailingWhileTheClusterShowsWhyFoldsIntoTheClusterFinding() {
        SignalSnapshot snapshot = snapshot("healthz:SERVICE:CONNECT");
        KnativeObservation crash = RunbookFindingsTest.crash("uuid-crash-previous.log");
        List<Finding> findings = findings(POLICY.evaluate(snapshot, OPEN, Optional.of(true)), Optional.of(crash), RunbookNames.defaults());
        assertEquals(List.of("CRITICAL B uuid-json-serialization"), tags(findings),
                "Torghut failing and its newest revision not Ready are both explained by the UUID crash: one finding");
        assertTrue(findings.get(0).evidence().contains("the prober's own healthz probe: BAD (connect: healthz detail)"), findings.get(0).evidence().toString());
        assertTrue(findings.get(0).evidence().contains("traffic still goes to the last ready revision torghut-00041"), findings.get(0).evidence().toString());
        RunbookFindingsTest.nothingPrintedTwice(findings);
    }

    /** Not reached while Knative serves a Ready revision: the prober's path to Torghut is the suspect. */
    @Test
    void unreachedWhileKnativeIsReadyPointsAtTheProbersPath() {
        SignalSnapshot snapshot = snapshot("healthz:SERVICE:TIMEOUT");
        KnativeObservation healthy = K8sFixtures.knative("healthy.yaml", Map.of());
        Finding f = findings(POLICY.evaluate(snapshot, OPEN, Optional.of(true)), Optional.of(healthy), RunbookNames.defaults()).get(0);
        assertEquals(FindingIds.TORGHUT_UNHEALTHY, f.id());
        assertTrue(f.evidence().contains("Knative reports ksvc torghut and its newest revision Ready"), f.evidence().toString());
        assertTrue(f.advice().get(0).startsWith("Knative serves a Ready revision: check the address the prober uses (TORGHUT_URL)"),
                f.advice().toString());
    }

    private static Map<String, Finding> byId(List<Finding> findings) {
        Map<String, Finding> byId = new java.util.LinkedHashMap<>();
        findings.forEach(f -> byId.put(f.id(), f));
        return byId;
    }
}
