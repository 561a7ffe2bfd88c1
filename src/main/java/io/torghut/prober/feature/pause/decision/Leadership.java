package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.adapter.kubernetes.LeaderElection;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether this replica leads: only the leader pauses automatically and records recommendations. Without leader election
 * (a single replica, or the Kubernetes API off) this replica leads.
 */
public final class Leadership implements BooleanSupplier {
    private final Optional<LeaderElection> election;

    public Leadership(Optional<LeaderElection> election) {
        this.election = election;
    }

    @Override
    public boolean getAsBoolean() {
        return election.map(LeaderElection::isLeader).orElse(true);
    }

    void start() {
        election.ifPresent(LeaderElection::start);
    }

    void stop() {
        election.ifPresent(LeaderElection::stop);
    }
}
