package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.AuditEntry;
import io.torghut.prober.feature.pause.model.BranchState;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PausePlan;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PauseResult;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.rollout.ArgoOperation;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.git.ManifestSnapshot;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Decides and performs pauses: the only class that acts. Modes: off (409), recommend (the plan, recorded once per
 * notification), trigger (the git round, the Argo CD sync, the effectiveness tracking). Every trigger decision is
 * made on what git says at that moment, read inside the round ({@link GitOpsPauser}): already "false" is
 * {@code already-paused}; a human's resume within the same episode is {@code resumed-by-human}
 * ({@link HumanResumeRule}); otherwise the pause is committed. The caller gets an answer within
 * {@code answerWithin}; a round that takes longer goes on, and whatever it ends with is settled when it does (a push
 * that lands late is still synced and tracked). Faults that are not the request's (git unreachable, the host
 * refusing, a manifest that cannot be edited) are 503 with internal retries. Resolved notifications never resume.
 */
public class PauseService {
    private static final Logger LOG = Logger.getLogger(PauseService.class);
    private final PauseMode mode;
    private final GitDesiredState desired;
    private final ArgoSyncs syncs;
    private final AuditTrail audit;
    private final PauseState state;
    private final EffectivenessTracker tracker;
    private final PendingRetries retries;
    private final Clock clock;
    private final VerdictEpisodes episodes;
    private final Executor gitWork;
    private final Duration answerWithin;
    private final PauseReconciler reconciler;
    private final AtomicReference<PauseRequest> pendingRequest = new AtomicReference<>();
    private final PausesInFlight inFlight = new PausesInFlight();
    /** Rounds end on the git executor, a late one after its caller was answered: their effects apply one at a time. */
    private final Object settling = new Object();

    /**
     * @param argo         empty when the Kubernetes API is off ({@code prober.kubernetes.enabled=false})
     * @param gitWork      where git rounds run, off the caller's thread
     * @param answerWithin how long a caller waits for a round ({@code prober.gitops.timeout})
     */
    public PauseService(PauseMode mode, GitDesiredState desired, Optional<ArgoCdSync> argo, AuditTrail audit, PauseState state,
                        EffectivenessTracker tracker, PendingRetries retries, Clock clock, VerdictEpisodes episodes,
                        Executor gitWork, Duration answerWithin) {
        this.mode = mode;
        this.desired = desired;
        this.syncs = new ArgoSyncs(argo, retries, state, kind -> retryPending());
        this.audit = audit;
        this.state = state;
        this.tracker = tracker;
        this.retries = retries;
        this.clock = clock;
        this.episodes = episodes;
        this.gitWork = gitWork;
        this.answerWithin = answerWithin;
        this.reconciler = new PauseReconciler(mode, tracker, syncs, this::syncFollowed);
    }

    public PauseMode mode() {
        return mode;
    }

    public PauseRecords.Answer handle(PauseRequest request) {
        if (mode == PauseMode.OFF) {
            audit.record(mode, AuditEntry.of(PauseResult.DISABLED, request, "pause mode is off"));
            return PauseRecords.Answer.disabled(mode);
        }
        if (request.resolved()) {
            audit.record(mode, AuditEntry.of(PauseResult.NONE, request, "resolved notification: resuming is a human decision made in git"));
            return PauseRecords.Answer.resolved(mode);
        }
        if (mode == PauseMode.RECOMMEND) {
            return recommend(request);
        }
        return trigger(request, false);
    }

    /**
     * At shutdown: starts no new pause and waits at most {@code timeout} for those under way (their commit, Argo CD sync
     * and audit); true when none is left.
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        return inFlight.closeAndAwait(timeout);
    }

    /**
     * After every read of git (the refresh schedule): the follow-up is made to match what git says
     * ({@link PauseReconciler}). A read older than what a pause pushed since is skipped.
     */
    public void reconcile(GitDesiredState.Read read) {
        if (read.current()) {
            synchronized (settling) {
                reconciler.reconcile(read.branch().history());
            }
        }
    }

