package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.BranchState;
import io.torghut.prober.adapter.git.GitAuthorizationException;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.git.ManifestRepository;
import io.torghut.prober.adapter.git.ManifestSnapshot;
import io.torghut.prober.adapter.git.PushOutcome;
import io.torghut.prober.adapter.git.Refusal;
import io.torghut.prober.feature.pause.manifest.ManifestEdit;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.feature.pause.manifest.UnifiedDiff;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The compare-and-swap loop of a pause: fetch, read what git says ({@link BranchState}), decide, edit, commit, push;
 * when the push loses a race (the branch moved, a lock, any rejection that is not a refusal), fetch again, re-check
 * (someone may have paused, or resumed, meanwhile) and re-decide, up to {@code attempts} times. Concurrent pauses share
 * one round ({@link SingleFlight}): a request arriving while a round is in flight waits for its outcome instead of
 * queueing its own fetch, except when that round decided not to pause: that decision was about another request's
 * episode, so the late request decides for itself.
 */
public final class GitOpsPauser {
    private static final Logger LOG = Logger.getLogger(GitOpsPauser.class);
    private final ManifestRepository repository;
    private final TradingFlagEditor editor;
    private final int attempts;
    private final SingleFlight<Result> rounds = new SingleFlight<>();
    /** Fetches so far; guarded by the repository's lock, like the fetches themselves. */
    private long reads;

    public GitOpsPauser(ManifestRepository repository, TradingFlagEditor editor, int attempts) {
        this.repository = repository;
        this.editor = editor;
        this.attempts = attempts;
    }

    /**
     * What one pause did. {@code commit} is the pushed commit, or the tip as read; {@code manifest} the manifest at that
     * commit (empty when there is none); {@code branch} what git said at the last read of the round (before this
     * round's own push).
     */
    public record Result(Kind kind, String commit, String diff, String detail, int attempts, Optional<String> manifest,
                         BranchState branch, Optional<Refusal> refusal) {
        /** Outcomes of a pause against git. */
        public enum Kind {
            /** This round's commit is on the branch. */
            PAUSED,
            /** Git already says "false". */
            ALREADY_PAUSED,
            /** The decider said not to pause (a human resumed within the episode). */
            HELD,
            /** The manifest cannot be edited, or the host refuses the credentials or the push. */
            REFUSED
        }

        /** This round's outcome as seen by a request that joined it: the commit is someone else's, so already paused. */
        Result joined() {
            return kind == Kind.PAUSED ? new Result(Kind.ALREADY_PAUSED, commit, "", "paused by a concurrent request in the same git round: "
                    + detail, attempts, manifest, branch, refusal) : this;
        }
    }

    /** Reads the tip and its history without editing; never in the middle of a round, whose commit builds on its own read. */
    public BranchState read() throws GitUnavailableException {
        synchronized (repository) {
            ManifestSnapshot snapshot = repository.sync();
            return new BranchState(snapshot, repository.history(editor::current), ++reads);
        }
    }

    public ManifestRepository repository() {
        return repository;
    }

    public TradingFlagEditor editor() {
        return editor;
    }

    /**
     * @param decider asked, after each fetch that finds trading on, whether to pause and with which message; a request
     *                that joins a round in flight gets that round's outcome and its decider is not asked, unless the
     *                round held back
     */
    public Result pause(PauseDecider decider) throws GitUnavailableException {
        while (true) {
            SingleFlight.Shared<Result> shared = rounds.run(() -> {
                synchronized (repository) {
                    return round(decider);
                }
            });
            if (shared.ran()) {
                return shared.value();
            }
            if (shared.value().kind() != Result.Kind.HELD) {
                return shared.value().joined();
            }
        }
    }

    private Result round(PauseDecider decider) throws GitUnavailableException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ManifestSnapshot snapshot;
            try {
                snapshot = repository.sync();
            } catch (GitAuthorizationException e) {
                return new Result(Result.Kind.REFUSED, "none", "", e.getMessage(), attempt, Optional.empty(), BranchState.none(++reads),
                        Optional.of(e.refusal()));
            }
            BranchState branch = new BranchState(snapshot, repository.history(editor::current), ++reads);
            if (snapshot.problem().isPresent() || snapshot.text().isEmpty()) {
                String why = snapshot.problem().orElse("no manifest at " + repository.describe());
                Refusal refusal = snapshot.commit().equals("none") ? Refusal.NO_BRANCH : Refusal.MANIFEST;
                return new Result(Result.Kind.REFUSED, snapshot.commit(), "", why, attempt, Optional.empty(), branch, Optional.of(refusal));
            }
            String before = snapshot.text().get();
            ManifestEdit edit = editor.set(before, false);
            switch (edit.outcome()) {
                case UNCHANGED -> {
                    return new Result(Result.Kind.ALREADY_PAUSED, snapshot.commit(), "", edit.detail(), attempt, snapshot.text(), branch,
                            Optional.empty());
                }
                case REFUSED -> {
                    return new Result(Result.Kind.REFUSED, snapshot.commit(), "", edit.detail(), attempt, snapshot.text(), branch,
                            Optional.of(Refusal.MANIFEST));
                }
                default -> {
                }
            }
            PauseDecider.Decision decision = decider.decide(branch);
            if (decision instanceof PauseDecider.Hold hold) {
                return new Result(Result.Kind.HELD, snapshot.commit(), "", hold.why(), attempt, snapshot.text(), branch, Optional.empty());
            }
            String diff = UnifiedDiff.of(repository.manifestPath(), before, edit.text());
            PushOutcome push = repository.commitAndPush(before, edit.text(), ((PauseDecider.Pause) decision).message().apply(edit));
            switch (push.status()) {
                case PUSHED -> {
                    return new Result(Result.Kind.PAUSED, push.commit(), diff, edit.detail(), attempt, Optional.of(edit.text()), branch,
                            Optional.empty());
                }
                case UP_TO_DATE -> {
                    return new Result(Result.Kind.ALREADY_PAUSED, push.commit(), "", "the remote already had this pause commit", attempt,
                            Optional.of(edit.text()), branch, Optional.empty());
                }
                case DENIED_AUTHORIZATION, DENIED_PROTECTED, DENIED_UNSIGNED, DENIED_HOST_KEY, NOT_COMMITTED -> {
                    return new Result(Result.Kind.REFUSED, snapshot.commit(), diff, push.detail(), attempt, snapshot.text(), branch,
                            push.refusalReason());
                }
                case REJECTED -> LOG.infof("push of the pause lost a race (attempt %d of %d: %s): fetching and re-checking",
                        attempt, attempts, push.detail());
            }
        }
        throw new GitUnavailableException("the push was rejected " + attempts + " times in a row: " + repository.describe()
                + " keeps moving");
    }
}
