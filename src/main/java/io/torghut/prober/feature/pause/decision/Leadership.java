package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.adapter.kubernetes.LeaderElection;
import io.torghut.prober.shared.DaemonThreads;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /**
     * Starts the stop (the Lease release, {@link LeaderElection#RELEASE_BUDGET} at most) on its own thread, so that the
     * stop's other waits on the API run beside it rather than after it.
     */
    Stopping stopInBackground() {
        return new Stopping(election.map(e -> CompletableFuture.runAsync(e::stop,
                runnable -> DaemonThreads.named("lease-stop").newThread(runnable).start())).orElse(CompletableFuture.completedFuture(null)));
    }

    /** A stop under way. */
    record Stopping(CompletableFuture<Void> done) {
        /** Returns once the release has ended; the election bounds it, the extra wait only guards against a bug there. */
        void await() throws InterruptedException {
            try {
                done.get(LeaderElection.RELEASE_BUDGET.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // The release logs its own outcome; a Lease not released expires by itself.
            }
        }
    }
}
