package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.model.CnpgObservation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code clusters.postgresql.cnpg.io/<cluster>}'s status. */
public class CnpgReader {
    private final KubernetesReads reads;
    private final String cluster;
    private final Clock clock;

    public CnpgReader(KubernetesReads reads, String cluster, Clock clock) {
        this.reads = reads;
        this.cluster = cluster;
        this.clock = clock;
    }

    public CnpgObservation read() {
        try {
            Optional<Map<String, Object>> found = reads.get(KubernetesReads.CNPG, cluster);
            if (found.isEmpty()) {
                return new CnpgObservation(clock.instant(), Optional.empty(), List.of(new AccessProblem(AccessProblem.Kind.NOT_FOUND,
                        "get", KubernetesReads.CNPG.qualifiedName(), cluster, reads.namespace(), "no such CNPG cluster")));
            }
            return new CnpgObservation(clock.instant(), Optional.of(parse(found.get())), List.of());
        } catch (ReadFailure failure) {
            return new CnpgObservation(clock.instant(), Optional.empty(), List.of(failure.problem()));
        }
    }

    /** Pure. */
    public static CnpgObservation.Cluster parse(Map<String, Object> body) {
        int instances = Fields.number(body, "status", "instances");
        return new CnpgObservation.Cluster(Fields.text(body, "metadata", "name"), Fields.text(body, "status", "phase"),
                Fields.text(body, "status", "phaseReason"),
                instances > 0 ? instances : Fields.number(body, "spec", "instances"),
                Fields.number(body, "status", "readyInstances"), Fields.text(body, "status", "currentPrimary"),
                Fields.text(body, "status", "targetPrimary"), KnativeParsing.conditions(body), instancesStatus(body));
    }

    /** {@code status.instancesStatus}: CNPG's pod status ({@code healthy}, {@code replicating}, {@code failed}) to names. */
    static Map<String, List<String>> instancesStatus(Map<String, Object> body) {
        Map<String, List<String>> byStatus = new java.util.TreeMap<>();
        if (Fields.at(body, "status", "instancesStatus") instanceof Map<?, ?> statuses) {
            statuses.forEach((status, names) -> byStatus.put(String.valueOf(status),
                    names instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of()));
        }
        return byStatus;
    }
}
