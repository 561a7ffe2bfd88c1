package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.rollout.ArgoOperation;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The Argo CD side of a pause: asks for the sync of a revision and, while Argo CD is unreachable, keeps asking with
 * backoff ({@link PendingRetries}) until it answers or the pause is confirmed in force. With the Kubernetes API off
 * ({@code prober.kubernetes.enabled=false}) nothing is asked: Argo CD's own polling of git picks the commit up.
 */
final class ArgoSyncs {
    private static final Logger LOG = Logger.getLogger(ArgoSyncs.class);
    static final String NOT_CONFIGURED = "Argo CD sync not configured: prober.kubernetes.enabled=false; Argo CD picks the commit up "
            + "when it polls git";
    private final Optional<ArgoCdSync> argo;
    private final PendingRetries retries;
    private final PauseState state;
    private final Consumer<PendingKind> retry;

    /** @param retry runs a pending retry (the service's single entry point for them) */
    ArgoSyncs(Optional<ArgoCdSync> argo, PendingRetries retries, PauseState state, Consumer<PendingKind> retry) {
        this.argo = argo;
        this.retries = retries;
        this.state = state;
        this.retry = retry;
    }

    /** Asks for the sync; a transient failure is retried in the background (the result says so). */
    ArgoCdSync.Result request(String revision, String reason) {
        ArgoCdSync.Result sync = sync(revision, reason);
        if (sync.requested()) {
            state.argo(new ArgoOperation(ArgoOperation.State.REQUESTED, revision, "sync requested", null));
        }
        if (sync.transientFailure() && !retries.failed(PendingKind.ARGOCD, sync.message(), revision, retry)) {
            LOG.errorf("gave up asking Argo CD to sync %s: %s", revision, sync.message());
        }
        return sync;
    }

    /** One more attempt at the sync being retried, if any. */
    void retryIfPending() {
        state.pending().filter(p -> p.kind() == PendingKind.ARGOCD).ifPresent(p -> {
            ArgoCdSync.Result sync = sync(p.commit(), "retry of the pause sync");
            if (!sync.transientFailure()) {
                retries.clear();
                LOG.infof("Argo CD sync of %s: %s", p.commit(), sync.message());
            } else if (!retries.failed(PendingKind.ARGOCD, sync.message(), p.commit(), retry)) {
                LOG.errorf("gave up asking Argo CD to sync %s: %s", p.commit(), sync.message());
            }
        });
    }

    /**
     * Reads what Argo CD made of the sync last asked for (one bounded GET), and keeps it for GET /pause, /diagnose and
     * the metric; empty when none was asked for (or the API is off).
     */
    Optional<ArgoOperation> check() {
        Optional<ArgoOperation> asked = state.argo();
        if (argo.isEmpty() || asked.isEmpty()) {
            return asked;
        }
        ArgoCdSync.Status status = argo.get().status();
        ArgoOperation now = ArgoOperation.judge(asked.get().revision(), status.read(), status.problem());
        if (now.state() != asked.get().state() && now.state().refused()) {
            LOG.warnf("Argo CD has not rolled the pause %s out: %s: %s", now.revision(), now.state().label(), now.message());
        }
        state.argo(now);
        return Optional.of(now);
    }

    /** The remedy for a refused sync, with the configured names. */
    String remedy(ArgoOperation operation) {
        return argo.map(a -> operation.remedy(a.application(), a.namespace())).orElse("");
    }

    /** Git no longer pauses: a sync still being retried would roll back to a paused revision; drop it. */
    void drop(String why) {
        state.argo(null);
        state.pending().filter(p -> p.kind() == PendingKind.ARGOCD).ifPresent(p -> {
            LOG.infof("dropped the Argo CD sync of %s still being retried: %s", p.commit(), why);
            retries.clear();
        });
    }

    /** The pause is in force: a sync still being retried is no longer needed. */
    void confirmed() {
        if (state.pending().filter(p -> p.kind() == PendingKind.ARGOCD).isPresent()) {
            retries.clear();
        }
    }

    private ArgoCdSync.Result sync(String revision, String reason) {
        return argo.map(a -> a.sync(revision, reason))
                .orElse(new ArgoCdSync.Result(false, false, NOT_CONFIGURED));
    }
}
