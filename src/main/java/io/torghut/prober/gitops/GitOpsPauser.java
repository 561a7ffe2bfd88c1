package io.torghut.prober.gitops;

import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The compare-and-swap loop of a pause: fetch, edit, commit, push; when the push is rejected because the branch moved,
 * fetch again, re-check (someone may have paused already) and re-apply, a bounded number of times.
 */
public final class GitOpsPauser {
    private static final Logger LOG = Logger.getLogger(GitOpsPauser.class);
    private final ManifestRepository repository;
    private final TradingFlagEditor editor;
    private final int attempts;

    public GitOpsPauser(ManifestRepository repository, TradingFlagEditor editor, int attempts) {
        this.repository = repository;
        this.editor = editor;
        this.attempts = attempts;
    }

    /**
     * What one pause did. {@code commit} is the pushed commit, or the tip that already said false; {@code manifest} the
     * manifest at that commit (empty when there is none).
     */
    public record Result(Kind kind, String commit, String diff, String detail, int attempts, java.util.Optional<String> manifest) {
        /** Outcomes of a pause against git. */
        public enum Kind {
            PAUSED, ALREADY_PAUSED, REFUSED
        }
    }

    /** Reads the tip without editing; shares the lock so it never resets the working copy in the middle of a pause. */
    public synchronized ManifestSnapshot read() throws GitUnavailableException {
        return repository.sync();
    }

    public ManifestRepository repository() {
        return repository;
    }

    /** @param message builds the commit message from the edit (so it can quote what changed) */
    public synchronized Result pause(Function<ManifestEdit, String> message) throws GitUnavailableException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ManifestSnapshot snapshot = repository.sync();
            if (snapshot.text().isEmpty()) {
                return new Result(Result.Kind.REFUSED, snapshot.commit(), "", "no manifest at " + repository.describe(), attempt, snapshot.text());
            }
            ManifestEdit edit = editor.set(snapshot.text().get(), false);
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
            String diff = UnifiedDiff.of(repository.manifestPath(), snapshot.text().get(), edit.text());
            PushOutcome push = repository.commitAndPush(edit.text(), message.apply(edit));
            switch (push.status()) {
                case PUSHED -> {
                    return new Result(Result.Kind.PAUSED, push.commit(), diff, edit.detail(), attempt, java.util.Optional.of(edit.text()));
                }
                case UP_TO_DATE -> {
                    return new Result(Result.Kind.ALREADY_PAUSED, push.commit(), "", "the remote already had this pause commit", attempt,
                            java.util.Optional.of(edit.text()));
                }
                case DENIED -> {
                    return new Result(Result.Kind.REFUSED, snapshot.commit(), diff, "the remote refused the push: " + push.detail(), attempt,
                            snapshot.text());
                }
                case REJECTED -> LOG.infof("push of the pause was rejected (the branch moved, attempt %d of %d): fetching and re-checking",
                        attempt, attempts);
            }
        }
        throw new GitUnavailableException("the push was rejected " + attempts + " times in a row: " + repository.describe()
                + " keeps moving");
    }
}
