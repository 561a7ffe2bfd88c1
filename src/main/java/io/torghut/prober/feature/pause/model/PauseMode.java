package io.torghut.prober.feature.pause.model;

/** What the prober may do about a pause: nothing, say what it would do, or do it. */
public enum PauseMode {
    /** Never acts; {@code POST /pause} answers 409. */
    OFF,
    /** Computes and returns the plan (diff, commit message, Argo CD step) and records the recommendation. Default. */
    RECOMMEND,
    /** Performs the plan: commit, push, Argo CD sync. Needs the git settings. */
    TRIGGER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
