package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static io.torghut.prober.testsupport.K8sFixtures.cnpg;
import static io.torghut.prober.testsupport.K8sFixtures.healthyVerdict;
import static io.torghut.prober.testsupport.K8sFixtures.knative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.testsupport.K8sFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The four situations of issue 22 that sent oncall the wrong way, each checked against what the runbook says to do: the
 * headline is the cause, no CRITICAL claim the prober's own fresh view contradicts, a configuration error is not an
 * image rollback, a pod that never started has no log to read, a lost replica is not a failover.
 */
class HeadlineIsTheCauseTest {
    static final String P41 = RunbookFindingsTest.P41;

    static List<Finding> evaluate(KnativeObservation knative, CnpgObservation db, Verdict verdict) {
        return RunbookFindings.evaluate(Optional.ofNullable(knative), Optional.ofNullable(db),
                new FindingContext(verdict, NOW, Duration.ofMinutes(3), RunbookNames.defaults()));
    }

    static Stream<String> text(Finding f) {
        return Stream.of(Stream.of(f.summary()), f.evidence().stream(), f.commands().stream(), f.advice().stream(),
                f.gitops().stream().flatMap(g -> Stream.of(g.line(), g.change()))).flatMap(s -> s);
    }

    @Test
    void torghutSayingClickHouseIsDownWhileTheProberReachesItIsThePathNotClickHouse() {
        List<Finding> findings = evaluate(knative("healthy.yaml", Map.of(P41, "clickhouse-refused.log")), cnpg("healthy.yaml"),
                RunbookFindingsTest.torghutSaysClickHouseIsDown());
        Finding headline = FindingRank.headline(findings).orElseThrow();
        assertEquals(FindingIds.DEPENDENCY_UNREACHABLE, headline.id());
        assertEquals(Severity.CRITICAL, headline.severity(), "Torghut's own health check fails on it: trading is affected");
        assertEquals("Torghut cannot reach clickhouse (its /trading/health reports clickhouse not ok; connection errors in revision "
                + "torghut-00041 logs)", headline.summary());
        assertTrue(headline.evidence().contains("the prober's own clickhouse probe succeeds (none: clickhouse ok)"), headline.evidence().toString());
        assertTrue(headline.evidence().contains("env TA_CLICKHOUSE_URL of revision torghut-00041 (spec, container user-container): "
                + "host torghut-clickhouse.torghut.svc.cluster.local, port 8123, scheme http"), headline.evidence().toString());
        assertTrue(headline.advice().get(0).contains("check the address Torghut uses (TA_CLICKHOUSE_URL) and NetworkPolicies"));
        assertTrue(findings.stream().noneMatch(f -> f.id().equals(FindingIds.CLICKHOUSE_UNREACHABLE)),
                "no 'ClickHouse is unreachable' against the prober's own successful probe: " + findings);
    }

    @Test
    void aCrashOnADsnPointingAtTheReadOnlyServiceIsThatConfigurationNeverAnImageRollback() {
        List<Finding> findings = evaluate(RunbookFindingsTest.configError(), cnpg("healthy.yaml"), healthyVerdict());
        Finding headline = FindingRank.headline(findings).orElseThrow();
        assertEquals(FindingIds.POSTGRES_MISCONFIGURED, headline.id());
        assertTrue(headline.summary().startsWith("DB_DSN of ksvc torghut template points at torghut-db-ro.torghut.svc.cluster.local, "
                + "CNPG's read-only service"), headline.summary());
        assertTrue(headline.summary().endsWith("writes need torghut-db-rw"), headline.summary());
        assertTrue(headline.evidence().stream().anyMatch(e -> e.contains("(previous instance) of revision torghut-00042: postgres-read-only")
                && e.contains("cannot execute CREATE INDEX in a read-only transaction")), headline.evidence().toString());
        assertTrue(headline.evidence().stream().anyMatch(e -> e.startsWith("pod torghut-00042-deployment-7d9e8f6a5-r8t2w/user-container: "
                + "not running")), "the crash is its evidence: " + headline.evidence());
        GitOpsStep step = headline.gitops().get(0);
        assertEquals(RunbookNames.MANIFEST, step.file());
        assertTrue(step.line().startsWith("- name: DB_DSN") && step.change().contains("torghut-db-rw.torghut.svc.cluster.local"), step.toString());
        assertTrue(findings.stream().flatMap(f -> f.gitops().stream()).noneMatch(g -> g.line().startsWith("image:")),
                "no image rollback: the image is the serving revision's own: " + findings);
        assertTrue(findings.stream().noneMatch(f -> f.id().equals(FindingIds.STARTUP_CRASH)), findings.toString());
        assertTrue(findings.stream().flatMap(HeadlineIsTheCauseTest::text).noneMatch(t -> t.contains(K8sFixtures.CONFIG_ERROR_PASSWORD)
                || t.contains("://torghut:")), "no password, no user");
    }