    private PauseRecords.Answer recommend(PauseRequest request) {
        Optional<ManifestSnapshot> snapshot = Optional.empty();
        String why = "git is not configured (GITOPS_REPO_URL): the diff cannot be shown";
        if (desired.configured()) {
            try {
                snapshot = Optional.of(desired.read().branch().manifest());
            } catch (GitUnavailableException e) {
                why = e.getMessage();
            }
        }
        PausePlan plan = desired.planner().plan(request, snapshot, why);
        boolean first = request.idempotencyKey().map(key -> !state.handled(key, clock.instant())).orElse(true);
        request.idempotencyKey().ifPresent(key -> state.markHandled(key, clock.instant()));
        if (first) {
            audit.record(mode, AuditEntry.of(PauseResult.RECOMMENDED, request, plan.note() == null ? "plan computed" : plan.note()));
            state.lastAction(action(PauseResult.RECOMMENDED, request, null, plan.note(), null));
        }
        return PauseRecords.Answer.recommended(mode, plan);
    }

    /** @param retry an internal retry (no Event for a repeated failure) */
    PauseRecords.Answer trigger(PauseRequest request, boolean retry) {
        if (!inFlight.enter()) {
            LOG.warnf("pause request from %s not started: the prober is stopping", request.source());
            return PauseRecords.Answer.stopping(mode);
        }
        CompletableFuture<PauseRecords.Answer> settled = new CompletableFuture<>();
        try {
            gitWork.execute(() -> {
                try {
                    settled.complete(settle(request, retry, round(request)));
                } catch (RuntimeException | Error e) {
                    settled.completeExceptionally(e);
                } finally {
                    inFlight.exit();
                }
            });
        } catch (RejectedExecutionException stopping) {
            inFlight.exit();
            return PauseRecords.Answer.stopping(mode);
        }
        try {
            return settled.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return slow(request, retry);
        } catch (ExecutionException e) {
            LOG.errorf("pause failed unexpectedly: %s", e.getCause().toString());
            return gitUnavailable(request, retry, "the pause failed unexpectedly (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PauseRecords.Answer.stopping(mode);
        }
    }

    /** One git round, with this request's decision inside it; a failure to reach git is an outcome, not an exception. */
    private Round round(PauseRequest request) {
        try {
            return new Round(Optional.of(desired.git().orElseThrow().pause(branch -> decide(request, branch))), null);
        } catch (GitUnavailableException e) {
            return new Round(Optional.empty(), e.getMessage());
        }
    }

    /** What a round ended with: its result, or why git could not be used. */
    private record Round(Optional<GitOpsPauser.Result> result, String unavailable) {
    }

    /** Asked inside the round, after the fetch, when git still says trading is on. */
    private PauseDecider.Decision decide(PauseRequest request, BranchState branch) {
        PausePlanner planner = desired.planner();
        Optional<BranchHistory.FlagChange> resume = branch.history().humanResume();
        Optional<CommitMessage.Follows> follows = Optional.empty();
        if (resume.isPresent()) {
            HumanResumeRule.Ruling ruling = HumanResumeRule.rule(request, resume.get(), episodes.current());
            if (!ruling.pause()) {
                return new PauseDecider.Hold(ruling.why());
            }
            follows = Optional.of(new CommitMessage.Follows(resume.get(), ruling.why()));
        }
        Optional<CommitMessage.Follows> named = follows;
        return new PauseDecider.Pause(edit -> CommitMessage.pause(request, desired.manifestPath(), edit.detail(), planner.diagnoseUrl(),
                planner.instance(), named));
    }

    /** Applies what a round ended with (now, or late after its caller was answered) and makes the answer. */
    private PauseRecords.Answer settle(PauseRequest request, boolean retry, Round round) {
        synchronized (settling) {
            if (round.result().isEmpty()) {
                return gitUnavailable(request, retry, round.unavailable());
            }
            GitOpsPauser.Result result = round.result().get();
            return switch (result.kind()) {
                case REFUSED -> refused(request, retry, result);
                case ALREADY_PAUSED -> alreadyPaused(request, result);
                case HELD -> held(request, result);
                case PAUSED -> paused(request, result);
            };
        }
    }

    private PauseRecords.Answer paused(PauseRequest request, GitOpsPauser.Result result) {
        desired.rememberPushed(result, desired.planner().instance());
        gitDone();
        tracker.start(result.commit());
        ArgoCdSync.Result sync = syncs.request(result.commit(), String.join("; ", request.reasons()));
        String argocd = sync.message() + argoSaid(syncs.check());
        audit.record(mode, AuditEntry.of(PauseResult.PAUSED, request, result.detail()).withCommit(result.commit()).withArgocd(argocd));
        state.lastAction(action(PauseResult.PAUSED, request, result.commit(), result.detail(), argocd));
        return PauseRecords.Answer.paused(mode, result.commit(), result.diff(), argocd, sync.transientFailure());
    }

    /** Git says "false" at this moment: true of git, whoever set it; its rollout is followed and synced. */
    private PauseRecords.Answer alreadyPaused(PauseRequest request, GitOpsPauser.Result result) {
        BranchHistory history = result.branch().history();
        boolean fresh = desired.remember(result.branch()) && history.atTip() == TradingFlag.DISABLED;
        if (fresh) {
            reconciler.reconcile(history);
        }
        gitDone();
        syncs.retryIfPending();
        String argocd = argoSaid(syncs.check());
        String since = fresh ? history.lastChange().map(BranchHistory.FlagChange::commit).orElse(null) : null;
        audit.record(mode, AuditEntry.of(PauseResult.ALREADY_PAUSED, request, result.detail()).withCommit(result.commit()));
        state.lastAction(action(PauseResult.ALREADY_PAUSED, request, result.commit(), result.detail(), null));
        PauseRecords.Answer answer = PauseRecords.Answer.alreadyPaused(mode, result.commit(), since);
        return argocd.isEmpty() ? answer : answer.withArgocd(argocd.substring(2));
    }

    /** A human resumed within this request's episode: no commit, and the answer says who and when. */
    private PauseRecords.Answer held(PauseRequest request, GitOpsPauser.Result result) {
        desired.remember(result.branch());
        gitDone();
        BranchHistory history = result.branch().history();
        PauseRecords.HumanResume resume = PauseRecords.HumanResume.of(history.humanResume().orElseThrow(), history);
        audit.record(mode, AuditEntry.of(PauseResult.RESUMED_BY_HUMAN, request, result.detail()).withCommit(resume.commit()));
        state.lastAction(action(PauseResult.RESUMED_BY_HUMAN, request, resume.commit(), result.detail(), null));
        return PauseRecords.Answer.resumedByHuman(mode, resume, result.detail());
    }

    /**
     * The manifest cannot be edited, or the host refused: not the request's fault, and a person can fix it (the
     * manifest, the credentials, the branch protection, the end of a maintenance), so 503 and retried like an
     * unreachable host. {@code refused} stays in the audit, the metric and the finding.
     */
    private PauseRecords.Answer refused(PauseRequest request, boolean retry, GitOpsPauser.Result result) {
        desired.rememberRefusal(result);
        state.refusal(result.refusal().orElse(null));
        pendingRequest.set(request);
        if (!retries.failed(PendingKind.GIT, "refused: " + result.detail(), null, kind -> retryPending())) {
            pendingRequest.set(null);
            state.refusal(null);
            audit.record(mode, AuditEntry.of(PauseResult.GAVE_UP, request, result.detail()));
            return PauseRecords.Answer.gaveUp(mode, result.detail());
        }
        audit.record(mode, AuditEntry.of(PauseResult.REFUSED, request, result.detail()).withCommit(result.commit()).repeated(retry));
        state.lastAction(action(PauseResult.REFUSED, request, null, result.detail(), null));
        return PauseRecords.Answer.refused(mode, result.refusal(), result.detail());
    }

    /** Git could not be reached: retried with backoff until {@code prober.pause.retry-for}, then given up loudly. */
    private PauseRecords.Answer gitUnavailable(PauseRequest request, boolean retry, String error) {
        pendingRequest.set(request);
        state.refusal(null);
        if (!retries.failed(PendingKind.GIT, error, null, kind -> retryPending())) {
            pendingRequest.set(null);
            audit.record(mode, AuditEntry.of(PauseResult.GAVE_UP, request, error));
            return PauseRecords.Answer.gaveUp(mode, error);
        }
        audit.record(mode, AuditEntry.of(PauseResult.PENDING, request, error).repeated(retry));
        state.lastAction(action(PauseResult.PENDING, request, null, error, null));
        return PauseRecords.Answer.pending(mode, error);
    }

    /**
     * The round outlived the caller's wait (a slow host; JGit's push waits up to ten times its timeout for the host's
     * report). It goes on and is settled when it ends; meanwhile the pause is pending and a retry is scheduled.
     */
    private PauseRecords.Answer slow(PauseRequest request, boolean retry) {
        String error = "git did not finish within " + answerWithin.toSeconds() + "s (" + desired.repository() + "); the push may still "
                + "land: the prober reads git again, and follows up a pause it finds there (Argo CD sync, rollout)";
        synchronized (settling) {
            return gitUnavailable(request, retry, error);
        }
    }

    /** Git answered this pause: nothing of it is pending any more. */
    private void gitDone() {
        pendingRequest.set(null);
        state.refusal(null);
        if (state.pending().filter(p -> p.kind() == PendingKind.GIT).isPresent()) {
            retries.clear();
        }
    }

    /** Run by the retry schedule. */
    void retryPending() {
        PauseRecords.Pending pending = state.pending().orElse(null);
        if (pending == null) {
            return;
        }
        if (pending.kind() == PendingKind.ARGOCD) {
            if (inFlight.enter()) {
                try {
                    syncs.retryIfPending();
                } finally {
                    inFlight.exit();
                }
            }
            return;
        }
        PauseRequest request = pendingRequest.get();
        if (request != null) {
            trigger(request, true);
        }
    }

    /**
     * Asks Argo CD to sync {@code revision} for a pause found in git that is not in force ({@link PauseReconciler}),
     * retried like any sync while Argo CD is unreachable, until the rollout is confirmed.
     */
    void syncFollowed(String revision) {
        if (!inFlight.enter()) {
            return;
        }
        try {
            LOG.infof("pause found in git, not in force yet: %s", syncs.request(revision, "pause found in git, not in force yet").message());
        } finally {
            inFlight.exit();
        }
    }

    /** When Argo CD said no to the sync (known in time for the answer): "; Argo CD ...". */
    private String argoSaid(Optional<ArgoOperation> operation) {
        return operation.filter(o -> o.state().refused())
                .map(o -> "; Argo CD did not roll it out: " + o.state().label() + ": " + o.message() + " (" + syncs.remedy(o) + ")")
                .orElse("");
    }

    /** Run with the effectiveness checks while a pause is followed: what Argo CD made of the sync. */
    public void checkArgo() {
        syncs.check();
    }

    /** The remedy for a refused sync, with the configured Application and namespace. */
    public String argoRemedy(ArgoOperation operation) {
        return syncs.remedy(operation);
    }

    /** The pause is in force: an Argo CD sync still being retried is no longer needed. */
    public void rolloutConfirmed() {
        syncs.confirmed();
    }

    private PauseRecords.Action action(PauseResult what, PauseRequest request, String commit, String detail, String argocd) {
        return new PauseRecords.Action(clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), mode.label(), what.label(),
                request.source(), request.requestedBy(), request.reasons(), commit, detail, argocd);
    }
}
