package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One read of {@code clusters.postgresql.cnpg.io/<cluster>}, or why it could not be read. */
@RegisterForReflection
public record CnpgObservation(Instant observedAt, Optional<Cluster> cluster, List<AccessProblem> problems)
        implements Observation {

    public CnpgObservation {
        problems = List.copyOf(problems);
    }

    /**
     * The cluster's status as CNPG reports it.
     *
     * @param phase           healthy is {@code Cluster in healthy state}
     * @param instancesStatus {@code status.instancesStatus}: instance names by CNPG's pod status ({@code healthy},
     *                        {@code replicating}, {@code failed})
     */
    @RegisterForReflection
    public record Cluster(String name, String phase, String phaseReason, int instances, int readyInstances,
                          String currentPrimary, String targetPrimary, List<Condition> conditions,
                          Map<String, List<String>> instancesStatus) {
        public Cluster {
            conditions = List.copyOf(conditions);
            Map<String, List<String>> copy = new TreeMap<>();
            instancesStatus.forEach((status, names) -> copy.put(status, List.copyOf(names)));
            instancesStatus = Collections.unmodifiableMap(copy);
        }

        public Cluster(String name, String phase, String phaseReason, int instances, int readyInstances, String currentPrimary,
                       String targetPrimary, List<Condition> conditions) {
            this(name, phase, phaseReason, instances, readyInstances, currentPrimary, targetPrimary, conditions, Map.of());
        }

        /** The instances CNPG lists under {@code status} ({@code failed}, {@code replicating}, {@code healthy}). */
        public List<String> instancesIn(String status) {
            return instancesStatus.getOrDefault(status, List.of());
        }
    }
}
