package io.torghut.prober.policy.runbook;

import io.torghut.prober.model.CnpgObservation;
import io.torghut.prober.model.KnativeObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All runbook findings from what was last read and the current verdict, most severe first. Pure: the same inputs
 * always give the same findings; nothing here touches the network.
 */
public final class RunbookFindings {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::procedure, Comparator.comparing(p -> "-".equals(p) ? "0" : p))
            .thenComparing(Finding::id);

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
        return found.stream().flatMap(Optional::stream).sorted(ORDER).toList();
    }
}
