package io.torghut.prober.pause;

import io.torghut.prober.gitops.GitOpsPauser;
import io.torghut.prober.gitops.GitUnavailableException;
import io.torghut.prober.gitops.ManifestSnapshot;
import io.torghut.prober.gitops.TradingFlagEditor;
import io.torghut.prober.k8s.ArgoCdSync;
import io.torghut.prober.model.TradingFlag;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Decides and performs pauses: the only class that acts. Modes: off (409), recommend (the plan, recorded once per
 * notification), trigger (commit + push through {@link GitOpsPauser}, Argo CD sync, effectiveness tracking).
 * Resolved notifications never resume. Git or Argo CD unreachable: 503 to the caller plus internal retries.
 */
public class PauseService {
    private static final Logger LOG = Logger.getLogger(PauseService.class);
    private final PauseMode mode;
    private final Optional<GitOpsPauser> git;
    private final PausePlanner planner;
    private final ArgoSyncs syncs;
    private final PauseAudit audit;
    private final PauseState state;
    private final EffectivenessTracker tracker;
    private final PendingRetries retries;
    private final Clock clock;
    private final String manifestPath;
    private final AtomicReference<PauseRequest> pendingRequest = new AtomicReference<>();
    private final PausesInFlight inFlight = new PausesInFlight();

    public PauseService(PauseMode mode, Optional<GitOpsPauser> git, PausePlanner planner, Optional<ArgoCdSync> argo,
                        PauseAudit audit, PauseState state, EffectivenessTracker tracker, PendingRetries retries, Clock clock,
                        String manifestPath) {
        this.mode = mode;
        this.git = git;
        this.planner = planner;
        this.syncs = new ArgoSyncs(argo, retries, state, kind -> retryPending());
        this.audit = audit;
        this.state = state;
        this.tracker = tracker;
        this.retries = retries;
        this.clock = clock;
        this.manifestPath = manifestPath;
    }

    public PauseMode mode() {
        return mode;
    }

    public PauseRecords.Answer handle(PauseRequest request) {
        if (mode == PauseMode.OFF) {
            audit.record(mode, PauseResult.DISABLED, request, null, "pause mode is off", null, false);
            return answer(409, "disabled", "pausing is switched off (prober.pause.mode=off, PROBER_PAUSE_MODE)", null, null, null, null);
        }
        if (request.resolved()) {
            audit.record(mode, PauseResult.NONE, request, null, "resolved notification: resuming is a human decision made in git", null, false);
            return answer(200, "none", "resolved notifications never resume trading; resume by setting TRADING_ENABLED back to \"true\" in git",
                    null, null, null, null);
        }
        if (mode == PauseMode.RECOMMEND) {
            return recommend(request);
        }
        if (!inFlight.enter()) {
            LOG.warnf("pause request from %s not started: the prober is stopping", request.source());
            return answer(503, "stopping", "the prober is stopping: nothing was committed; retry (Alertmanager does), another replica "
                    + "or the restarted prober takes it", null, null, null, null);
        }
        try {
            return trigger(request, false);
        } finally {
            inFlight.exit();
        }
    }

    /**
     * At shutdown: starts no new pause and waits at most {@code timeout} for those under way (their commit, Argo CD sync
     * and audit); true when none is left.
     */
    public boolean stop(java.time.Duration timeout) throws InterruptedException {
        return inFlight.closeAndAwait(timeout);
    }

    private PauseRecords.Answer recommend(PauseRequest request) {
        Optional<ManifestSnapshot> snapshot = Optional.empty();
        String why = "git is not configured (GITOPS_REPO_URL): the diff cannot be shown";
        if (git.isPresent()) {
            try {
                snapshot = Optional.of(read());
            } catch (GitUnavailableException e) {
                why = e.getMessage();
            }
        }
        PausePlan plan = planner.plan(request, snapshot, why);
        boolean first = request.idempotencyKey().map(key -> !state.handled(key, clock.instant())).orElse(true);
        request.idempotencyKey().ifPresent(key -> state.markHandled(key, clock.instant()));
        if (first) {
            audit.record(mode, PauseResult.RECOMMENDED, request, null, plan.note() == null ? "plan computed" : plan.note(), null, true);
            state.lastAction(action("recommended", request, null, plan.note(), null));
        }
        return answer(200, "recommended", "recommend mode: nothing was committed; apply the plan or switch to trigger mode",
                null, plan.diff(), null, plan);
    }

