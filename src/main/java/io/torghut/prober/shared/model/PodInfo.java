package io.torghut.prober.shared.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was read of one pod of a revision: its conditions ({@code PodScheduled}, ...) and its containers' states, never
 * its env values.
 */
@RegisterForReflection
public record PodInfo(String name, String revision, Instant created, String phase, List<ContainerState> containers,
                      List<Condition> conditions) {

    public PodInfo {
        containers = List.copyOf(containers);
        conditions = List.copyOf(conditions);
    }

    public PodInfo(String name, String revision, Instant created, String phase, List<ContainerState> containers) {
        this(name, revision, created, phase, containers, List.of());
    }

    /**
     * One container's status.
     *
     * @param waitingReason        e.g. {@code CrashLoopBackOff}, {@code CreateContainerConfigError}; empty when not waiting
     * @param waitingMessage       e.g. {@code secret "torghut-db-app" not found}
     * @param lastTerminatedReason the previous instance's end, e.g. {@code Error}
     * @param lastExitCode         its exit code
     * @param running              whether the current instance is running
     */
    @RegisterForReflection
    public record ContainerState(String name, boolean ready, int restartCount, boolean running, String waitingReason,
                                 String waitingMessage, String lastTerminatedReason, Optional<Integer> lastExitCode) {
        /** Whether this container ever ran: running now, restarted, or terminated before. */
        public boolean started() {
            return running || restartCount > 0 || lastExitCode.isPresent();
        }
    }

    public Optional<Condition> condition(String type) {
        return Condition.find(conditions, type);
    }

    public Optional<ContainerState> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
