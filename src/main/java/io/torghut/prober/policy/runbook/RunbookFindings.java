package io.torghut.prober.policy.runbook;

import io.torghut.prober.model.CnpgObservation;
import io.torghut.prober.model.KnativeObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All runbook findings from what was last read from Kubernetes, the prober's own signals and the current verdict, most
 * severe first: the one list /diagnose prints, the pause first when it is due. One finding per problem: Torghut failing
 * its endpoints while the cluster shows why is the cluster's finding, with the endpoint failure as its evidence. No
 * command, GitOps step or advice line is printed twice ({@link PrintedOnce}). Pure: the same inputs always give the
 * same findings; nothing here touches the network.
 */
public final class RunbookFindings {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::procedure, Comparator.comparing(p -> "-".equals(p) ? "0" : p))
            .thenComparing(Finding::id);
    /** Cluster findings that explain Torghut failing its own endpoints, the most telling first. */
    private static final List<String> EXPLAIN_TORGHUT = List.of(FindingIds.MISSING_SECRET, FindingIds.STARTUP_CRASH,
            FindingIds.REVISION_NOT_READY, FindingIds.KSVC_NOT_READY);

    private RunbookFindings() {
    }

    public static List<Finding> evaluate(Optional<KnativeObservation> knative, Optional<CnpgObservation> cnpg, FindingContext ctx) {
        List<Optional<Finding>> found = new ArrayList<>();
        knative.ifPresent(obs -> {
            found.add(RevisionFindings.revisionNotReady(obs, ctx));
            found.add(RevisionFindings.serviceNotReady(obs, ctx));
            found.add(SecretFindings.missingSecret(obs, ctx));
            found.add(DependencyFindings.unreachable(obs, ctx));
            found.add(LogFindings.startupCrash(obs, ctx));
            found.add(LogFindings.uuidJson(obs, ctx));
            found.add(ClickHouseFindings.misconfigured(obs, ctx));
        });
        found.add(PostgresFindings.unhealthy(cnpg, ctx));
        found.add(ClickHouseFindings.unreachable(knative, ctx));
        found.add(StateFindings.tradingOnBadData(knative, ctx));
        found.add(StateFindings.access(knative, cnpg.map(CnpgObservation::problems).orElse(List.of()), ctx));
        found.add(SignalFindings.taDataStale(ctx));
        found.add(SignalFindings.extraTargets(ctx));
        List<Finding> findings = new ArrayList<>(found.stream().flatMap(Optional::stream).toList());
        SignalFindings.torghutUnhealthy(knative, ctx).ifPresent(f -> foldInto(findings, f, EXPLAIN_TORGHUT));
        return PrintedOnce.of(findings.stream().sorted(ORDER).toList());
    }

    /** Adds {@code finding}, or only its evidence to the first of {@code explainedBy} present (the same problem). */
    static void foldInto(List<Finding> findings, Finding finding, List<String> explainedBy) {
        for (String id : explainedBy) {
            for (int i = 0; i < findings.size(); i++) {
                if (findings.get(i).id().equals(id)) {
                    findings.set(i, findings.get(i).withEvidenceOf(finding));
                    return;
                }
            }
        }
        findings.add(finding);
    }
}
