package io.torghut.prober.policy.runbook;

import static io.torghut.prober.k8s.K8sFixtures.NOW;
import static io.torghut.prober.k8s.K8sFixtures.good;
import static io.torghut.prober.k8s.K8sFixtures.signal;
import static io.torghut.prober.k8s.K8sFixtures.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.core.FailureReason;
import io.torghut.prober.model.CnpgObservation;
import io.torghut.prober.model.Condition;
import io.torghut.prober.policy.VerdictLevel;
import io.torghut.prober.probe.SignalRole;
import io.torghut.prober.signal.Health;
import io.torghut.prober.signal.SignalState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Procedure C for Postgres: how a CNPG cluster status is judged (only "no writable primary" is worth a pause; a replica
 * down is a warning), and what the finding tells oncall, joined with the prober's own Postgres probe.
 */
class PostgresFindingsTest {
    static final String HEALTHY = CnpgHealth.HEALTHY_PHASE;
    static final Condition READY = new Condition("Ready", "True", "", "");

    static CnpgObservation.Cluster cluster(String phase, int instances, int ready, String current, String target, Condition... conditions) {
        return new CnpgObservation.Cluster("torghut-db", phase, "", instances, ready, current, target, List.of(conditions));
    }

    /** One row per cluster status: the level and the first reason oncall reads. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "healthy 3/3                   |Cluster in healthy state|3|3|db-1|db-1|HEALTHY|",
        "no target primary reported    |Cluster in healthy state|3|3|db-1|    |HEALTHY|",
        "no current primary            |Cluster in healthy state|3|3|    |db-1|NO_PRIMARY|no current primary (status.currentPrimary is empty)",
        "primary changing              |Cluster in healthy state|3|3|db-1|db-2|NO_PRIMARY|primary is changing: currentPrimary db-1, targetPrimary db-2 (failover or switchover in progress)",
        "failing over                  |Failing over            |3|2|db-1|db-1|NO_PRIMARY|phase \"Failing over\"",
        "switchover                    |Switchover in progress  |3|3|db-1|db-1|NO_PRIMARY|phase \"Switchover in progress\"",
        "nothing ready                 |Cluster in healthy state|3|0|db-1|db-1|NO_PRIMARY|0 of 3 instances ready",
        "one replica down              |Cluster in healthy state|3|2|db-1|db-1|DEGRADED|2 of 3 instances ready",
        "another phase                 |Upgrading cluster       |3|3|db-1|db-1|DEGRADED|phase \"Upgrading cluster\" (healthy is \"Cluster in healthy state\")",
        "no instances declared         |Cluster in healthy state|0|0|db-1|db-1|HEALTHY|",
    })
    void judgesTheClusterStatus(String scenario, String phase, int instances, int ready, String current, String target,
                                CnpgHealth.Level level, String firstReason) {
        CnpgHealth.Judgement judgement = CnpgHealth.judge(cluster(phase, instances, ready, current == null ? "" : current,
                target == null ? "" : target, READY));
        assertEquals(level, judgement.level(), scenario + ": " + judgement.reasons());
        assertEquals(firstReason == null ? List.of() : List.of(firstReason), judgement.reasons().stream().limit(1).toList(), scenario);
    }

    @Test
    void aReadyConditionThatIsNotTrueDegradesAndAPrimaryProblemComesFirst() {
        Condition notReady = new Condition("Ready", "False", "ReplicaNotReady", "1 replica lagging");
        CnpgHealth.Judgement degraded = CnpgHealth.judge(cluster(HEALTHY, 3, 3, "db-1", "db-1", notReady));
        assertEquals(CnpgHealth.Level.DEGRADED, degraded.level());
        assertEquals(List.of("condition Ready=False reason=ReplicaNotReady message=\"1 replica lagging\""), degraded.reasons());

        CnpgHealth.Judgement both = CnpgHealth.judge(new CnpgObservation.Cluster("torghut-db", "Failing over", "primary pod deleted", 3, 2,
                "db-1", "db-2", List.of(notReady)));
        assertEquals(CnpgHealth.Level.NO_PRIMARY, both.level());
        assertEquals(List.of("primary is changing: currentPrimary db-1, targetPrimary db-2 (failover or switchover in progress)",
                "phase \"Failing over\": primary pod deleted", "2 of 3 instances ready",
                "condition Ready=False reason=ReplicaNotReady message=\"1 replica lagging\""), both.reasons(),
                "the no-primary reasons, then the degraded ones");
    }

    static FindingContext context(SignalState postgres) {
        return new FindingContext(verdict(VerdictLevel.HEALTHY, List.of(), postgres), NOW, Duration.ofMinutes(3), RunbookNames.defaults());
    }

    static Optional<Finding> find(CnpgObservation.Cluster cluster, SignalState postgres) {
        return PostgresFindings.unhealthy(Optional.of(new CnpgObservation(NOW, Optional.ofNullable(cluster), List.of())), context(postgres));
    }

    static final SignalState PROBE_OK = good("postgres", SignalRole.DEPENDENCY);
    static final SignalState PROBE_DOWN = signal("postgres", SignalRole.DEPENDENCY, Health.BAD, FailureReason.CONNECT, "Connection refused");
    static final SignalState PROBE_UNCONFIGURED = signal("postgres", SignalRole.DEPENDENCY, Health.BAD, FailureReason.CONFIG,
            "DB_DSN is not set");

    @Test
    void aHealthyClusterAndAWorkingProbeIsNoFinding() {
        assertEquals(Optional.empty(), find(cluster(HEALTHY, 3, 3, "db-1", "db-1", READY), PROBE_OK));
        assertEquals(Optional.empty(), find(null, PROBE_OK), "nothing read and the probe works: nothing to say");
        assertEquals(Optional.empty(), find(cluster(HEALTHY, 3, 3, "db-1", "db-1", READY), PROBE_UNCONFIGURED),
                "the prober's own missing DSN is not a Postgres problem");
    }

    @Test
    void aReplicaDownIsAWarningThatSaysThePrimaryServes() {
        Finding f = find(cluster(HEALTHY, 3, 2, "db-1", "db-1", READY), PROBE_OK).orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("Postgres cluster torghut-db is degraded; the primary serves", f.summary());
        assertEquals(List.of("cluster torghut-db: phase \"Cluster in healthy state\", 2/3 instances ready, currentPrimary db-1, targetPrimary db-1",
                "cluster torghut-db: 2 of 3 instances ready", "the prober's own postgres probe: GOOD (none: postgres ok)"), f.evidence());
        assertEquals(1, f.advice().size(), "no pause advice for a warning: " + f.advice());
        assertTrue(f.advice().get(0).startsWith("Let CNPG finish the failover; do not edit the cluster by hand."), f.advice().toString());
    }

    @Test
    void aDegradedClusterThePoberCannotUseIsCritical() {
        Finding f = find(cluster(HEALTHY, 3, 2, "db-1", "db-1", READY), PROBE_DOWN).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("Postgres cluster torghut-db is degraded and the prober cannot use it", f.summary());
        assertTrue(f.advice().get(0).startsWith("Let CNPG finish the failover"), f.advice().toString());
        assertEquals("the prober's own postgres probe: BAD (connect: Connection refused)", f.evidence().get(f.evidence().size() - 1));
    }

    @Test
    void noWritablePrimaryIsCriticalAndLeavesThePauseToThePauseFinding() {
        Finding f = find(cluster("Failing over", 3, 2, "", "db-2", READY), PROBE_OK).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("C", f.procedure());
        assertEquals("Postgres cluster torghut-db has no writable primary (failover or switchover in progress)", f.summary());
        assertTrue(f.evidence().get(0).contains("currentPrimary (none), targetPrimary db-2"), f.evidence().toString());
        // "pause trading first" is the pause finding's advice (pause-recommended or trading-still-enabled), said once
        assertEquals(List.of("Let CNPG finish the failover; do not edit the cluster by hand. Its definition is "
                + "argocd/applications/torghut/postgres-cluster.yaml."), f.advice());
    }

    @Test
    void cnpgHealthyButTheProbeFailingPointsAtTheDsnAndTheNetwork() {
        Finding f = find(cluster(HEALTHY, 3, 3, "db-1", "db-1", READY), PROBE_DOWN).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("the prober cannot use Postgres although CNPG reports torghut-db healthy", f.summary());
        assertEquals("CNPG is healthy: check DB_DSN (host, credentials) and the network path from the prober.",
                f.advice().get(f.advice().size() - 1));
    }

    @Test
    void anUnreadClusterIsSaidSoAndNotCalledHealthy() {
        Finding f = find(null, PROBE_DOWN).orElseThrow();
        assertEquals(List.of("CNPG cluster torghut-db status not read", "the prober's own postgres probe: BAD (connect: Connection refused)"),
                f.evidence());
        assertEquals("the prober cannot use Postgres", f.summary());
        assertEquals(List.of("Check the CNPG cluster torghut-db (defined in argocd/applications/torghut/postgres-cluster.yaml), "
                + "then DB_DSN (host, credentials)."), f.advice());
    }

    /** Torghut's own /trading/health naming Postgres is the same problem, seen by Torghut: evidence, not a second finding. */
    @Test
    void torghutReportingPostgresIsEvidenceOfTheSameFinding() {
        SignalState torghut = io.torghut.prober.policy.Signals.bad("trading-health", SignalRole.TRADING, FailureReason.HTTP_5XX, "503", 3,
                java.util.Map.of("failing_dependencies", "postgres"));
        FindingContext ctx = new FindingContext(verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of(), PROBE_OK, torghut), NOW,
                Duration.ofMinutes(3), RunbookNames.defaults());
        Finding f = PostgresFindings.unhealthy(Optional.of(new CnpgObservation(NOW, Optional.of(cluster(HEALTHY, 3, 3, "db-1", "db-1", READY)),
                List.of())), ctx).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("Torghut reports Postgres not ok although CNPG reports torghut-db healthy", f.summary());
        assertEquals("Torghut's /trading/health reports dependencies not ok: postgres", f.evidence().get(f.evidence().size() - 1));
        assertEquals(List.of("CNPG is healthy: check DB_DSN (host, credentials) and the network path from Torghut."), f.advice());
    }
}