    /** @param retry an internal retry (no Event for a repeated failure) */
    PauseRecords.Answer trigger(PauseRequest request, boolean retry) {
        Optional<String> key = request.idempotencyKey();
        if (key.isPresent() && state.handled(key.get(), clock.instant())) {
            syncs.retryIfPending();
            audit.record(mode, PauseResult.ALREADY_PAUSED, request, null, "same notification already handled", null, false);
            return answer(200, "already-paused", "this notification (group key and fingerprints) was already handled", null, null, null, null);
        }
        GitOpsPauser.Result result;
        try {
            Function<io.torghut.prober.gitops.ManifestEdit, String> message = edit -> CommitMessage.pause(request, manifestPath,
                    edit.detail(), planner.diagnoseUrl(), planner.instance());
            result = git.orElseThrow().pause(message);
        } catch (GitUnavailableException e) {
            pendingRequest.set(request);
            if (!retries.failed(PendingKind.GIT, e.getMessage(), null, kind -> retryPending())) {
                audit.record(mode, PauseResult.GAVE_UP, request, null, e.getMessage(), null, true);
                return answer(503, "failed", "gave up after retrying: " + e.getMessage(), null, null, null, null);
            }
            audit.record(mode, PauseResult.PENDING, request, null, e.getMessage(), null, !retry);
            state.lastAction(action("pending", request, null, e.getMessage(), null));
            return answer(503, "pending", e.getMessage() + "; the prober retries, and so may the caller", null, null, null, null);
        }
        pendingRequest.set(null);
        remember(result.commit(), result.manifest(), result.kind() == GitOpsPauser.Result.Kind.REFUSED && result.manifest().isEmpty()
                ? Optional.of(result.detail()) : Optional.empty());
        if (state.pending().filter(p -> p.kind() == PendingKind.GIT).isPresent()) {
            retries.clear();
        }
        return switch (result.kind()) {
            case REFUSED -> {
                audit.record(mode, PauseResult.REFUSED, request, result.commit(), result.detail(), null, true);
                state.lastAction(action("refused", request, null, result.detail(), null));
                yield answer(409, "refused", result.detail(), null, null, null, null);
            }
            case ALREADY_PAUSED -> {
                key.ifPresent(k -> state.markHandled(k, clock.instant()));
                syncs.retryIfPending();
                audit.record(mode, PauseResult.ALREADY_PAUSED, request, result.commit(), result.detail(), null, false);
                state.lastAction(action("already-paused", request, result.commit(), result.detail(), null));
                yield answer(200, "already-paused", "TRADING_ENABLED is already \"false\" in git; no commit", result.commit(), null, null, null);
            }
            case PAUSED -> paused(request, result);
        };
    }

    private PauseRecords.Answer paused(PauseRequest request, GitOpsPauser.Result result) {
        request.idempotencyKey().ifPresent(key -> state.markHandled(key, clock.instant()));
        tracker.start(result.commit());
        ArgoCdSync.Result sync = syncs.request(result.commit(), String.join("; ", request.reasons()));
        audit.record(mode, PauseResult.PAUSED, request, result.commit(), result.detail(), sync.message(), true);
        state.lastAction(action("paused", request, result.commit(), result.detail(), sync.message()));
        if (sync.transientFailure()) {
            return answer(503, "paused", "committed " + result.commit() + " but " + sync.message() + "; retrying the Argo CD sync",
                    result.commit(), result.diff(), sync.message(), null);
        }
        return answer(200, "paused", "committed and pushed " + result.commit(), result.commit(), result.diff(), sync.message(), null);
    }

    /** Run by the retry scheduler. */
    synchronized void retryPending() {
        PauseRecords.Pending pending = state.pending().orElse(null);
        if (pending == null || !inFlight.enter()) {
            return;
        }
        try {
            if (pending.kind() == PendingKind.ARGOCD) {
                syncs.retryIfPending();
            } else if (pendingRequest.get() != null) {
                trigger(pendingRequest.get(), true);
            }
        } finally {
            inFlight.exit();
        }
    }

    /**
     * Asks Argo CD to sync {@code revision} for a pause picked up from git after a restart ({@link PauseResumption}),
     * retried like any sync while Argo CD is unreachable, until the rollout is confirmed.
     */
    void syncResumed(String revision) {
        if (!inFlight.enter()) {
            return;
        }
        try {
            LOG.infof("resumed pause: %s", syncs.request(revision, "pause resumed after a prober restart: not in force yet").message());
        } finally {
            inFlight.exit();
        }
    }

    /** The pause is in force: an Argo CD sync still being retried is no longer needed. */
    void rolloutConfirmed() {
        syncs.confirmed();
    }

    /** Reads git (fetch) for the desired state; used by the scheduler and recommend mode. */
    public ManifestSnapshot read() throws GitUnavailableException {
        try {
            ManifestSnapshot snapshot = git.orElseThrow().read();
            remember(snapshot.commit(), snapshot.text(), snapshot.problem());
            return snapshot;
        } catch (GitUnavailableException e) {
            PauseRecords.GitView before = state.git();
            state.git(new PauseRecords.GitView(before.desired(), before.commit(), before.readAt(), e.getMessage(), before.text()));
            throw e;
        }
    }

    /** @param problem why there is no editable manifest (a symbolic link, a submodule...), when git said so */
    private void remember(String commit, Optional<String> text, Optional<String> problem) {
        TradingFlag desired = text.map(t -> PausePlanner.desired(planner.editor().set(t, false))).orElse(TradingFlag.UNKNOWN);
        String error = text.isPresent() ? null : problem.orElse("no manifest at " + manifestPath);
        state.git(new PauseRecords.GitView(desired, commit, now(), error, text.orElse(null)));
    }

    public boolean gitConfigured() {
        return git.isPresent();
    }

    /** The plan for the current reasons, from the manifest as last read. */
    public PausePlan currentPlan(List<String> reasons) {
        PauseRecords.GitView view = state.git();
        Optional<ManifestSnapshot> snapshot = view.text() == null ? Optional.empty()
                : Optional.of(new ManifestSnapshot(view.commit(), Optional.of(view.text())));
        PauseRequest request = new PauseRequest("view", false, "GET /pause", reasons, List.of(), Optional.empty(), 0);
        return planner.plan(request, snapshot, git.isEmpty() ? "git is not configured (GITOPS_REPO_URL)" : String.valueOf(view.error()));
    }

    public TradingFlagEditor editor() {
        return planner.editor();
    }

    private PauseRecords.Action action(String what, PauseRequest request, String commit, String detail, String argocd) {
        return new PauseRecords.Action(now(), mode.label(), what, request.source(), request.requestedBy(), request.reasons(), commit,
                detail, argocd);
    }

    private PauseRecords.Answer answer(int status, String action, String message, String commit, String diff, String argocd, PausePlan plan) {
        return new PauseRecords.Answer(status, action, mode.label(), message, commit, diff, argocd, plan);
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