    @Test
    void aRolloutStuckOnAnUnschedulablePodNamesTheSchedulerAndNeverSendsOncallToTheLogs() {
        List<Finding> findings = evaluate(knative("stuck-rollout.yaml", Map.of(P41, "healthy.log")), cnpg("healthy.yaml"), healthyVerdict());
        Finding headline = FindingRank.headline(findings).orElseThrow();
        assertEquals(FindingIds.PODS_NOT_STARTED, headline.id());
        assertEquals(Severity.WARNING, headline.severity(), "torghut-00041 still serves");
        assertTrue(headline.summary().startsWith("pods of torghut-00042 cannot be scheduled: 0/3 nodes are available: 3 Insufficient cpu."),
                headline.summary());
        assertTrue(headline.evidence().contains("pod torghut-00042-deployment-6b7c8d9e4-k3m5n (status.conditions): PodScheduled=False "
                + "reason=Unschedulable message=\"0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: "
                + "3 No preemption victims found for incoming pod.\""), headline.evidence().toString());
        assertTrue(headline.evidence().stream().anyMatch(e -> e.startsWith("event Warning FailedScheduling on Pod "
                + "torghut-00042-deployment-6b7c8d9e4-k3m5n (x5, last 2026-11-27T22:59:40Z, default-scheduler)")), headline.evidence().toString());
        assertTrue(headline.commands().contains("kubectl -n torghut describe pod torghut-00042-deployment-6b7c8d9e4-k3m5n"));
        assertTrue(findings.stream().flatMap(f -> f.commands().stream()).noneMatch(c -> c.contains(" logs ")), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.id().equals(FindingIds.REVISION_NOT_READY)), "folded into its cause: " + findings);
    }

    @Test
    void aLostReplicaWithAHealthyPrimaryIsDegradedAndNeverSpeaksOfAFailover() {
        List<Finding> findings = evaluate(knative("healthy.yaml", Map.of(P41, "healthy.log")), cnpg("cnpg-replica-lost.yaml"), healthyVerdict());
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("Postgres cluster torghut-db lost replica torghut-db-3; the primary torghut-db-1 serves reads and writes", f.summary());
        assertTrue(f.commands().contains("kubectl -n torghut describe pod torghut-db-3"), f.commands().toString());
        text(f).forEach(t -> assertFalse(t.toLowerCase(Locale.ROOT).contains("failover") || t.toLowerCase(Locale.ROOT).contains("switchover")
                || t.toLowerCase(Locale.ROOT).contains("failing over"), t));
    }

    /** Every command of the four situations works as printed under other configured names: namespace and service. */
    @Test
    void theCommandsFollowTheConfiguredNames() {
        RunbookNames other = RunbookNames.of("trading-b", "torghut-b", "torghut-db", "user-container");
        List<List<Finding>> situations = Stream.of(
                new Object[] {knative("healthy.yaml", Map.of(P41, "clickhouse-refused.log")), RunbookFindingsTest.torghutSaysClickHouseIsDown()},
                new Object[] {RunbookFindingsTest.configError(), healthyVerdict()},
                new Object[] {knative("stuck-rollout.yaml", Map.of(P41, "healthy.log")), healthyVerdict()},
                new Object[] {knative("healthy.yaml", Map.of(P41, "healthy.log")), healthyVerdict()})
                .map(a -> RunbookFindings.evaluate(Optional.of((KnativeObservation) a[0]), Optional.of(cnpg("cnpg-replica-lost.yaml")),
                        new FindingContext((Verdict) a[1], NOW, Duration.ofMinutes(3), other)))
                .toList();
        for (List<Finding> findings : situations) {
            assertFalse(findings.isEmpty());
            findings.stream().flatMap(f -> f.commands().stream()).forEach(c -> assertTrue(c.startsWith("kubectl -n trading-b ")
                    || c.equals("argocd app sync torghut-b"), c));
        }
    }
}
