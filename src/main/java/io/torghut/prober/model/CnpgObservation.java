package io.torghut.prober.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
     * @param phase healthy is {@code Cluster in healthy state}
     */
    @RegisterForReflection
    public record Cluster(String name, String phase, String phaseReason, int instances, int readyInstances,
                          String currentPrimary, String targetPrimary, List<Condition> conditions) {
        public Cluster {
            conditions = List.copyOf(conditions);
        }
    }
}
