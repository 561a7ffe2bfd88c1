package io.torghut.prober.feature.runbook;

import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.KnativeObservation;
import io.torghut.prober.shared.model.KnativeServiceInfo;
import io.torghut.prober.shared.model.RevisionInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Findings driven by the prober's own signals where no Kubernetes object tells the story: Torghut failing its own
 * endpoints, TA data going stale while ClickHouse answers, extra targets. Only signals the verdict holds bad and counts
 * give a finding. A signal whose latest run passed (held bad by hysteresis until enough successes) says nothing about
 * what was wrong: it gives no finding of its own, except freshness, where "keep paused until fresh" is the step. Pure.
 */
public final class SignalFindings {
    /** The knative signal is judged from the Knative objects, which have findings of their own. */
    static final String KNATIVE_SIGNAL = "knative";
    /** Dependencies with findings of their own (procedure C) when Torghut's /trading/health names them. */
    static final Set<String> RUNBOOK_DEPENDENCIES = Set.of(PostgresFindings.SIGNAL, ClickHouseFindings.SIGNAL);
    /** Failures where Torghut gave no answer at all. */
    private static final Set<FailureReason> UNREACHED = EnumSet.of(FailureReason.CONNECT, FailureReason.TIMEOUT, FailureReason.DNS,
            FailureReason.TLS);

    private SignalFindings() {
    }

    /** Procedure A from outside: Torghut fails /healthz, or /trading/health for a reason no dependency finding explains. */
    public static Optional<Finding> torghutUnhealthy(Optional<KnativeObservation> obs, FindingContext ctx) {
        List<SignalState> service = failingNow(ctx, SignalRole.SERVICE).stream().filter(s -> !s.name().equals(KNATIVE_SIGNAL)).toList();
        List<String> otherDeps = ctx.torghutFailingDependencies().stream().filter(d -> !RUNBOOK_DEPENDENCIES.contains(d)).toList();
        // /trading/health naming only Postgres or ClickHouse is their finding's evidence, not Torghut's own problem.
        List<SignalState> trading = failingNow(ctx, SignalRole.TRADING).stream()
                .filter(s -> !otherDeps.isEmpty() || ctx.torghutFailingDependencies().isEmpty()).toList();
        if (service.isEmpty() && trading.isEmpty()) {
            return Optional.empty();
        }
        RunbookNames n = ctx.names();
        List<String> evidence = new ArrayList<>();
        service.forEach(s -> evidence.add(ctx.probeLine(s.name())));
        trading.forEach(s -> evidence.add(ctx.probeLine(s.name())));
        if (!trading.isEmpty() && !otherDeps.isEmpty()) {
            evidence.add("Torghut's /trading/health reports dependencies not ok: " + String.join(", ", ctx.torghutFailingDependencies()));
        }
        // Not reached at all while Knative serves a Ready revision: the prober's way to Torghut is the suspect.
        boolean unreached = Stream.concat(service.stream(), trading.stream())
                .anyMatch(s -> s.latest().map(r -> UNREACHED.contains(r.reason())).orElse(false));
        boolean knativeReady = unreached && obs.flatMap(KnativeObservation::service).map(KnativeServiceInfo::ready).orElse(false)
                && obs.flatMap(KnativeObservation::newest).map(RevisionInfo::ready).orElse(false);
        if (knativeReady) {
            evidence.add("Knative reports ksvc " + n.service() + " and its newest revision Ready");
        }
        List<String> endpoints = new ArrayList<>();
        if (!service.isEmpty()) {
            endpoints.add("/healthz");
        }
        if (!trading.isEmpty()) {
            endpoints.add("/trading/health");
        }
        List<String> advice = new ArrayList<>();
        if (!otherDeps.isEmpty()) {
            advice.add("Torghut reports " + String.join(", ", otherDeps) + " not ok, a dependency outside the runbook's "
                    + "procedures: its logs say why.");
        }
        if (knativeReady) {
            advice.add("Knative serves a Ready revision: check the address the prober uses (TORGHUT_URL) and NetworkPolicies "
                    + "before blaming Torghut.");
        } else if (!service.isEmpty() || otherDeps.isEmpty()) {
            advice.add("Procedure A: inspect the Knative conditions, then the newest failing revision's pods and logs; the common "
                    + "causes are missing secrets (DB_DSN, ClickHouse password), unreachable dependencies, a crash on startup.");
        }
        return Optional.of(new Finding(FindingIds.TORGHUT_UNHEALTHY, "A", Severity.CRITICAL,
                "Torghut fails " + String.join(" and ", endpoints)
                        + (otherDeps.isEmpty() ? "" : " (dependencies not ok: " + String.join(", ", otherDeps) + ")"),
                evidence, List.of(n.service()),
                List.of(n.kubectl("describe ksvc " + n.service()),
                        n.kubectl("get pods -l serving.knative.dev/service=" + n.service() + " --sort-by=.metadata.creationTimestamp"),
                        n.kubectl("logs -l serving.knative.dev/service=" + n.service() + " -c " + n.container() + " --tail=200")),
                List.of(), advice));
    }

