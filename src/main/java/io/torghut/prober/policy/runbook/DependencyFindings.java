package io.torghut.prober.policy.runbook;

import io.torghut.prober.model.KnativeObservation;
import io.torghut.prober.model.LogSignature;
import io.torghut.prober.signal.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Procedure A, unreachable dependencies: connection errors in Torghut's logs, cross-checked with the prober's own
 * probes of the same dependency (down for both: the dependency is down; fine for the prober: Torghut's own config or
 * network is wrong). Pure.
 */
public final class DependencyFindings {
    private DependencyFindings() {
    }

    public static Optional<Finding> unreachable(KnativeObservation obs, FindingContext ctx) {
        RunbookNames n = ctx.names();
        LogHits hits = LogHits.of(obs, n.container()).finding(LogSignature.DEPENDENCY_UNREACHABLE);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>(hits.evidence());
        List<String> commands = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        boolean confirmed = false;
        List<String> deps = hits.hits().stream().map(l -> l.hit().dependency().orElse("")).filter(d -> !d.isEmpty())
                .distinct().sorted().toList();
        for (String dep : deps) {
            Health own = ctx.dependencyHealth(dep);
            String detail = ctx.detail(dep);
            switch (own) {
                case BAD -> {
                    confirmed = true;
                    evidence.add("the prober's own " + dep + " probe fails too (" + detail + "): " + dep + " itself is down");
                    advice.add(dep + " is down for everyone, not only for Torghut: procedure C, finding "
                            + ("postgres".equals(dep) ? FindingIds.POSTGRES_UNHEALTHY : FindingIds.CLICKHOUSE_UNREACHABLE) + ".");
                }
                case GOOD -> {
                    evidence.add("the prober's own " + dep + " probe succeeds (" + detail + ")");
                    advice.add("The prober reaches " + dep + " but Torghut does not: check the address Torghut uses ("
                            + ("postgres".equals(dep) ? "DB_DSN host" : "TA_CLICKHOUSE_URL") + ") and NetworkPolicies.");
                }
                case UNKNOWN -> evidence.add("the prober's own " + dep + " probe has no usable result"
                        + (detail.isEmpty() ? "" : " (" + detail + ")") + ": not cross-checked");
            }
            commands.add("postgres".equals(dep) ? n.kubectl("get cluster.postgresql.cnpg.io " + n.cluster())
                    : n.kubectl("get svc,endpoints " + ClickHouseFindings.serviceName(obs, n)));
        }
        commands.add(n.kubectl("logs " + hits.first().pod().name() + " -c " + n.container()
                + (hits.first().log().previous() ? " --previous" : "") + " --tail=200"));
        return Optional.of(new Finding(FindingIds.DEPENDENCY_UNREACHABLE, "A",
                confirmed || hits.anyCrashing() ? Severity.CRITICAL : Severity.WARNING,
                "Torghut cannot reach " + String.join(" and ", deps) + " (connection errors in revision "
                        + hits.failingRevision() + " logs)",
                evidence, hits.resources(), commands, List.of(), advice));
    }
}
