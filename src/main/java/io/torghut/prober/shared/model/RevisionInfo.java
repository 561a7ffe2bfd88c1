package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was read of one {@code revisions.serving.knative.dev}.
 *
 * @param image       the application container's image as written in the spec (a tag or a digest reference)
 * @param imageDigest the resolved image from {@code status.containerStatuses[].imageDigest}
 *                    ({@code registry/repo@sha256:...}), empty until Knative resolved it
 */
@RegisterForReflection
public record RevisionInfo(String name, Instant created, List<Condition> conditions, Optional<String> image,
                           Optional<String> imageDigest, List<EnvVar> env) {

    public RevisionInfo {
        conditions = List.copyOf(conditions);
        env = List.copyOf(env);
    }

    public Optional<Condition> condition(String type) {
        return Condition.find(conditions, type);
    }

    public boolean ready() {
        return condition("Ready").map(Condition::isTrue).orElse(false);
    }

    /**
     * The entry Kubernetes uses: when a container lists a name twice, the container's environment gets the last one
     * (the API server only warns about the duplicate).
     */
    public Optional<EnvVar> envVar(String name) {
        EnvVar found = null;
        for (EnvVar e : env) {
            if (e.name().equals(name)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }
}
