package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Optional;

/**
 * What was read of {@code services.serving.knative.dev/<service>}.
 *
 * @param templateImage the image of the application container in {@code spec.template} (what GitOps deploys)
 * @param templateEnv   its env (values of plain entries only)
 */
@RegisterForReflection
public record KnativeServiceInfo(String name, List<Condition> conditions, Optional<String> latestCreatedRevision,
                                 Optional<String> latestReadyRevision, List<Traffic> traffic,
                                 Optional<String> templateImage, List<EnvVar> templateEnv) {

    public KnativeServiceInfo {
        conditions = List.copyOf(conditions);
        traffic = List.copyOf(traffic);
        templateEnv = List.copyOf(templateEnv);
    }

    /** One {@code status.traffic} entry. */
    @RegisterForReflection
    public record Traffic(String revisionName, int percent, boolean latestRevision) {
    }

    public boolean ready() {
        return Condition.find(conditions, "Ready").map(Condition::isTrue).orElse(false);
    }

    /** Revisions receiving traffic now; falls back to the latest ready one when traffic is not reported. */
    public List<String> servingRevisions() {
        List<String> serving = traffic.stream().filter(t -> t.percent() > 0 && !t.revisionName().isEmpty())
                .map(Traffic::revisionName).distinct().toList();
        return serving.isEmpty() ? latestReadyRevision.map(List::of).orElse(List.of()) : serving;
    }
}