    /**
     * Procedure C, TA freshness: tables stale, empty or unreadable while ClickHouse answers (failures to reach ClickHouse
     * are {@link ClickHouseFindings#unreachable}). Critical while trading is on: it would trade on stale data.
     */
    public static Optional<Finding> taDataStale(FindingContext ctx) {
        List<SignalState> tables = ctx.failing(SignalRole.FRESHNESS).stream().filter(s -> !ClickHouseFindings.accessFailure(s)).toList();
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = tables.stream().map(SignalState::name).toList();
        List<String> evidence = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        for (SignalState table : tables) {
            evidence.add(recovering(table) ? "the prober's own " + table.name() + " probe: recovering (its latest run passed: "
                    + table.latest().get().detail() + "; bad until enough fresh results in a row)" : ctx.probeLine(table.name()));
        }
        if (tables.stream().anyMatch(t -> !recovering(t) && !dataAge(t))) {
            advice.add("A freshness query fails while ClickHouse answers: check each table and column (prober.freshness.tables) "
                    + "against the schema.");
        }
        advice.add("The technical-analysis writers have stopped or fallen behind on " + String.join(", ", names)
                + ": find why the TA pipeline stopped writing, and keep trading paused until "
                + (names.size() == 1 ? "it is" : "they are") + " fresh again.");
        String clickhouse = ctx.health(ClickHouseFindings.SIGNAL) == Health.GOOD ? " while ClickHouse answers" : "";
        return Optional.of(new Finding(FindingIds.TA_DATA_STALE, "C", ctx.verdict().tradingEnabled() ? Severity.CRITICAL : Severity.WARNING,
                "TA data is stale or its age unknown: " + String.join(", ", names) + clickhouse,
                evidence, names, List.of(), List.of(), advice));
    }

    /** Extra targets failing: worth knowing, never a reason to pause. */
    public static Optional<Finding> extraTargets(FindingContext ctx) {
        List<SignalState> failing = failingNow(ctx, SignalRole.EXTRA);
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = failing.stream().map(SignalState::name).toList();
        return Optional.of(new Finding(FindingIds.EXTRA_TARGET_FAILING, "-", Severity.INFO,
                "extra target " + String.join(", ", names) + " failing; it does not affect the trading decision",
                failing.stream().map(s -> ctx.probeLine(s.name())).toList(), names, List.of(), List.of(), List.of()));
    }

    private static List<SignalState> failingNow(FindingContext ctx, SignalRole role) {
        return ctx.failing(role).stream().filter(s -> !recovering(s)).toList();
    }

    private static boolean recovering(SignalState s) {
        return s.latest().map(r -> r.success()).orElse(false);
    }

    /** Stale or empty: the age was the problem, not the query. */
    private static boolean dataAge(SignalState s) {
        return s.latest().map(r -> r.reason() == FailureReason.STALE
                || r.reason() == FailureReason.NO_DATA).orElse(false);
    }
}
