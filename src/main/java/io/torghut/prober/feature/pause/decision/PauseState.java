package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.rollout.ArgoOperation;
import io.torghut.prober.adapter.git.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the pause machinery knows right now; read by GET /pause, /diagnose and the metrics without any I/O. */
public final class PauseState {
    private static final int REMEMBERED_KEYS = 1000;
    private volatile PauseRecords.Action lastAction;
    private volatile PauseRecords.Pending pending;
    private volatile PauseRecords.GitView git = PauseRecords.GitView.UNREAD;
    private volatile Refusal refusal;
    private volatile ArgoOperation argo;
    private final Map<String, Instant> handled = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    });
    private final Duration window;

    /** @param window how long a handled notification is answered "already-paused" without looking at git */
    public PauseState(Duration window) {
        this.window = window;
    }

    public Optional<PauseRecords.Action> lastAction() {
        return Optional.ofNullable(lastAction);
    }

    public void lastAction(PauseRecords.Action action) {
        lastAction = action;
    }

    public Optional<PauseRecords.Pending> pending() {
        return Optional.ofNullable(pending);
    }

    public void pending(PauseRecords.Pending work) {
        pending = work;
    }

    /** Why the pause being retried is refused (a person has to act), empty when it is not refused. */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    void refusal(Refusal why) {
        refusal = why;
    }

    /** The sync last asked of Argo CD, as last read: empty when none was asked for. */
    public Optional<ArgoOperation> argo() {
        return Optional.ofNullable(argo);
    }

    void argo(ArgoOperation operation) {
        argo = operation;
    }

    public PauseRecords.GitView git() {
        return git;
    }

    public void git(PauseRecords.GitView view) {
        git = view;
    }

    /**
     * Whether this notification (group key + fingerprints) was turned into a pause, or found paused, within the window.
     * Later repeats (Alertmanager's repeat_interval) look at git again: if a human resumed while the alert still
     * fires, the pause is made again, and silencing the alert is how a human overrides it.
     */
    boolean handled(String key, Instant now) {
        Instant at = handled.get(key);
        return at != null && Duration.between(at, now).compareTo(window) < 0;
    }

    void markHandled(String key, Instant now) {
        handled.put(key, now);
    }
}
