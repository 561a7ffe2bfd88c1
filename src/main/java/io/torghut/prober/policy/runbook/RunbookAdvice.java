package io.torghut.prober.policy.runbook;

import io.torghut.prober.core.Contract;
import io.torghut.prober.core.FailureReason;
import io.torghut.prober.policy.SignalAssessment;
import io.torghut.prober.policy.Verdict;
import io.torghut.prober.signal.SignalSnapshot;
import io.torghut.prober.signal.SignalState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a verdict to the runbook's next steps ("Operations: Knative Revision Failures (Torghut Service)"), with the
 * configured names ({@link RunbookNames}) like the findings, so every printed command works as printed. Pure: it
 * reads the verdict and the snapshot, never the network. Steps come in runbook order, safety first.
 */
public final class RunbookAdvice {
    private final RunbookNames names;
    private final String namespace;
    private final String service;
    private final String cluster;
    private final String diagnoseUrl;

    public RunbookAdvice(RunbookNames names) {
        this(names, "localhost:8080/diagnose");
    }

    private RunbookAdvice(RunbookNames names, String diagnoseUrl) {
        this.names = names;
        this.namespace = names.namespace();
        this.service = names.service();
        this.cluster = names.cluster();
        this.diagnoseUrl = diagnoseUrl;
    }

    /** The same advice, with re-check commands that curl {@code url} (host:port/diagnose). */
    public RunbookAdvice withDiagnoseUrl(String url) {
        return new RunbookAdvice(names, url);
    }

    public static RunbookAdvice defaults() {
        return new RunbookAdvice(RunbookNames.defaults());
    }

    public List<NextStep> advise(Verdict verdict, SignalSnapshot snapshot) {
        return advise(verdict, snapshot, List.of());
    }

    /** The steps, leaving out the commands that {@code findings} (the FINDINGS section) already print. */
    public List<NextStep> advise(Verdict verdict, SignalSnapshot snapshot, List<Finding> findings) {
        return StepsAfterFindings.of(steps(verdict, snapshot), findings);
    }

    private List<NextStep> steps(Verdict verdict, SignalSnapshot snapshot) {
        Map<String, NextStep> steps = new LinkedHashMap<>();
        if (verdict.pauseRecommended()) {
            steps.put("pause", new NextStep("Preconditions",
                    "Pause trading first: dependencies are degraded or signals are stale. Set " + Contract.TRADING_ENABLED + "=false in "
                            + names.manifest() + ", commit, and Argo CD sync (or POST /pause). Never kubectl edit (ADR-24-1).",
                    List.of(names.argoSync())));
        }
        for (SignalAssessment assessment : verdict.signals()) {
            if (!assessment.bad() || !assessment.counts()) {
                continue;
            }
            SignalState state = snapshot.get(assessment.name()).orElse(null);
            if (state == null) {
                continue;
            }
            FailureReason reason = state.latest().map(r -> r.reason()).orElse(FailureReason.NONE);
            // Bad but the latest run passed: hysteresis holds it bad until enough successes. Its latest result says
            // nothing about what was wrong, so no step may be derived from it (Torghut did answer, ClickHouse did).
            boolean recovering = state.latest().map(r -> r.success()).orElse(false);
            switch (state.role()) {
                case SERVICE -> steps.putIfAbsent("A", revisionNotReady());
                case TRADING -> {
                    String failing = state.latest().map(r -> r.evidence().get("failing_dependencies")).orElse(null);
                    if (failing != null && failing.contains("postgres")) {
                        steps.putIfAbsent("C-postgres", postgres());
                    }
                    if (failing != null && failing.contains("clickhouse")) {
                        steps.putIfAbsent("C-clickhouse", clickhouse(reason));
                    }
                    if (failing == null && !recovering) {
                        steps.putIfAbsent("A", revisionNotReady());
                    }
                }
                case DEPENDENCY -> {
                    // cnpg is the CloudNativePG cluster's own view of the same database.
                    if ("postgres".equals(state.name()) || "cnpg".equals(state.name())) {
                        steps.putIfAbsent("C-postgres", postgres());
                    } else {
                        steps.putIfAbsent("C-clickhouse", clickhouse(reason));
                    }
                }
                case FRESHNESS -> {
                    if (reason == FailureReason.STALE || reason == FailureReason.NO_DATA || recovering) {
                        steps.putIfAbsent("C-freshness", new NextStep("C",
                                "TA freshness is stale or unknown while ClickHouse answers: the technical-analysis writers have "
                                        + "stopped. Keep trading paused until " + assessment.name() + " is fresh again, then re-evaluate.",
                                List.of("curl -s " + diagnoseUrl)));
                    } else {
                        steps.putIfAbsent("C-clickhouse", clickhouse(reason));
                    }
                }
                case EXTRA -> steps.putIfAbsent("extra-" + state.name(), new NextStep("-",
                        "Extra target " + state.name() + " is failing; it does not affect the trading decision.", List.of()));
            }
        }
        return new ArrayList<>(steps.values());
    }

    private NextStep revisionNotReady() {
        return new NextStep("A", "Torghut does not answer /healthz: inspect Knative conditions, the newest failing revision's pods and logs "
                + "(missing secrets DB_DSN / ClickHouse password, unreachable dependencies, startup crash).",
                List.of("kubectl -n " + namespace + " describe ksvc " + service,
                        "kubectl -n " + namespace + " get pods -l serving.knative.dev/service=" + service + " --sort-by=.metadata.creationTimestamp",
                        "kubectl -n " + namespace + " logs -l serving.knative.dev/service=" + service + " --tail=200"));
    }

    private NextStep postgres() {
        return new NextStep("C", "Confirm Postgres is healthy: the CNPG cluster " + cluster
                + " is defined in " + names.postgresManifest() + ".",
                List.of("kubectl -n " + namespace + " get cluster.postgresql.cnpg.io " + cluster));
    }

    private NextStep clickhouse(FailureReason reason) {
        String why = reason == FailureReason.AUTH
                ? "ClickHouse rejects the credentials: check the ClickHouse password secret referenced by TA_CLICKHOUSE_PASSWORD."
                : "Confirm ClickHouse is reachable: the dependency check uses TA_CLICKHOUSE_URL (not CLICKHOUSE_HOST); in "
                + names.manifest() + " it must point at the ClickHouse HTTP service (http://torghut-clickhouse." + namespace
                + ".svc.cluster.local:8123).";
        return new NextStep("C", why, List.of("kubectl -n " + namespace + " get ksvc " + service
                + " -o jsonpath='{.spec.template.spec.containers[*].env[?(@.name==\"TA_CLICKHOUSE_URL\")].value}'"));
    }

}
