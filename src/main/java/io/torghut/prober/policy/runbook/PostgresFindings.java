package io.torghut.prober.policy.runbook;

import io.torghut.prober.model.CnpgObservation;
import io.torghut.prober.signal.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Procedure C, Postgres: the CNPG cluster's status joined with the prober's own Postgres probe. Pure. */
public final class PostgresFindings {
    private PostgresFindings() {
    }

    public static Optional<Finding> unhealthy(Optional<CnpgObservation> cnpg, FindingContext ctx) {
        RunbookNames n = ctx.names();
        Optional<CnpgObservation.Cluster> cluster = cnpg.flatMap(CnpgObservation::cluster);
        CnpgHealth.Judgement judgement = cluster.map(CnpgHealth::judge)
                .orElse(new CnpgHealth.Judgement(CnpgHealth.Level.HEALTHY, List.of()));
        boolean probeDown = ctx.dependencyHealth("postgres") == Health.BAD;
        if (judgement.level() == CnpgHealth.Level.HEALTHY && !probeDown) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        cluster.ifPresent(c -> {
            evidence.add("cluster " + c.name() + ": phase \"" + c.phase() + "\", " + c.readyInstances() + "/" + c.instances()
                    + " instances ready, currentPrimary " + blank(c.currentPrimary()) + ", targetPrimary " + blank(c.targetPrimary()));
            judgement.reasons().forEach(r -> evidence.add("cluster " + c.name() + ": " + r));
        });
        if (cluster.isEmpty()) {
            evidence.add("CNPG cluster " + n.cluster() + " status not read");
        }
        evidence.add("the prober's own postgres probe: " + ctx.health("postgres")
                + (ctx.detail("postgres").isEmpty() ? "" : " (" + ctx.detail("postgres") + ")"));
        Severity severity = judgement.level() == CnpgHealth.Level.NO_PRIMARY || probeDown ? Severity.CRITICAL : Severity.WARNING;
        String summary = switch (judgement.level()) {
            case NO_PRIMARY -> "Postgres cluster " + n.cluster() + " has no writable primary (failover or switchover in progress)";
            case DEGRADED -> "Postgres cluster " + n.cluster() + " is degraded" + (probeDown ? " and the prober cannot use it" : "; the primary serves");
            case HEALTHY -> "the prober cannot use Postgres although CNPG reports " + n.cluster() + " healthy";
        };
        List<String> advice = new ArrayList<>();
        if (severity == Severity.CRITICAL) {
            advice.add("Pause trading while Postgres has no usable primary (set TRADING_ENABLED=false in " + n.manifest()
                    + ", Argo sync), then re-evaluate.");
        }
        advice.add(judgement.level() == CnpgHealth.Level.HEALTHY
                ? "CNPG is healthy: check DB_DSN (host, credentials) and the network path from the prober."
                : "Let CNPG finish the failover; do not edit the cluster by hand. Its definition is " + n.postgresManifest() + ".");
        return Optional.of(new Finding(FindingIds.POSTGRES_UNHEALTHY, "C", severity, summary, evidence, List.of(n.cluster()),
                List.of(n.kubectl("get cluster.postgresql.cnpg.io " + n.cluster()),
                        n.kubectl("describe cluster.postgresql.cnpg.io " + n.cluster()),
                        n.kubectl("get pods -l cnpg.io/cluster=" + n.cluster() + " -o wide")),
                List.of(new GitOpsStep(n.postgresManifest(), "name: " + n.cluster(), "the cluster's definition (instances, storage); change only via GitOps")),
                advice));
    }

    private static String blank(String s) {
        return s.isBlank() ? "(none)" : s;
    }
}
