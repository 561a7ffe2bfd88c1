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
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per runbook scenario: what was read, the prober's own signals, and exactly which findings result. */
class RunbookFindingsTest {
    static final String P41 = "torghut-00041-deployment-7c9f8d6b5-abcde";
    static final String P42 = "torghut-00042-deployment-5d8f7b9c6-x2k4p";
    static final String P42_CONFIG = "torghut-00042-deployment-7d9e8f6a5-r8t2w";

    static Verdict pauseBecause(String reason, Map<String, Health> dependencies) {
        return verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of(reason),
                dependencies.entrySet().stream().map(e -> e.getValue() == Health.GOOD ? good(e.getKey(), SignalRole.DEPENDENCY)
                        : signal(e.getKey(), SignalRole.DEPENDENCY, e.getValue(), FailureReason.CONNECT, "Connection refused"))
                        .toArray(io.torghut.prober.feature.signal.SignalState[]::new));
    }

    static KnativeObservation crash(String previousLog) {
        return knative("uuid-crash.yaml", Map.of(P42 + "/previous", previousLog, P42, "uuid-crash-current.log", P41, "healthy.log"));
    }

    static KnativeObservation configError() {
        return knative("config-error.yaml", Map.of(P42_CONFIG + "/previous", "read-only-migration.log", P42_CONFIG, "uuid-crash-current.log",
                P41, "healthy.log"));
    }

    /** Torghut's /trading/health says ClickHouse is not ok (trading on: pause recommended); the prober's own probes succeed. */
    static Verdict torghutSaysClickHouseIsDown() {
        io.torghut.prober.feature.signal.SignalState health = io.torghut.prober.feature.verdict.Signals.bad("trading-health", SignalRole.TRADING,
                FailureReason.HTTP_5XX, "503 Service Unavailable", 3, Map.of("failing_dependencies", "clickhouse"));
        return verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of("trading-health down - http_5xx"), good("healthz", SignalRole.SERVICE),
                health, good("clickhouse", SignalRole.DEPENDENCY), good("postgres", SignalRole.DEPENDENCY), good("cnpg", SignalRole.DEPENDENCY));
    }

    static Stream<Arguments> scenarios() {
        KnativeObservation healthy = knative("healthy.yaml", Map.of(P41, "healthy.log"));
        CnpgObservation healthyDb = cnpg("healthy.yaml");
        KnativeObservation forbidden = new KnativeObservation(NOW, Optional.empty(), List.of(), List.of(), List.of(),
                List.of(new AccessProblem(AccessProblem.Kind.FORBIDDEN, "get", "services.serving.knative.dev", "torghut", "torghut", "HTTP 403")));
        return Stream.of(
                Arguments.of("healthy cluster, healthy signals: no findings at all (a traceback of a failed request is not a crash)",
                        healthy, healthyDb, healthyVerdict(), List.of()),
                Arguments.of("crashlooping revision with the UUID traceback in its previous log",
                        crash("uuid-crash-previous.log"), healthyDb, healthyVerdict(),
                        List.of("CRITICAL B uuid-json-serialization")),
                Arguments.of("psycopg cannot adapt UUID while serving (no crash): procedure B as a warning",
                        knative("healthy.yaml", Map.of(P41, "psycopg-adapt.log")), healthyDb, healthyVerdict(),
                        List.of("WARNING B uuid-json-serialization")),
                Arguments.of("import error on startup", crash("module-not-found.log"), healthyDb, healthyVerdict(),
                        List.of("CRITICAL A startup-crash")),
                Arguments.of("alembic migration failure on startup", crash("alembic-failed.log"), healthyDb, healthyVerdict(),
                        List.of("CRITICAL A startup-crash")),
                Arguments.of("pod stuck on the missing torghut-db-app secret",
                        knative("missing-secret.yaml", Map.of(P41, "healthy.log")), healthyDb, healthyVerdict(),
                        List.of("CRITICAL A missing-secret")),
                Arguments.of("Postgres refused in the crashing revision's log and for the prober too",
                        crash("postgres-refused.log"), healthyDb,
                        pauseBecause("postgres down", Map.of("postgres", Health.BAD, "clickhouse", Health.GOOD)),
                        List.of("CRITICAL - trading-still-enabled-on-bad-data", "CRITICAL C postgres-unhealthy")),
                Arguments.of("ClickHouse refused in a serving pod's log while the prober reaches it",
                        knative("healthy.yaml", Map.of(P41, "clickhouse-refused.log")), healthyDb, healthyVerdict(),
                        List.of("WARNING A dependency-unreachable")),
                Arguments.of("CNPG failing over: no writable primary, and the live revision still trades",
                        healthy, cnpg("cnpg-failover.yaml"), verdict(VerdictLevel.PAUSE_RECOMMENDED, List.of("cnpg down - not_primary"),
                                good("postgres", SignalRole.DEPENDENCY), good("clickhouse", SignalRole.DEPENDENCY)),
                        List.of("CRITICAL - trading-still-enabled-on-bad-data", "CRITICAL C postgres-unhealthy")),
                Arguments.of("CNPG with one replica not ready: degraded only",
                        healthy, cnpg("cnpg-replica-down.yaml"), healthyVerdict(), List.of("WARNING C postgres-unhealthy")),
                Arguments.of("only the legacy CLICKHOUSE_HOST is set",
                        knative("clickhouse-legacy.yaml", Map.of(P41, "healthy.log")), healthyDb, healthyVerdict(),
                        List.of("CRITICAL C clickhouse-misconfigured")),
                Arguments.of("the prober cannot reach ClickHouse",
                        healthy, healthyDb, pauseBecause("clickhouse down", Map.of("clickhouse", Health.BAD, "postgres", Health.GOOD)),
                        List.of("CRITICAL - trading-still-enabled-on-bad-data", "CRITICAL C clickhouse-unreachable")),
                Arguments.of("RBAC forbids reading the Knative service",
                        forbidden, healthyDb, healthyVerdict(), List.of("WARNING - kubernetes-access")),
                Arguments.of("CNPG not installed (404)", healthy,
                        new CnpgObservation(NOW, Optional.empty(), List.of(new AccessProblem(AccessProblem.Kind.NOT_FOUND, "list",
                                "clusters.postgresql.cnpg.io", "", "torghut", "HTTP 404"))), healthyVerdict(),
                        List.of("WARNING - kubernetes-access")),
                Arguments.of("the prober has no DB_DSN: its own configuration, not a Postgres finding", healthy, healthyDb,
                        verdict(VerdictLevel.DEGRADED, List.of("postgres down - config"), signal("postgres", SignalRole.DEPENDENCY,
                                Health.BAD, FailureReason.CONFIG, "DB_DSN is not set (prober.postgres.dsn)")), List.of()),
                Arguments.of("nothing read yet", null, null, healthyVerdict(), List.of()),
                // Issue 22, written from the runbook: the headline is the cause, never contradicted by the prober's own view.
                Arguments.of("ClickHouse down per Torghut (its /trading/health, its log) while the prober's own probe reaches it: the path",
                        knative("healthy.yaml", Map.of(P41, "clickhouse-refused.log")), healthyDb, torghutSaysClickHouseIsDown(),
                        List.of("CRITICAL - trading-still-enabled-on-bad-data", "CRITICAL A dependency-unreachable")),
                Arguments.of("a new revision crashes on a literal DB_DSN that points at CNPG's read-only service: configuration, not the image",
                        configError(), healthyDb, healthyVerdict(), List.of("CRITICAL C postgres-misconfigured")),
                Arguments.of("a rollout stuck past the grace: the new revision's pod cannot be scheduled",
                        knative("stuck-rollout.yaml", Map.of(P41, "healthy.log")), healthyDb, healthyVerdict(),
                        List.of("WARNING A pods-not-started")),
                Arguments.of("one CNPG replica lost while the primary serves: degraded, no failover, no pause",
                        healthy, cnpg("cnpg-replica-lost.yaml"), healthyVerdict(), List.of("WARNING C postgres-unhealthy")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void findsExactlyTheRunbookFindings(String scenario, KnativeObservation knative, CnpgObservation db, Verdict verdict,
                                        List<String> expected) {
        List<Finding> findings = RunbookFindings.evaluate(Optional.ofNullable(knative), Optional.ofNullable(db),
                new FindingContext(verdict, NOW, Duration.ofMinutes(3), RunbookNames.defaults()));
        assertEquals(expected, findings.stream().map(f -> f.severity() + " " + f.procedure() + " " + f.id()).toList());
        for (Finding f : findings) {
            assertTrue(!f.evidence().isEmpty() && !f.commands().isEmpty(), f.id() + " has evidence and commands");
            f.commands().forEach(c -> assertTrue(c.startsWith("kubectl ") || c.startsWith("argocd app sync "), c));
            f.commands().stream().filter(c -> c.startsWith("kubectl -n")).forEach(c -> assertTrue(c.startsWith("kubectl -n torghut "), c));
            assertTrue(FindingIds.all().containsKey(f.id()) && FindingIds.all().get(f.id()).equals(f.procedure()), f.id());
        }
        nothingPrintedTwice(findings);
    }

    /** No command, GitOps step or advice line appears under two findings: oncall reads each once, where it first matters. */
    static void nothingPrintedTwice(List<Finding> findings) {
        for (java.util.function.Function<Finding, List<?>> part : List.<java.util.function.Function<Finding, List<?>>>of(
                Finding::commands, Finding::gitops, Finding::advice)) {
            List<?> all = findings.stream().flatMap(f -> part.apply(f).stream()).toList();
            assertEquals(all.stream().distinct().toList(), all, "printed twice in " + findings);
        }
    }
}
