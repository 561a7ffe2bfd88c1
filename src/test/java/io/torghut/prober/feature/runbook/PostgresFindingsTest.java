package io.torghut.prober.feature.runbook;

import static io.torghut.prober.testsupport.K8sFixtures.NOW;
import static io.torghut.prober.testsupport.K8sFixtures.good;
import static io.torghut.prober.testsupport.K8sFixtures.signal;
import static io.torghut.prober.testsupport.K8sFixtures.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.Condition;
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

    /** One row per cluster status: the level, the first reason oncall reads, and the state in CNPG's words. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "healthy 3/3                   |Cluster in healthy state|3|3|db-1|db-1|HEALTHY||HEALTHY",
        "no target primary reported    |Cluster in healthy state|3|3|db-1|    |HEALTHY||HEALTHY",
        "no current primary            |Cluster in healthy state|3|3|    |db-1|NO_PRIMARY|no current primary (status.currentPrimary is empty)|NO_PRIMARY",
        "primary changing              |Cluster in healthy state|3|3|db-1|db-2|NO_PRIMARY|primary is changing: currentPrimary db-1, targetPrimary db-2 (failover or switchover in progress)|PRIMARY_CHANGING",
        "failing over                  |Failing over            |3|2|db-1|db-1|NO_PRIMARY|phase \"Failing over\"|FAILOVER",
        "switchover                    |Switchover in progress  |3|3|db-1|db-1|NO_PRIMARY|phase \"Switchover in progress\"|SWITCHOVER",
        "nothing ready                 |Cluster in healthy state|3|0|db-1|db-1|NO_PRIMARY|0 of 3 instances ready|NO_PRIMARY",
        "one replica down              |Cluster in healthy state|3|2|db-1|db-1|DEGRADED|2 of 3 instances ready|REPLICA_LOST",
        "another phase                 |Upgrading cluster       |3|3|db-1|db-1|DEGRADED|phase \"Upgrading cluster\" (healthy is \"Cluster in healthy state\")|DEGRADED",
        "no instances declared         |Cluster in healthy state|0|0|db-1|db-1|HEALTHY||HEALTHY",
    })
    void judgesTheClusterStatus(String scenario, String phase, int instances, int ready, String current, String target,
                                CnpgHealth.Level level, String firstReason, CnpgHealth.State state) {
        CnpgHealth.Judgement judgement = CnpgHealth.judge(cluster(phase, instances, ready, current == null ? "" : current,
                target == null ? "" : target, READY));
        assertEquals(level, judgement.level(), scenario + ": " + judgement.reasons());
        assertEquals(firstReason == null ? List.of() : List.of(firstReason), judgement.reasons().stream().limit(1).toList(), scenario);
        assertEquals(state, judgement.state(), scenario);
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

    /** Issue 22: a replica lost while the primary serves is degraded, in CNPG's words, and never spoken of as a failover. */
    @Test
    void aReplicaDownIsAWarningThatSaysThePrimaryServes() {
        Finding f = find(cluster(HEALTHY, 3, 2, "db-1", "db-1", READY), PROBE_OK).orElseThrow();
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("Postgres cluster torghut-db lost 1 of 3 instances; the primary db-1 serves reads and writes", f.summary());
        assertEquals(List.of("cluster torghut-db: phase \"Cluster in healthy state\", 2/3 instances ready, currentPrimary db-1, targetPrimary db-1",
                "cluster torghut-db: 2 of 3 instances ready", "the prober's own postgres probe: GOOD (none: postgres ok)"), f.evidence());
        assertEquals(1, f.advice().size(), "no pause advice for a warning: " + f.advice());
        assertTrue(f.advice().get(0).startsWith("The primary db-1 is healthy and serves reads and writes: Torghut is not affected and no "
                + "pause is needed."), f.advice().toString());
        assertFalse(String.join(" ", f.summary(), String.join(" ", f.advice())).toLowerCase(java.util.Locale.ROOT).contains("failover"));
    }

    @Test
    void theLostReplicaIsNamedFromInstancesStatus() {
        CnpgObservation.Cluster lost = new CnpgObservation.Cluster("torghut-db", "Waiting for the instances to become active", "", 3, 2,
                "db-1", "db-1", List.of(READY), java.util.Map.of("healthy", List.of("db-1", "db-2"), "failed", List.of("db-3")));
        CnpgHealth.Judgement judgement = CnpgHealth.judge(lost);
        assertEquals(CnpgHealth.State.REPLICA_LOST, judgement.state());
        assertEquals(List.of("db-3"), judgement.lost());
        Finding f = find(lost, PROBE_OK).orElseThrow();
        assertEquals("Postgres cluster torghut-db lost replica db-3; the primary db-1 serves reads and writes", f.summary());
        assertTrue(f.evidence().contains("cluster torghut-db: instance db-3 is failed (status.instancesStatus)"), f.evidence().toString());
        assertTrue(f.commands().contains("kubectl -n torghut describe pod db-3"), f.commands().toString());
    }

    /** The primary itself listed as failed is no writable primary, whatever the phase says. */
    @Test
    void aFailedPrimaryIsNoPrimary() {
        CnpgObservation.Cluster failed = new CnpgObservation.Cluster("torghut-db", HEALTHY, "", 3, 2, "db-1", "db-1", List.of(READY),
                java.util.Map.of("healthy", List.of("db-2", "db-3"), "failed", List.of("db-1")));
        assertEquals(CnpgHealth.State.NO_PRIMARY, CnpgHealth.judge(failed).state());
        Finding f = find(failed, PROBE_OK).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("Postgres cluster torghut-db has no ready primary: the primary db-1 is listed as failed (status.instancesStatus)",
                f.summary());
    }

    @Test
    void aDegradedClusterThePoberCannotUseIsCritical() {
        Finding f = find(cluster(HEALTHY, 3, 2, "db-1", "db-1", READY), PROBE_DOWN).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("Postgres cluster torghut-db lost 1 of 3 instances and the prober cannot use it", f.summary());
        assertEquals(List.of("The primary db-1 is healthy and serves reads and writes. CNPG recreates a lost replica when it can; find why it "
                + "failed (its pod, node and volume), and do not edit the cluster by hand. Its definition is "
                + "argocd/applications/torghut/postgres-cluster.yaml.",
                "CNPG reports a primary serving: check DB_DSN (host, credentials) and the network path from the prober."), f.advice());
        assertEquals("the prober's own postgres probe: BAD (connect: Connection refused)", f.evidence().get(f.evidence().size() - 1));
    }

    @Test
    void noWritablePrimaryIsCriticalAndLeavesThePauseToThePauseFinding() {
        Finding f = find(cluster("Failing over", 3, 2, "", "db-2", READY), PROBE_OK).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("C", f.procedure());
        assertEquals("Postgres cluster torghut-db is failing over to db-2: no writable primary until it ends", f.summary());
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

    /**
     * Torghut's own /trading/health naming Postgres while the prober uses Postgres and CNPG reports a writable primary: the
     * claim is contradicted by the prober's own fresh view. It is not a Postgres finding but the path between Torghut and
     * Postgres (issue 22).
     */
    @Test
    void torghutReportingPostgresWhileTheProberUsesItIsThePathNotPostgres() {
        SignalState torghut = io.torghut.prober.feature.verdict.Signals.bad("trading-health", SignalRole.TRADING, FailureReason.HTTP_5XX, "503", 3,
                java.util.Map.of("failing_dependencies", "postgres"));
        FindingContext ctx = new FindingContext(verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of(), PROBE_OK, torghut), NOW,
                Duration.ofMinutes(3), RunbookNames.defaults());
        Optional<CnpgObservation> healthy = Optional.of(new CnpgObservation(NOW, Optional.of(cluster(HEALTHY, 3, 3, "db-1", "db-1", READY)),
                List.of()));
        assertEquals(Optional.empty(), PostgresFindings.unhealthy(healthy, ctx));
        List<Finding> findings = RunbookFindings.evaluate(Optional.empty(), healthy, ctx);
        Finding path = findings.stream().filter(f -> f.id().equals(FindingIds.DEPENDENCY_UNREACHABLE)).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, path.severity());
        assertEquals("Torghut cannot reach postgres (its /trading/health reports postgres not ok)", path.summary());
        assertEquals(List.of("Torghut's /trading/health reports dependencies not ok: postgres",
                "the prober's own postgres probe succeeds (none: postgres ok)",
                "CNPG reports cluster torghut-db with a writable primary db-1 (status.phase \"Cluster in healthy state\", 3/3 ready)"),
                path.evidence());
        assertEquals(List.of("The prober reaches postgres but Torghut does not: check the address Torghut uses (DB_DSN host) and NetworkPolicies."),
                path.advice());
    }

    /** With nothing of its own to weigh it against (no probe result, CNPG not read), Torghut's word is the Postgres finding. */
    @Test
    void torghutReportingPostgresWithNothingToContradictItIsAPostgresFinding() {
        SignalState torghut = io.torghut.prober.feature.verdict.Signals.bad("trading-health", SignalRole.TRADING, FailureReason.HTTP_5XX, "503", 3,
                java.util.Map.of("failing_dependencies", "postgres"));
        FindingContext ctx = new FindingContext(verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of(), torghut), NOW, Duration.ofMinutes(3),
                RunbookNames.defaults());
        Finding f = PostgresFindings.unhealthy(Optional.empty(), ctx).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("Torghut reports Postgres not ok", f.summary());
    }

    /** A result older than the prober's fresh window contradicts nothing. */
    @Test
    void anOldSuccessOfTheProbersOwnProbeContradictsNothing() {
        SignalState torghut = io.torghut.prober.feature.verdict.Signals.bad("trading-health", SignalRole.TRADING, FailureReason.HTTP_5XX, "503", 3,
                java.util.Map.of("failing_dependencies", "postgres"));
        FindingContext late = new FindingContext(verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of(), PROBE_OK, torghut),
                NOW.plus(FindingContext.FRESH).plusSeconds(5), Duration.ofMinutes(3), RunbookNames.defaults());
        assertEquals(Severity.CRITICAL, PostgresFindings.unhealthy(Optional.empty(), late).orElseThrow().severity());
    }
}
