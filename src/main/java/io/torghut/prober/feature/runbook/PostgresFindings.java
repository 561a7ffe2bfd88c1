package io.torghut.prober.feature.runbook;

import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Procedure C, Postgres: the CNPG cluster's state in CNPG's own words (a replica lost while the primary serves, a
 * switchover, a failover, no ready primary: only the last three speak of the primary changing), joined with the
 * prober's own Postgres probe and with what Torghut says about Postgres where the prober confirms it (its
 * /trading/health, its connection errors). Torghut's claim alone, against the prober's fresh view, is not this finding
 * but the path ({@link DependencyFindings}). Pure.
 */
public final class PostgresFindings {
    /** The prober's own Postgres probe, and the CNPG cluster's signal (its status, read from the Kubernetes API). */
    static final String SIGNAL = "postgres";
    static final String CNPG_SIGNAL = "cnpg";

    private PostgresFindings() {
    }

    public static Optional<Finding> unhealthy(Optional<CnpgObservation> cnpg, FindingContext ctx) {
        return unhealthy(cnpg, Optional.empty(), ctx);
    }

    public static Optional<Finding> unhealthy(Optional<CnpgObservation> cnpg, Optional<KnativeObservation> knative, FindingContext ctx) {
        RunbookNames n = ctx.names();
        Optional<CnpgObservation.Cluster> cluster = cnpg.flatMap(CnpgObservation::cluster);
        CnpgHealth.Judgement judgement = cluster.map(CnpgHealth::judge).orElse(CnpgHealth.Judgement.healthy());
        DependencyReach.Reach reach = DependencyReach.of(SIGNAL, cnpg, ctx);
        boolean probeDown = ctx.dependencyHealth(SIGNAL) == Health.BAD;
        // The cnpg signal is judged from the same status; on its own it only matters when that status is not at hand.
        boolean cnpgDown = cluster.isEmpty() && ctx.dependencyHealth(CNPG_SIGNAL) == Health.BAD;
        // Torghut saying Postgres is not ok stands unless the prober's own fresh view says it works (then: the path).
        boolean torghutSays = ctx.torghutReports(SIGNAL) && reach != DependencyReach.Reach.REACHED;
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
        List<Subject> about = new ArrayList<>(List.of(Subject.dependency(SIGNAL)));
        if (reach == DependencyReach.Reach.DOWN) {
            // Torghut failing to connect is what Postgres being down looks like from Torghut: evidence, not a finding.
            knative.ifPresent(o -> {
                LogHits all = LogHits.of(o, n.container());
                LogHits torghut = all.unreachable(SIGNAL);
                evidence.addAll(torghut.evidence());
                about.addAll(torghut.crashingRevisions());
                // Writes refused as read-only while CNPG moves the primary are the failover's, not a configuration's.
                if (judgement.level() == CnpgHealth.Level.NO_PRIMARY) {
                    LogHits readOnly = all.configuration(SIGNAL).filter(l -> l.hit().signature().equals("postgres-read-only"));
                    evidence.addAll(readOnly.evidence());
                    about.addAll(readOnly.crashingRevisions());
                }
            });
        }
        boolean noPrimary = judgement.level() == CnpgHealth.Level.NO_PRIMARY || cnpgDown;
        Severity severity = noPrimary || probeDown || torghutSays ? Severity.CRITICAL : Severity.WARNING;
        List<String> commands = new ArrayList<>(List.of(n.kubectl("get cluster.postgresql.cnpg.io " + n.cluster()),
                n.kubectl("describe cluster.postgresql.cnpg.io " + n.cluster()),
                n.kubectl("get pods -l cnpg.io/cluster=" + n.cluster() + " -o wide")));
        List<String> pods = judgement.state() == CnpgHealth.State.REPLICA_LOST ? judgement.lost()
                : judgement.state() == CnpgHealth.State.NO_PRIMARY ? cluster.map(c -> c.currentPrimary()).filter(p -> !p.isBlank())
                        .map(List::of).orElse(List.of()) : List.of();
        pods.stream().limit(2).forEach(p -> commands.add(n.kubectl("describe pod " + p)));
        return Optional.of(new Finding(FindingIds.POSTGRES_UNHEALTHY, "C", severity,
                summary(cluster, judgement, cnpgDown, probeDown, torghutSays, n), evidence, List.of(n.cluster()), commands,
                List.of(new GitOpsStep(n.postgresManifest(), "name: " + n.cluster(), "the cluster's definition (instances, storage); change only via GitOps")),
                advice(cluster, judgement, probeDown, n), about));
    }

