package io.torghut.prober.policy.runbook;

import io.torghut.prober.model.CnpgObservation;
import io.torghut.prober.signal.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Procedure C, Postgres: the CNPG cluster's status joined with the prober's own Postgres probe and with what Torghut's
 * /trading/health says about Postgres. One finding, whichever of them sees the problem first. Pure.
 */
public final class PostgresFindings {
    /** The prober's own Postgres probe, and the CNPG cluster's signal (its status, read from the Kubernetes API). */
    static final String SIGNAL = "postgres";
    static final String CNPG_SIGNAL = "cnpg";

    private PostgresFindings() {
    }

    public static Optional<Finding> unhealthy(Optional<CnpgObservation> cnpg, FindingContext ctx) {
        RunbookNames n = ctx.names();
        Optional<CnpgObservation.Cluster> cluster = cnpg.flatMap(CnpgObservation::cluster);
        CnpgHealth.Judgement judgement = cluster.map(CnpgHealth::judge)
                .orElse(new CnpgHealth.Judgement(CnpgHealth.Level.HEALTHY, List.of()));
        boolean probeDown = ctx.dependencyHealth(SIGNAL) == Health.BAD;
        // The cnpg signal is judged from the same status; on its own it only matters when that status is not at hand.
        boolean cnpgDown = cluster.isEmpty() && ctx.dependencyHealth(CNPG_SIGNAL) == Health.BAD;
        boolean torghutSays = ctx.torghutReports(SIGNAL);
        if (judgement.level() == CnpgHealth.Level.HEALTHY && !probeDown && !cnpgDown && !torghutSays) {
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
        if (cnpgDown) {
            evidence.add(ctx.probeLine(CNPG_SIGNAL));
        }
        evidence.add(ctx.probeLine(SIGNAL));
        if (torghutSays) {
            evidence.add("Torghut's /trading/health reports dependencies not ok: " + String.join(", ", ctx.torghutFailingDependencies()));
        }
        boolean noPrimary = judgement.level() == CnpgHealth.Level.NO_PRIMARY || cnpgDown;
        Severity severity = noPrimary || probeDown || torghutSays ? Severity.CRITICAL : Severity.WARNING;
        String summary = noPrimary ? "Postgres cluster " + n.cluster() + " has no writable primary (failover or switchover in progress)"
                : judgement.level() == CnpgHealth.Level.DEGRADED
                ? "Postgres cluster " + n.cluster() + " is degraded" + (probeDown ? " and the prober cannot use it" : "; the primary serves")
                : (probeDown ? "the prober cannot use Postgres" : "Torghut reports Postgres not ok")
                + (cluster.isPresent() ? " although CNPG reports " + n.cluster() + " healthy" : "");
        String advice = noPrimary || judgement.level() == CnpgHealth.Level.DEGRADED
                ? "Let CNPG finish the failover; do not edit the cluster by hand. Its definition is " + n.postgresManifest() + "."
                : cluster.isPresent() ? "CNPG is healthy: check DB_DSN (host, credentials) and the network path from "
                        + (probeDown ? "the prober" : "Torghut") + "."
                : "Check the CNPG cluster " + n.cluster() + " (defined in " + n.postgresManifest() + "), then DB_DSN (host, credentials).";
        return Optional.of(new Finding(FindingIds.POSTGRES_UNHEALTHY, "C", severity, summary, evidence, List.of(n.cluster()),
                List.of(n.kubectl("get cluster.postgresql.cnpg.io " + n.cluster()),
                        n.kubectl("describe cluster.postgresql.cnpg.io " + n.cluster()),
                        n.kubectl("get pods -l cnpg.io/cluster=" + n.cluster() + " -o wide")),
                List.of(new GitOpsStep(n.postgresManifest(), "name: " + n.cluster(), "the cluster's definition (instances, storage); change only via GitOps")),
                List.of(advice)));
    }

    private static String blank(String s) {
        return s.isBlank() ? "(none)" : s;
    }
}
