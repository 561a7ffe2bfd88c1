package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.adapter.git.GitAuthorizationException;
import io.torghut.prober.adapter.git.GitUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One call in flight at a time, shared: the first caller runs the work, and every caller that arrives while it runs
 * waits for that same outcome instead of starting its own. A caller arriving after it finished starts a new one.
 *
 * @param <T> the outcome
 */
final class SingleFlight<T> {
    private CompletableFuture<T> inFlight;

    /** The work, which may fail with a {@link GitUnavailableException}. */
    interface Work<T> {
        T run() throws GitUnavailableException;
    }

    /** An outcome, and whether this caller ran the work (false: it joined a call already in flight). */
    record Shared<T>(T value, boolean ran) {
    }

    Shared<T> run(Work<T> work) throws GitUnavailableException {
        CompletableFuture<T> flight;
        boolean leader;
        synchronized (this) {
            leader = inFlight == null;
            if (leader) {
                inFlight = new CompletableFuture<>();
            }
            flight = inFlight;
        }
        if (!leader) {
            return new Shared<>(await(flight), false);
        }
        try {
            T value = work.run();
            land();
            flight.complete(value);
            return new Shared<>(value, true);
        } catch (GitUnavailableException | RuntimeException | Error e) {
            land();
            flight.completeExceptionally(e);
            throw e;
        }
    }

    /** Callers arriving from now on start a new call: the outcome being handed out may already be history for them. */
    private synchronized void land() {
        inFlight = null;
    }

    private static <T> T await(CompletableFuture<T> flight) throws GitUnavailableException {
        try {
            return flight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitUnavailableException("interrupted while waiting for the pause already in flight");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GitAuthorizationException auth) {
                throw new GitAuthorizationException(auth.refusal(), auth.getMessage());
            }
            if (e.getCause() instanceof GitUnavailableException git) {
                throw new GitUnavailableException(git.getMessage());
            }
            throw new IllegalStateException("the pause in flight failed: " + e.getCause(), e.getCause());
        }
    }
}
