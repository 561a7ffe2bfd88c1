package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static io.torghut.prober.testsupport.K8sFixtures.cnpg;
import static io.torghut.prober.testsupport.K8sFixtures.good;
import static io.torghut.prober.testsupport.K8sFixtures.healthyVerdict;
import static io.torghut.prober.testsupport.K8sFixtures.knative;
import static io.torghut.prober.testsupport.K8sFixtures.signal;
import static io.torghut.prober.testsupport.K8sFixtures.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.KnativeObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the key findings say: the evidence and the next steps oncall copies. */
class FindingDetailsTest {
    static final String P41 = RunbookFindingsTest.P41;
    static final String P42 = RunbookFindingsTest.P42;
    static final String GOOD = "registry.example.com/lab/torghut@sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091";
    static final String BAD = "registry.example.com/lab/torghut@sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";

    static FindingContext ctx(Verdict verdict) {
        return new FindingContext(verdict, NOW, Duration.ofMinutes(3), RunbookNames.defaults());
    }

    static Finding only(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + findings));
    }

    @Test
    void uuidCrashNamesTheLastKnownGoodDigestAndTheManifestLineToRestore() {
        KnativeObservation obs = RunbookFindingsTest.crash("uuid-crash-previous.log");
        Finding f = only(RunbookFindings.evaluate(Optional.of(obs), Optional.empty(), ctx(healthyVerdict())), FindingIds.UUID_JSON);
        assertEquals("revision torghut-00042 fails on a UUID that reaches JSON serialization (known failure mode, procedure B)", f.summary());
        assertTrue(f.evidence().contains(P42 + "/user-container (previous instance) of revision torghut-00042: uuid-not-json-serializable x2, "
                + "e.g. \"TypeError: Object of type UUID is not JSON serializable\""), f.evidence().toString());
        assertTrue(f.evidence().contains("last known good: revision torghut-00041 runs " + GOOD), f.evidence().toString());
        assertEquals(List.of(new GitOpsStep(RunbookNames.MANIFEST, "image: " + BAD, "image: " + GOOD)), f.gitops());
        assertTrue(f.commands().contains("kubectl -n torghut logs " + P42 + " -c user-container --previous --tail=200"), f.commands().toString());
        assertTrue(f.commands().contains("argocd app sync torghut"));
        assertTrue(String.join(" ", f.advice()).contains("model_dump(mode=\"json\")"));
        assertTrue(String.join(" ", f.advice()).contains("decision_json, input_json, response_json"));
        assertEquals(List.of("torghut-00042", P42), f.resources());
    }

    @Test
    void withoutAnotherReadyDigestTheRollbackPointsAtGitHistory() {
        KnativeObservation obs = RunbookFindingsTest.crash("uuid-crash-previous.log");
        // The only other revision runs the same image: nothing to roll back to in the cluster.
        KnativeObservation same = new KnativeObservation(obs.observedAt(), obs.service(), obs.revisions().stream()
                .map(r -> new io.torghut.prober.shared.model.RevisionInfo(r.name(), r.created(), r.conditions(), r.image(), Optional.of(BAD), r.env()))
                .toList(), obs.pods(), obs.logs(), obs.problems());
        Finding f = only(RunbookFindings.evaluate(Optional.of(same), Optional.empty(), ctx(healthyVerdict())), FindingIds.UUID_JSON);
        assertTrue(f.gitops().get(0).change().contains("git log -p -- argocd/applications/torghut/knative-service.yaml | grep 'image: '"));
    }

    @Test
    void missingSecretNamesTheSecretAndTheEnvVariable() {
        KnativeObservation obs = knative("missing-secret.yaml", Map.of(P41, "healthy.log"));
        Finding f = only(RunbookFindings.evaluate(Optional.of(obs), Optional.empty(), ctx(healthyVerdict())), FindingIds.MISSING_SECRET);
        assertEquals("pods of torghut-00043 cannot start: missing Secret torghut-db-app (for DB_DSN)", f.summary());
        assertTrue(f.evidence().contains("pod torghut-00043-deployment-6f9c8d7e5-q7w8e/user-container: not running, not ready, restarts 0, "
                + "waiting CreateContainerConfigError (secret \"torghut-db-app\" not found)"), f.evidence().toString());
        assertTrue(f.commands().contains("kubectl -n torghut get secret torghut-db-app"));
        assertTrue(f.commands().contains("kubectl -n torghut get cluster.postgresql.cnpg.io torghut-db"));
        assertEquals(RunbookNames.MANIFEST, f.gitops().get(0).file());
        assertTrue(f.gitops().get(0).line().startsWith("- name: DB_DSN"), f.gitops().toString());
    }

    @Test
    void aMissingKeyOfTheClickHouseSecretNamesThePasswordVariable() {
        KnativeObservation obs = knative("missing-secret.yaml", Map.of(P41, "healthy.log"));
        KnativeObservation keyMissing = new KnativeObservation(obs.observedAt(), obs.service(), obs.revisions().stream()
                .map(r -> new io.torghut.prober.shared.model.RevisionInfo(r.name(), r.created(), List.of(new io.torghut.prober.shared.model.Condition(
                        "Ready", "False", "CreateContainerConfigError", "")), r.image(), r.imageDigest(), r.env())).toList(),
                obs.pods().stream().map(p -> new io.torghut.prober.shared.model.PodInfo(p.name(), p.revision(), p.created(), p.phase(),
                        p.containers().stream().map(c -> !c.waitingReason().equals("CreateContainerConfigError") ? c
                                : new io.torghut.prober.shared.model.PodInfo.ContainerState(c.name(), false, 0, false, c.waitingReason(),
                                "couldn't find key password in Secret torghut/torghut-clickhouse-auth", "", Optional.empty())).toList()))
                        .toList(), obs.logs(), obs.problems());
        Finding f = only(RunbookFindings.evaluate(Optional.of(keyMissing), Optional.empty(), ctx(healthyVerdict())), FindingIds.MISSING_SECRET);
        assertEquals("pods of torghut-00043 cannot start: missing Secret torghut-clickhouse-auth key password (for TA_CLICKHOUSE_PASSWORD)",
                f.summary());
        assertTrue(f.advice().get(0).contains("ClickHouse password"), f.advice().toString());
    }

    @Test
    void aMissingKeyOfTheClickHouseSecretIsParsed() {
        assertEquals(new SecretFindings.Missing("torghut-clickhouse-auth", Optional.of("password"),
                        "couldn't find key password in Secret torghut/torghut-clickhouse-auth"),
                SecretFindings.parse("couldn't find key password in Secret torghut/torghut-clickhouse-auth").orElseThrow());
        assertEquals(Optional.empty(), SecretFindings.parse("Back-off pulling image"));
    }

    @Test
    void revisionNotReadySaysWhichConditionAndWhy() {
        KnativeObservation obs = RunbookFindingsTest.crash("uuid-crash-previous.log");
        Finding f = RevisionFindings.revisionNotReady(obs, ctx(healthyVerdict())).orElseThrow();
        assertEquals("newest revision torghut-00042 is not Ready (ExitCode1): Container failed with: TypeError: Object of type UUID is not JSON serializable",
                f.summary());
        // The UUID crash explains it: in the list it is that finding's evidence, not a finding of its own.
        List<Finding> all = RunbookFindings.evaluate(Optional.of(obs), Optional.empty(), ctx(healthyVerdict()));
        assertEquals(List.of(FindingIds.UUID_JSON), all.stream().map(Finding::id).toList());
        assertTrue(all.get(0).evidence().containsAll(f.evidence()), all.get(0).evidence().toString());
        assertTrue(f.evidence().contains("revision torghut-00042: ResourcesAvailable=False reason=ProgressDeadlineExceeded "
                + "message=\"Initial scale was never achieved\""), f.evidence().toString());
        assertTrue(f.evidence().contains("pod " + P42 + "/user-container: not running, not ready, restarts 6, waiting CrashLoopBackOff "
                + "(back-off 5m0s restarting failed container=user-container pod=torghut-00042-deployment-5d8f7b9c6-x2k4p_torghut(0b8e)), "
                + "last terminated Error exit code 1"), f.evidence().toString());
        assertTrue(f.evidence().contains("traffic still goes to the last ready revision torghut-00041"));
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void aRevisionStillDeployingWithinTheGraceIsNotAFinding() {
        KnativeObservation obs = RunbookFindingsTest.crash("uuid-crash-current.log");
        FindingContext early = new FindingContext(healthyVerdict(), Instant.parse("2026-11-27T20:01:00Z"), Duration.ofMinutes(3),
                RunbookNames.defaults());
        // Ready=False is final even within the grace; only Unknown is "still deploying".
        assertTrue(RevisionFindings.revisionNotReady(obs, early).isPresent());
        KnativeObservation unknown = new KnativeObservation(obs.observedAt(), obs.service(), obs.revisions().stream()
                .map(r -> r.name().equals("torghut-00042") ? new io.torghut.prober.shared.model.RevisionInfo(r.name(), r.created(),
                        List.of(new io.torghut.prober.shared.model.Condition("Ready", "Unknown", "Deploying", "")), r.image(), r.imageDigest(), r.env()) : r)
                .toList(), obs.pods(), List.of(), obs.problems());
        assertTrue(RevisionFindings.revisionNotReady(unknown, early).isEmpty());
        assertTrue(RevisionFindings.revisionNotReady(unknown, ctx(healthyVerdict())).isPresent(), "past the grace it is reported");
    }

    @Test
    void dependencyErrorsAreCrossCheckedWithTheProbersOwnProbes() {
        KnativeObservation obs = knative("healthy.yaml", Map.of(P41, "clickhouse-refused.log"));
        Finding reachable = only(RunbookFindings.evaluate(Optional.of(obs), Optional.empty(), ctx(healthyVerdict())), FindingIds.DEPENDENCY_UNREACHABLE);
        assertTrue(reachable.evidence().contains("the prober's own clickhouse probe succeeds (none: clickhouse ok)"), reachable.evidence().toString());
        Verdict down = verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of("clickhouse down"),
                signal("clickhouse", SignalRole.DEPENDENCY, Health.BAD, FailureReason.CONNECT, "connection refused"));
        // Down for the prober too: ClickHouse itself is down, and Torghut's errors are that finding's evidence.
        List<Finding> findings = RunbookFindings.evaluate(Optional.of(obs), Optional.empty(), ctx(down));
        assertTrue(findings.stream().noneMatch(f -> f.id().equals(FindingIds.DEPENDENCY_UNREACHABLE)), findings.toString());
        Finding confirmed = only(findings, FindingIds.CLICKHOUSE_UNREACHABLE);
        assertEquals(Severity.CRITICAL, confirmed.severity());
        assertEquals(List.of("the prober's own clickhouse probe: BAD (connect: connection refused)", reachable.evidence().get(0)), confirmed.evidence());
        assertTrue(confirmed.commands().contains("kubectl -n torghut get svc,endpoints torghut-clickhouse"));
    }

    @Test
    void failoverEvidenceNamesBothPrimaries() {
        Finding f = only(RunbookFindings.evaluate(Optional.empty(), Optional.of(cnpg("cnpg-failover.yaml")), ctx(healthyVerdict())),
                FindingIds.POSTGRES_UNHEALTHY);
        assertEquals(Severity.CRITICAL, f.severity());
        assertTrue(f.evidence().contains("cluster torghut-db: phase \"Failing over\", 2/3 instances ready, currentPrimary torghut-db-1, targetPrimary torghut-db-2"),
                f.evidence().toString());
        assertTrue(f.commands().contains("kubectl -n torghut get cluster.postgresql.cnpg.io torghut-db"));
        assertEquals(RunbookNames.POSTGRES_MANIFEST, f.gitops().get(0).file());
    }

    @Test
    void tradingOnBadDataPointsAtTheTradingEnabledLine() {
        Verdict pause = verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of("ta_signals stale"), good("postgres", SignalRole.DEPENDENCY));
        Finding f = only(RunbookFindings.evaluate(Optional.of(knative("healthy.yaml", Map.of())), Optional.empty(), ctx(pause)),
                FindingIds.TRADING_ON_BAD_DATA);
        assertEquals(List.of("serving revision torghut-00041 has TRADING_ENABLED=true", "pause recommended: ta_signals stale"), f.evidence());
        assertEquals(new GitOpsStep(RunbookNames.MANIFEST, "- name: TRADING_ENABLED  value: \"true\"", "- name: TRADING_ENABLED  value: \"false\""),
                f.gitops().get(0));
    }

    @Test
    void accessProblemsSayWhichPermissionIsMissing() {
        AccessProblem forbidden = new AccessProblem(AccessProblem.Kind.FORBIDDEN, "get", "services.serving.knative.dev", "torghut", "torghut", "HTTP 403");
        assertEquals("forbidden: get services.serving.knative.dev torghut in torghut - the prober's Role needs get/list/watch on "
                + "services.serving.knative.dev (k8s/base/role-torghut.yaml)", forbidden.describe());
        AccessProblem logs = new AccessProblem(AccessProblem.Kind.FORBIDDEN, "get", "pods/log", "p", "torghut", "HTTP 403");
        assertTrue(logs.describe().contains("needs get on pods/log"));
        AccessProblem events = new AccessProblem(AccessProblem.Kind.FORBIDDEN, "list", "events", "", "torghut", "HTTP 403");
        assertEquals("forbidden: list events in torghut - the prober's Role needs list on events (k8s/base/role-torghut.yaml)",
                events.describe(), "the Role grants list on events, nothing more");
        KnativeObservation obs = new KnativeObservation(NOW, Optional.empty(), List.of(), List.of(), List.of(), List.of(forbidden));
        Finding f = only(RunbookFindings.evaluate(Optional.of(obs), Optional.empty(), ctx(healthyVerdict())), FindingIds.KUBERNETES_ACCESS);
        assertEquals(List.of(forbidden.describe()), f.evidence());
        assertEquals(List.of("kubectl auth can-i get services.serving.knative.dev -n torghut --as=system:serviceaccount:torghut:torghut-prober"),
                f.commands());
    }
}
