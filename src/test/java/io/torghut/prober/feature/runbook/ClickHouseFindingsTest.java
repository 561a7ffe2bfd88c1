package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static io.torghut.prober.testsupport.K8sFixtures.good;
import static io.torghut.prober.testsupport.K8sFixtures.signal;
import static io.torghut.prober.testsupport.K8sFixtures.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.EnvVar;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Procedure C for ClickHouse, line by line: which URLs are wrong and how badly, and when the prober calls it unreachable. */
class ClickHouseFindingsTest {
    static final String URL = ClickHouseFindings.URL_ENV;

    static FindingContext ctx(SignalState... signals) {
        return new FindingContext(verdict(VerdictLevel.HEALTHY, List.of(), signals), NOW, Duration.ofMinutes(3), RunbookNames.defaults());
    }

    static KnativeObservation withEnv(EnvVar... env) {
        KnativeObservation base = K8sFixtures.knative("healthy.yaml", Map.of());
        KnativeServiceInfo s = base.service().orElseThrow();
        KnativeServiceInfo changed = new KnativeServiceInfo(s.name(), s.conditions(), s.latestCreatedRevision(), s.latestReadyRevision(),
                s.traffic(), s.templateImage(), List.of(env));
        return new KnativeObservation(base.observedAt(), Optional.of(changed), base.revisions(), base.pods(), base.logs(), base.problems());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://torghut-clickhouse.torghut.svc.cluster.local:8123|",
            "'  http://ch:8123  '|",
            "https://ch:8443|",
            "http://ch|uses port 80, not ClickHouse's HTTP port 8123 (8443 with TLS)",
            "https://ch|uses port 443, not ClickHouse's HTTP port 8123 (8443 with TLS)",
            "http://ch:8124|uses port 8124, not ClickHouse's HTTP port 8123 (8443 with TLS)",
            "http://ch:9000|uses port 9000, a ClickHouse native/interserver port, not the HTTP port 8123",
            "http://ch:9440|uses port 9440, a ClickHouse native/interserver port, not the HTTP port 8123",
            "http://ch:9004|uses port 9004, a ClickHouse native/interserver port, not the HTTP port 8123",
            "http://ch:9005|uses port 9005, a ClickHouse native/interserver port, not the HTTP port 8123",
            "http://ch:9009|uses port 9009, a ClickHouse native/interserver port, not the HTTP port 8123",
            "tcp://ch:9000|is not an http:// URL (the dependency check speaks ClickHouse's HTTP interface)",
            "torghut-clickhouse:8123|is not an http:// URL (the dependency check speaks ClickHouse's HTTP interface)",
            "http:///path|has no host",
            "http://ch:8123/a b|is not a URL"})
    void judgesTheUrl(String url, String problem) {
        assertEquals(Optional.ofNullable(problem), ClickHouseFindings.judgeUrl(url));
    }

    @Test
    void missingUrlAndLegacyHostAreCriticalWithTheLineToAdd() {
        Finding missing = ClickHouseFindings.misconfigured(withEnv(EnvVar.plain("TRADING_ENABLED", "true")), ctx()).orElseThrow();
        assertEquals("ClickHouse is misconfigured in ksvc/torghut: TA_CLICKHOUSE_URL is not set", missing.summary());
        assertEquals(Severity.CRITICAL, missing.severity());
        assertEquals(List.of(new GitOpsStep(RunbookNames.MANIFEST, "- name: TA_CLICKHOUSE_URL (missing)",
                "- name: TA_CLICKHOUSE_URL  value: http://torghut-clickhouse.torghut.svc.cluster.local:8123")), missing.gitops());

        Finding legacy = ClickHouseFindings.misconfigured(withEnv(EnvVar.plain("CLICKHOUSE_HOST", "torghut-clickhouse")), ctx()).orElseThrow();
        assertEquals("ClickHouse is misconfigured in ksvc/torghut: only the legacy CLICKHOUSE_HOST is set; the dependency check uses "
                + "TA_CLICKHOUSE_URL, which is missing", legacy.summary());
        assertEquals(Severity.CRITICAL, legacy.severity());
    }

    @Test
    void aWrongPortIsAWarningANativePortOrSchemeIsCritical() {
        Finding http = ClickHouseFindings.misconfigured(withEnv(EnvVar.plain(URL, "http://torghut-clickhouse:8080")), ctx()).orElseThrow();
        assertEquals(List.of(Subject.dependency("clickhouse")), http.subjects(), "no revision carries it: the template alone says so");
        assertEquals(Severity.WARNING, http.severity());
        assertEquals(List.of("ksvc torghut container user-container: TA_CLICKHOUSE_URL=http://torghut-clickhouse:8080 uses port 8080, "
                + "not ClickHouse's HTTP port 8123 (8443 with TLS)"), http.evidence());
        assertEquals("- name: TA_CLICKHOUSE_URL  value: http://torghut-clickhouse:8080", http.gitops().get(0).line());
        assertEquals(Severity.CRITICAL,
                ClickHouseFindings.misconfigured(withEnv(EnvVar.plain(URL, "http://torghut-clickhouse:9000")), ctx()).orElseThrow().severity());
        assertEquals(Severity.CRITICAL,
                ClickHouseFindings.misconfigured(withEnv(EnvVar.plain(URL, "tcp://torghut-clickhouse:8123")), ctx()).orElseThrow().severity());
    }

    @Test
    void aGoodUrlAValueFromASecretOrNoServiceIsNoFinding() {
        assertEquals(Optional.empty(), ClickHouseFindings.misconfigured(
                withEnv(EnvVar.plain(URL, "http://torghut-clickhouse.torghut.svc.cluster.local:8123")), ctx()));
        assertEquals(Optional.empty(), ClickHouseFindings.misconfigured(
                withEnv(new EnvVar(URL, Optional.empty(), Optional.of("ch"), Optional.of("url"), false)), ctx()));
        KnativeObservation none = K8sFixtures.knative("healthy.yaml", Map.of());
        none = new KnativeObservation(none.observedAt(), Optional.empty(), none.revisions(), none.pods(), none.logs(), none.problems());
        assertEquals(Optional.empty(), ClickHouseFindings.misconfigured(none, ctx()));
    }

    @Test
    void unreachableOnlyWhenTheProbeFailsOrTorghutSaysSo() {
        assertEquals(Optional.empty(), ClickHouseFindings.unreachable(Optional.empty(),
                ctx(good("clickhouse", SignalRole.DEPENDENCY), good("trading-health", SignalRole.TRADING))));

        Finding down = ClickHouseFindings.unreachable(Optional.empty(), ctx(
                signal("clickhouse", SignalRole.DEPENDENCY, Health.BAD, FailureReason.CONNECT, "connection refused"))).orElseThrow();
        assertEquals("ClickHouse is unreachable", down.summary());
        assertEquals(List.of("torghut-clickhouse"), down.resources());
        assertTrue(down.commands().contains("kubectl -n torghut get svc,endpoints torghut-clickhouse"), down.commands().toString());
        assertTrue(down.advice().get(0).startsWith("Confirm ClickHouse is up"), down.advice().toString());
        assertEquals(1, down.evidence().size(), down.evidence().toString());

        Finding auth = ClickHouseFindings.unreachable(Optional.empty(), ctx(
                signal("clickhouse", SignalRole.DEPENDENCY, Health.BAD, FailureReason.AUTH, "code 516"))).orElseThrow();
        assertEquals("ClickHouse rejects the credentials", auth.summary());
        assertTrue(auth.advice().get(0).startsWith("Check the Secret behind TA_CLICKHOUSE_PASSWORD"), auth.advice().toString());

        ProbeResult health = new ProbeResult("trading-health", ProbeOutcome.fail(FailureReason.HTTP_5XX, "503")
                .withEvidence(Map.of("failing_dependencies", "postgres, clickhouse")), Duration.ofMillis(5), NOW);
        SignalState torghut = new SignalState("trading-health", SignalRole.TRADING, Optional.empty(), Optional.of(health), Optional.empty(),
                3, 0, Health.BAD, Optional.empty(), Optional.empty(), Optional.of(NOW));
        // Torghut's word against the prober's own fresh probe: not "ClickHouse is unreachable" (issue 22), but the path.
        assertEquals(Optional.empty(), ClickHouseFindings.unreachable(Optional.empty(), ctx(good("clickhouse", SignalRole.DEPENDENCY), torghut)));
        Finding path = RunbookFindings.evaluate(Optional.empty(), Optional.empty(), ctx(good("clickhouse", SignalRole.DEPENDENCY), torghut))
                .stream().filter(f -> f.id().equals(FindingIds.DEPENDENCY_UNREACHABLE)).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, path.severity());
        assertEquals("Torghut cannot reach clickhouse (its /trading/health reports clickhouse not ok)", path.summary());
        assertEquals(List.of("Torghut's /trading/health reports dependencies not ok: postgres, clickhouse",
                "the prober's own clickhouse probe succeeds (none: clickhouse ok)"), path.evidence());
        // With no probe result of its own, Torghut's word stands.
        Finding said = ClickHouseFindings.unreachable(Optional.empty(), ctx(torghut)).orElseThrow();
        assertEquals("ClickHouse is unreachable", said.summary());
        assertTrue(said.evidence().contains("Torghut's /trading/health reports dependencies not ok: postgres, clickhouse"), said.evidence().toString());
        assertEquals(2, said.evidence().size());
    }

    /** TA_CLICKHOUSE_URL on the native port, and ClickHouse telling Torghut so: the configuration, critical, with the edit. */
    @Test
    void theNativePortJoinedWithClickHousesOwnAnswerIsTheConfiguration() {
        String yaml = K8sFixtures.text("uuid-crash.yaml").replace("torghut-clickhouse.torghut.svc.cluster.local:8123",
                "torghut-clickhouse.torghut.svc.cluster.local:9000");
        KnativeObservation obs = K8sFixtures.knative(K8sFixtures.parse(yaml), Map.of(RunbookFindingsTest.P42 + "/previous",
                "clickhouse-native-port.log", RunbookFindingsTest.P41, "healthy.log"), NOW);
        List<Finding> findings = RunbookFindings.evaluate(Optional.of(obs), Optional.empty(), ctx(good("clickhouse", SignalRole.DEPENDENCY)));
        assertEquals(List.of(FindingIds.CLICKHOUSE_MISCONFIGURED), findings.stream().map(Finding::id).toList(),
                "the crash and the revision not Ready are its evidence; no startup-crash, no image rollback");
        Finding f = findings.get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertTrue(f.evidence().stream().anyMatch(e -> e.contains("clickhouse-wrong-protocol x1, e.g. \"2026-11-27 22:41:09,031 ERROR "
                + "[torghut.ta] ClickHouse answered: Port 9000 is for clickhouse-client program\"")), f.evidence().toString());
        assertEquals(List.of(new GitOpsStep(RunbookNames.MANIFEST, "- name: TA_CLICKHOUSE_URL  value: http://torghut-clickhouse.torghut.svc.cluster.local:9000",
                "- name: TA_CLICKHOUSE_URL  value: http://torghut-clickhouse.torghut.svc.cluster.local:8123")), f.gitops());
        assertTrue(f.subjects().contains(Subject.revision("torghut-00042")), f.subjects().toString());
    }

    @Test
    void theServiceNameComesFromTheUrlsHostWhenItIsAValidName() {
        RunbookNames n = RunbookNames.defaults();
        assertEquals("ch-http", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "http://ch-http.data.svc.cluster.local:8123")), n));
        assertEquals("torghut-clickhouse", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "http://CH_HTTP:8123")), n));
        assertEquals("torghut-clickhouse", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "not a url")), n));
        assertEquals("torghut-clickhouse", ClickHouseFindings.serviceName(withEnv(EnvVar.plain("OTHER", "http://x:8123")), n));
        Finding f = ClickHouseFindings.unreachable(Optional.of(withEnv(EnvVar.plain(URL, "http://ch-http.data.svc:8123"))), ctx(
                signal("clickhouse", SignalRole.DEPENDENCY, Health.BAD, FailureReason.TIMEOUT, "timeout"))).orElseThrow();
        assertEquals(List.of("ch-http"), f.resources());
    }

    /** A host that parses but is no Kubernetes Service name (upper case) gives the runbook's name, not a command that fails. */
    @Test
    void anUpperCaseHostIsNotTakenAsAServiceName() {
        RunbookNames n = RunbookNames.defaults();
        assertEquals("torghut-clickhouse", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "http://CH-HTTP.data.svc:8123")), n));
    }

    /**
     * An IP address in TA_CLICKHOUSE_URL names no Service: its first octet ("10") printed
     * {@code kubectl get svc,endpoints 10}. Service names are RFC 1035 labels, which start with a letter.
     */
    @Test
    void anIpAddressHostIsNotTakenAsAServiceName() {
        RunbookNames n = RunbookNames.defaults();
        assertEquals("torghut-clickhouse", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "http://10.0.3.17:8123")), n));
        assertEquals("torghut-clickhouse", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "http://[fd00::17]:8123")), n));
        assertEquals("torghut-clickhouse", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "http://1ch.data.svc:8123")), n));
        assertEquals("ch1", ClickHouseFindings.serviceName(withEnv(EnvVar.plain(URL, "http://ch1.data.svc:8123")), n));
    }
}
