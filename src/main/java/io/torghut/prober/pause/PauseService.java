package io.torghut.prober.pause;

import io.torghut.prober.gitops.GitOpsPauser;
import io.torghut.prober.gitops.GitUnavailableException;
import io.torghut.prober.gitops.ManifestEdit;
import io.torghut.prober.gitops.ManifestSnapshot;
import io.torghut.prober.k8s.ArgoCdSync;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Decides and performs pauses: the only class that acts. Modes: off (409), recommend (the plan, recorded once per
 * notification), trigger (commit + push through {@link GitOpsPauser}, Argo CD sync, effectiveness tracking).
 * Resolved notifications never resume. Git or Argo CD unreachable: 503 to the caller plus internal retries. What git
 * says is kept by {@link GitDesiredState}.
 */
public class PauseService {
    private static final Logger LOG = Logger.getLogger(PauseService.class);
    private final PauseMode mode;
    private final GitDesiredState desired;
    private final ArgoSyncs syncs;
    private final PauseAudit audit;
    private final PauseState state;
    private final EffectivenessTracker tracker;
    private final PendingRetries retries;
    private final Clock clock;
    private final AtomicReference<PauseRequest> pendingRequest = new AtomicReference<>();
    private final PausesInFlight inFlight = new PausesInFlight();

    /** @param argo empty when the Kubernetes API is off ({@code prober.kubernetes.enabled=false}) */
    public PauseService(PauseMode mode, GitDesiredState desired, Optional<ArgoCdSync> argo, PauseAudit audit, PauseState state,
                        EffectivenessTracker tracker, PendingRetries retries, Clock clock) {
        this.mode = mode;
        this.desired = desired;
        this.syncs = new ArgoSyncs(argo, retries, state, kind -> retryPending());
        this.audit = audit;
        this.state = state;
        this.tracker = tracker;
        this.retries = retries;
        this.clock = clock;
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
        if (!inFlight.enter()) {
            LOG.warnf("pause request from %s not started: the prober is stopping", request.source());
            return PauseRecords.Answer.stopping(mode);
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
    public boolean stop(Duration timeout) throws InterruptedException {
        return inFlight.closeAndAwait(timeout);
    }

    private PauseRecords.Answer recommend(PauseRequest request) {
        Optional<ManifestSnapshot> snapshot = Optional.empty();
        String why = "git is not configured (GITOPS_REPO_URL): the diff cannot be shown";
        if (desired.configured()) {
            try {
                snapshot = Optional.of(desired.read());
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
        Optional<String> key = request.idempotencyKey();
        if (key.isPresent() && state.handled(key.get(), clock.instant())) {
            syncs.retryIfPending();
            audit.record(mode, AuditEntry.of(PauseResult.ALREADY_PAUSED, request, "same notification already handled"));
            return PauseRecords.Answer.duplicate(mode);
        }
        GitOpsPauser.Result result;
        try {
            PausePlanner planner = desired.planner();
            Function<ManifestEdit, String> message = edit -> CommitMessage.pause(request, desired.manifestPath(), edit.detail(),
                    planner.diagnoseUrl(), planner.instance());
            result = desired.git().orElseThrow().pause(message);
        } catch (GitUnavailableException e) {
            return gitUnavailable(request, retry, e.getMessage());
        }
        pendingRequest.set(null);
        desired.remember(result.commit(), result.manifest(), result.kind() == GitOpsPauser.Result.Kind.REFUSED && result.manifest().isEmpty()
                ? Optional.of(result.detail()) : Optional.empty());
        if (state.pending().filter(p -> p.kind() == PendingKind.GIT).isPresent()) {
            retries.clear();
        }
        return switch (result.kind()) {
            case REFUSED -> {
                audit.record(mode, AuditEntry.of(PauseResult.REFUSED, request, result.detail()).withCommit(result.commit()));
                state.lastAction(action(PauseResult.REFUSED, request, null, result.detail(), null));
                yield PauseRecords.Answer.refused(mode, result.detail());
            }
            case ALREADY_PAUSED -> {
                key.ifPresent(k -> state.markHandled(k, clock.instant()));
                syncs.retryIfPending();
                audit.record(mode, AuditEntry.of(PauseResult.ALREADY_PAUSED, request, result.detail()).withCommit(result.commit()));
                state.lastAction(action(PauseResult.ALREADY_PAUSED, request, result.commit(), result.detail(), null));
                yield PauseRecords.Answer.alreadyPaused(mode, result.commit());
            }
            case PAUSED -> paused(request, result);
        };
    }

    /** Git could not be reached: retried with backoff until {@code prober.pause.retry-for}, then given up loudly. */
    private PauseRecords.Answer gitUnavailable(PauseRequest request, boolean retry, String error) {
        pendingRequest.set(request);
        if (!retries.failed(PendingKind.GIT, error, null, kind -> retryPending())) {
            audit.record(mode, AuditEntry.of(PauseResult.GAVE_UP, request, error));
            return PauseRecords.Answer.gaveUp(mode, error);
        }
        audit.record(mode, AuditEntry.of(PauseResult.PENDING, request, error).repeated(retry));
        state.lastAction(action(PauseResult.PENDING, request, null, error, null));
        return PauseRecords.Answer.pending(mode, error);
    }

    private PauseRecords.Answer paused(PauseRequest request, GitOpsPauser.Result result) {
        request.idempotencyKey().ifPresent(key -> state.markHandled(key, clock.instant()));
        tracker.start(result.commit());
        ArgoCdSync.Result sync = syncs.request(result.commit(), String.join("; ", request.reasons()));
        audit.record(mode, AuditEntry.of(PauseResult.PAUSED, request, result.detail()).withCommit(result.commit()).withArgocd(sync.message()));
        state.lastAction(action(PauseResult.PAUSED, request, result.commit(), result.detail(), sync.message()));
        return PauseRecords.Answer.paused(mode, result.commit(), result.diff(), sync.message(), sync.transientFailure());
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

    private PauseRecords.Action action(PauseResult what, PauseRequest request, String commit, String detail, String argocd) {
        return new PauseRecords.Action(clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), mode.label(), what.label(),
                request.source(), request.requestedBy(), request.reasons(), commit, detail, argocd);
    }
}
