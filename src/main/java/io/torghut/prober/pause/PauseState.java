package io.torghut.prober.pause;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the pause machinery knows right now; read by GET /pause, /diagnose and the metrics without any I/O. */
public final class PauseState {
    private static final int REMEMBERED_KEYS = 1000;
    private volatile PauseRecords.Action lastAction;
    private volatile PauseRecords.Pending pending;
    private volatile PauseRecords.GitView git = PauseRecords.GitView.UNREAD;
    private final Set<String> handled = Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_KEYS;
        }
    }));

    public Optional<PauseRecords.Action> lastAction() {
        return Optional.ofNullable(lastAction);
    }

    void lastAction(PauseRecords.Action action) {
        lastAction = action;
    }

    public Optional<PauseRecords.Pending> pending() {
        return Optional.ofNullable(pending);
    }

    void pending(PauseRecords.Pending work) {
        pending = work;
    }

    public PauseRecords.GitView git() {
        return git;
    }

    void git(PauseRecords.GitView view) {
        git = view;
    }

    /** Notifications (group key + fingerprints) already turned into a pause or found paused. */
    boolean handled(String key) {
        return handled.contains(key);
    }

    void markHandled(String key) {
        handled.add(key);
    }
}
