package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Procedure A, unreachable dependencies, one finding per dependency: Torghut cannot reach Postgres or ClickHouse (its
 * connection errors, its /trading/health) while the prober reaches it (its own fresh probe, CNPG's writable primary):
 * the path between Torghut and the dependency is at fault, the address in Torghut's env or a NetworkPolicy. Where the
 * prober confirms the dependency is down, Torghut's errors are the evidence of that dependency's own finding
 * ({@link PostgresFindings}, {@link ClickHouseFindings}) and there is no finding here. Pure.
 */
public final class DependencyFindings {
    private DependencyFindings() {
    }

    public static List<Finding> unreachable(Optional<KnativeObservation> obs, Optional<CnpgObservation> cnpg, FindingContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (String dep : DependencyReach.DEPENDENCIES) {
            path(dep, obs, cnpg, ctx).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> path(String dep, Optional<KnativeObservation> obs, Optional<CnpgObservation> cnpg, FindingContext ctx) {
        RunbookNames n = ctx.names();
        LogHits hits = obs.map(o -> LogHits.of(o, n.container()).unreachable(dep)).orElse(new LogHits(List.of()));
        boolean torghutSays = ctx.torghutReports(dep);
        DependencyReach.Reach reach = DependencyReach.of(dep, cnpg, ctx);
        // Down for the prober too: the dependency's own finding. Only Torghut's word with nothing of the prober's own
        // to weigh it against: the dependency's finding states Torghut's claim.
        if (reach == DependencyReach.Reach.DOWN || (hits.isEmpty() && (!torghutSays || reach == DependencyReach.Reach.UNKNOWN))) {
            return Optional.empty();
        }
        boolean reached = reach == DependencyReach.Reach.REACHED;
        List<String> evidence = new ArrayList<>(hits.evidence());
        List<String> sources = new ArrayList<>();
        if (torghutSays) {
            evidence.add("Torghut's /trading/health reports dependencies not ok: " + String.join(", ", ctx.torghutFailingDependencies()));
            sources.add("its /trading/health reports " + dep + " not ok");
        }
        if (!hits.isEmpty()) {
            sources.add("connection errors in revision " + hits.failingRevision() + " logs");
        }
        evidence.addAll(DependencyReach.own(dep, cnpg, ctx));
        String variable = EnvEvidence.variable(dep);
        Optional<EnvEvidence.Source> env = obs.flatMap(o -> hits.isEmpty() ? EnvEvidence.newest(o) : EnvEvidence.of(o, hits.failingRevision()));
        env.ifPresent(s -> evidence.add(EnvEvidence.describe(s, variable, n.container())));
        List<String> commands = new ArrayList<>();
        commands.add("postgres".equals(dep) ? n.kubectl("get cluster.postgresql.cnpg.io " + n.cluster())
                : n.kubectl("get svc,endpoints " + obs.map(o -> ClickHouseFindings.serviceName(o, n)).orElse("torghut-clickhouse")));
        if (!hits.isEmpty()) {
            commands.add(n.kubectl("logs " + hits.first().pod().name() + " -c " + n.container()
                    + (hits.first().log().previous() ? " --previous" : "") + " --tail=200"));
        }
        if (reached) {
            commands.add(n.kubectl("get networkpolicy"));
        }
        List<String> advice = List.of(reached
                ? "The prober reaches " + dep + " but Torghut does not: check the address Torghut uses ("
                        + ("postgres".equals(dep) ? "DB_DSN host" : "TA_CLICKHOUSE_URL") + ") and NetworkPolicies."
                : "The prober has no fresh view of " + dep + " to compare with: procedure C, confirm " + dep + " is up, then the address "
                        + "Torghut uses (" + variable + ").");
        List<Subject> about = new ArrayList<>(List.of(Subject.dependency(dep)));
        about.addAll(hits.crashingRevisions());
        List<String> resources = hits.isEmpty() ? List.of(n.service()) : hits.resources();
        return Optional.of(new Finding(FindingIds.DEPENDENCY_UNREACHABLE, "A",
                torghutSays || hits.anyCrashing() ? Severity.CRITICAL : Severity.WARNING,
                "Torghut cannot reach " + dep + " (" + String.join("; ", sources) + ")",
                evidence, resources, commands, List.of(), advice, about));
    }
}