    /** What is wrong, in CNPG's words: only a failover, a switchover or a missing primary speaks of the primary. */
    private static String summary(Optional<CnpgObservation.Cluster> cluster, CnpgHealth.Judgement j, boolean cnpgDown, boolean probeDown,
                                  boolean torghutSays, RunbookNames n) {
        String name = "Postgres cluster " + n.cluster();
        String also = probeDown ? " and the prober cannot use it" : torghutSays ? " and Torghut reports Postgres not ok" : "";
        if (cluster.isEmpty()) {
            return cnpgDown ? name + " has no writable primary (the cnpg signal; its status is not read now)"
                    : probeDown ? "the prober cannot use Postgres" : "Torghut reports Postgres not ok";
        }
        CnpgObservation.Cluster c = cluster.get();
        String move = c.targetPrimary().isBlank() || c.targetPrimary().equals(c.currentPrimary()) ? ""
                : (c.currentPrimary().isBlank() ? "" : " from " + c.currentPrimary()) + " to " + c.targetPrimary();
        return switch (j.state()) {
            case NO_PRIMARY -> name + " has no ready primary: " + j.reasons().get(0);
            case FAILOVER -> name + " is failing over" + move + ": no writable primary until it ends";
            case SWITCHOVER -> name + " is switching over" + move + ": no writable primary until it ends";
            case PRIMARY_CHANGING -> name + " is changing its primary" + move + " (failover or switchover): no writable primary until it ends";
            case REPLICA_LOST -> name + " lost " + (j.lost().isEmpty() ? (c.instances() - c.readyInstances()) + " of " + c.instances()
                    + " instances" : "replica " + String.join(", ", j.lost())) + (also.isEmpty() ? "; the primary " + c.currentPrimary()
                    + " serves reads and writes" : also);
            case DEGRADED -> name + " is degraded (" + j.reasons().get(0) + ")" + (also.isEmpty() ? "; the primary " + c.currentPrimary()
                    + " serves" : also);
            case HEALTHY -> (probeDown ? "the prober cannot use Postgres" : "Torghut reports Postgres not ok")
                    + " although CNPG reports " + n.cluster() + " healthy";
        };
    }

    /** What CNPG's state asks of oncall; and, where CNPG reports a primary serving, where the prober's failure is. */
    private static List<String> advice(Optional<CnpgObservation.Cluster> cluster, CnpgHealth.Judgement j, boolean probeDown, RunbookNames n) {
        List<String> advice = new ArrayList<>(List.of(stateAdvice(cluster, j, probeDown, n)));
        boolean primaryServes = j.state() == CnpgHealth.State.REPLICA_LOST || j.state() == CnpgHealth.State.DEGRADED;
        if (probeDown && cluster.isPresent() && primaryServes) {
            advice.add("CNPG reports a primary serving: check DB_DSN (host, credentials) and the network path from the prober.");
        }
        return advice;
    }

    private static String stateAdvice(Optional<CnpgObservation.Cluster> cluster, CnpgHealth.Judgement j, boolean probeDown, RunbookNames n) {
        String byHand = "do not edit the cluster by hand. Its definition is " + n.postgresManifest() + ".";
        if (cluster.isEmpty()) {
            return "Check the CNPG cluster " + n.cluster() + " (defined in " + n.postgresManifest() + "), then DB_DSN (host, credentials).";
        }
        String primary = cluster.get().currentPrimary();
        return switch (j.state()) {
            case NO_PRIMARY -> "CNPG reports no ready primary: writes fail until one is. Check the instance pods and their volumes; " + byHand;
            case FAILOVER -> "Let CNPG finish the failover; " + byHand;
            case SWITCHOVER -> "Let CNPG finish the switchover; " + byHand;
            case PRIMARY_CHANGING -> "Let CNPG finish the failover or switchover; " + byHand;
            case REPLICA_LOST -> "The primary " + primary + " is healthy and serves reads and writes" + (probeDown ? "" : ": Torghut is not "
                    + "affected and no pause is needed") + ". CNPG recreates a lost replica when it can; find why "
                    + (j.lost().isEmpty() ? "it" : String.join(", ", j.lost())) + " failed (its pod, node and volume), and " + byHand;
            case DEGRADED -> "The primary " + primary + " serves" + (probeDown ? "" : ", no pause is needed") + ": let CNPG finish; " + byHand;
            case HEALTHY -> "CNPG is healthy: check DB_DSN (host, credentials) and the network path from "
                    + (probeDown ? "the prober" : "Torghut") + ".";
        };
    }

    private static String blank(String s) {
        return s.isBlank() ? "(none)" : s;
    }
}
