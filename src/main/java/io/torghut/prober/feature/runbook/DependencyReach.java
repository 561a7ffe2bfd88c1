package io.torghut.prober.feature.runbook;

import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.shared.model.CnpgObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the prober itself sees of a dependency right now: the judge of any claim about it. Torghut saying "ClickHouse is
 * down" while the prober's own fresh ClickHouse probe succeeds is not ClickHouse being down: it is the path between
 * Torghut and ClickHouse. Pure.
 */
final class DependencyReach {
    static final String POSTGRES = "postgres";
    static final String CLICKHOUSE = "clickhouse";
    static final List<String> DEPENDENCIES = List.of(POSTGRES, CLICKHOUSE);

    /** The prober's own view of a dependency. */
    enum Reach {
        /** The prober's own probe fails too (or CNPG has no writable primary): the dependency is down. */
        DOWN,
        /** The prober's own fresh observation says it works: a claim that it is down is contradicted. */
        REACHED,
        /** Nothing fresh is known. */
        UNKNOWN
    }

    private DependencyReach() {
    }

    static Reach of(String dependency, Optional<CnpgObservation> cnpg, FindingContext ctx) {
        if (POSTGRES.equals(dependency)) {
            Optional<CnpgObservation.Cluster> cluster = cnpg.flatMap(CnpgObservation::cluster);
            Optional<CnpgHealth.Judgement> judged = cluster.map(CnpgHealth::judge);
            boolean noPrimary = judged.map(j -> j.level() == CnpgHealth.Level.NO_PRIMARY).orElse(false)
                    || (cluster.isEmpty() && ctx.dependencyHealth(PostgresFindings.CNPG_SIGNAL) == Health.BAD);
            if (ctx.dependencyHealth(POSTGRES) == Health.BAD || noPrimary) {
                return Reach.DOWN;
            }
            boolean cnpgServes = judged.isPresent() && ctx.fresh(cnpg.get().observedAt());
            return ctx.reaches(POSTGRES) || cnpgServes ? Reach.REACHED : Reach.UNKNOWN;
        }
        boolean queries = ctx.failing(SignalRole.FRESHNESS).stream().anyMatch(ClickHouseFindings::accessFailure);
        if (ctx.dependencyHealth(CLICKHOUSE) == Health.BAD || queries) {
            return Reach.DOWN;
        }
        return ctx.reaches(CLICKHOUSE) ? Reach.REACHED : Reach.UNKNOWN;
    }

    /** The evidence lines of what the prober itself sees, where it saw it. */
    static List<String> own(String dependency, Optional<CnpgObservation> cnpg, FindingContext ctx) {
        List<String> lines = new ArrayList<>();
        Health health = ctx.dependencyHealth(dependency);
        String detail = ctx.detail(dependency);
        lines.add(switch (health) {
            case GOOD -> "the prober's own " + dependency + " probe succeeds (" + detail + ")";
            case BAD -> "the prober's own " + dependency + " probe fails too (" + detail + "): " + dependency + " itself is down";
            case UNKNOWN -> "the prober's own " + dependency + " probe has no usable result" + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + ": not cross-checked";
        });
        if (POSTGRES.equals(dependency)) {
            cnpg.flatMap(CnpgObservation::cluster).filter(c -> ctx.fresh(cnpg.get().observedAt()))
                    .filter(c -> CnpgHealth.judge(c).level() != CnpgHealth.Level.NO_PRIMARY)
                    .ifPresent(c -> lines.add("CNPG reports cluster " + c.name() + " with a writable primary " + c.currentPrimary()
                            + " (status.phase \"" + c.phase() + "\", " + c.readyInstances() + "/" + c.instances() + " ready)"));
        }
        return lines;
    }
}
