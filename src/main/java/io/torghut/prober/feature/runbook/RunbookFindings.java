package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.KnativeObservation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All runbook findings from what was last read from Kubernetes, the prober's own signals and the current verdict,
 * ranked by the one rule of {@link FindingRank}: the pause first when it is due, then the most specific cause the
 * evidence supports, each symptom folded into the cause that explains it (Torghut failing its endpoints while its newest
 * revision cannot start is the revision's cause, with the endpoint failure as its evidence). No command, GitOps step or
 * advice line is printed twice ({@link PrintedOnce}). Pure: the same inputs always give the same findings; nothing here
 * touches the network.
 */
public final class RunbookFindings {
    private RunbookFindings() {
    }

    public static List<Finding> evaluate(Optional<KnativeObservation> knative, Optional<CnpgObservation> cnpg, FindingContext ctx) {
        List<Optional<Finding>> found = new ArrayList<>();
        knative.ifPresent(obs -> {
            Optional<Finding> clickhouseConfig = ClickHouseFindings.misconfigured(obs, ctx);
            Optional<Finding> postgresConfig = PostgresConfigFindings.misconfigured(obs, cnpg, ctx);
            found.add(clickhouseConfig);
            found.add(postgresConfig);
            found.add(RevisionFindings.revisionNotReady(obs, ctx));
            found.add(RevisionFindings.serviceNotReady(obs, ctx));
            found.add(SecretFindings.missingSecret(obs, ctx));
            found.add(PodFindings.notStarted(obs, ctx));
            found.add(LogFindings.startupCrash(obs, ctx, misconfigured(clickhouseConfig, postgresConfig)));
            found.add(LogFindings.uuidJson(obs, ctx));
        });
        found.add(PostgresFindings.unhealthy(cnpg, knative, ctx));
        found.add(ClickHouseFindings.unreachable(knative, ctx));
        found.add(StateFindings.tradingOnBadData(knative, ctx));
        found.add(StateFindings.access(knative, cnpg.map(CnpgObservation::problems).orElse(List.of()), ctx));
        found.add(SignalFindings.taDataStale(ctx));
        found.add(SignalFindings.extraTargets(ctx));
        found.add(SignalFindings.torghutUnhealthy(knative, ctx));
        List<Finding> findings = new ArrayList<>(found.stream().flatMap(Optional::stream).toList());
        findings.addAll(DependencyFindings.unreachable(knative, cnpg, ctx));
        return PrintedOnce.of(FindingRank.rank(findings));
    }

    /** The revisions a critical configuration finding is about: their bare tracebacks are its doing. */
    @SafeVarargs
    private static Set<String> misconfigured(Optional<Finding>... config) {
        Set<String> revisions = new HashSet<>();
        for (Optional<Finding> f : config) {
            f.filter(c -> c.severity() == Severity.CRITICAL).ifPresent(c -> c.subjects().stream()
                    .filter(s -> s.kind() == Subject.Kind.REVISION).forEach(s -> revisions.add(s.name())));
        }
        return revisions;
    }
}
