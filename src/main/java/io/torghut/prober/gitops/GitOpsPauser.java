package io.torghut.prober.gitops;

import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The compare-and-swap loop of a pause: fetch, edit, commit, push; when the push loses a race (the branch moved, a
 * lock, any rejection that is not a refusal), fetch again, re-check (someone may have paused already) and re-apply,
 * up to {@code attempts} times. Concurrent pauses share one round ({@link SingleFlight}): a request arriving while a
 * round is in flight waits for its outcome instead of queueing its own fetch.
 */
public final class GitOpsPauser {
    private static final Logger LOG = Logger.getLogger(GitOpsPauser.class);
    private final ManifestRepository repository;
    private final TradingFlagEditor editor;
    private final int attempts;
    private final SingleFlight<Result> rounds = new SingleFlight<>();

    public GitOpsPauser(ManifestRepository repository, TradingFlagEditor editor, int attempts) {
        this.repository = repository;
        this.editor = editor;
        this.attempts = attempts;
    }

    /**
     * What one pause did. {@code commit} is the pushed commit, or the tip that already said false; {@code manifest} the
     * manifest at that commit (empty when there is none).
     */
    public record Result(Kind kind, String commit, String diff, String detail, int attempts, Optional<String> manifest) {
        /** Outcomes of a pause against git. */
        public enum Kind {
            PAUSED, ALREADY_PAUSED, REFUSED
        }

        /** This round's outcome as seen by a request that joined it: the commit is someone else's, so already paused. */
        Result joined() {
            return kind == Kind.PAUSED ? new Result(Kind.ALREADY_PAUSED, commit, "", "paused by a concurrent request in the same git round: "
                    + detail, attempts, manifest) : this;
        }
    }

    /** Reads the tip without editing; never in the middle of a round, whose commit builds on its own read. */
    public ManifestSnapshot read() throws GitUnavailableException {
        synchronized (repository) {
            return repository.sync();
        }
    }

    public ManifestRepository repository() {
        return repository;
    }

    /** The newest pause commit on the branch as last read (see {@link PauseCommits}). */
    public Optional<PauseCommits.PauseCommit> newestPauseCommit() throws GitUnavailableException {
        synchronized (repository) {
            return repository.newestPauseCommit();
        }
    }

    /**
     * @param message builds the commit message from the edit (so it can quote what changed); a request that joins a
     *                round in flight gets that round's outcome, and its message is not used
     */
    public Result pause(Function<ManifestEdit, String> message) throws GitUnavailableException {
        SingleFlight.Shared<Result> shared = rounds.run(() -> {
            synchronized (repository) {
                return round(message);
            }
        });
        return shared.ran() ? shared.value() : shared.value().joined();
    }

    private Result round(Function<ManifestEdit, String> message) throws GitUnavailableException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ManifestSnapshot snapshot;
            try {
                snapshot = repository.sync();
            } catch (GitAuthorizationException e) {
                return new Result(Result.Kind.REFUSED, "none", "", e.getMessage(), attempt, Optional.empty());
            }
            if (snapshot.problem().isPresent() || snapshot.text().isEmpty()) {
                String why = snapshot.problem().orElse("no manifest at " + repository.describe());
                return new Result(Result.Kind.REFUSED, snapshot.commit(), "", why, attempt, Optional.empty());
            }
            String before = snapshot.text().get();
            ManifestEdit edit = editor.set(before, false);
            switch (edit.outcome()) {
                case UNCHANGED -> {
                    return new Result(Result.Kind.ALREADY_PAUSED, snapshot.commit(), "", edit.detail(), attempt, snapshot.text());
                }
                case REFUSED -> {
                    return new Result(Result.Kind.REFUSED, snapshot.commit(), "", edit.detail(), attempt, snapshot.text());
                }
                default -> {
                }
            }
            String diff = UnifiedDiff.of(repository.manifestPath(), before, edit.text());
            PushOutcome push = repository.commitAndPush(before, edit.text(), message.apply(edit));
            switch (push.status()) {
                case PUSHED -> {
                    return new Result(Result.Kind.PAUSED, push.commit(), diff, edit.detail(), attempt, Optional.of(edit.text()));
                }
                case UP_TO_DATE -> {
                    return new Result(Result.Kind.ALREADY_PAUSED, push.commit(), "", "the remote already had this pause commit", attempt,
                            Optional.of(edit.text()));
                }
                case DENIED_AUTHORIZATION, DENIED_PROTECTED, NOT_COMMITTED -> {
                    return new Result(Result.Kind.REFUSED, snapshot.commit(), diff, push.detail(), attempt, snapshot.text());
                }
                case REJECTED -> LOG.infof("push of the pause lost a race (attempt %d of %d: %s): fetching and re-checking",
                        attempt, attempts, push.detail());
            }
        }
        throw new GitUnavailableException("the push was rejected " + attempts + " times in a row: " + repository.describe()
                + " keeps moving");
    }
}
