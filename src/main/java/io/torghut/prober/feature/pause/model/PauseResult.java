package io.torghut.prober.feature.pause.model;

/** The bounded {@code result} label of {@code torghut_prober_pause_actions_total}. */
public enum PauseResult {
    PAUSED("paused"),
    ALREADY_PAUSED("already-paused"),
    /** A human set TRADING_ENABLED back to "true" after the prober's pause, within the same episode: no commit. */
    RESUMED_BY_HUMAN("resumed-by-human"),
    RECOMMENDED("recommended"),
    /** A resolved notification: never resumes. */
    NONE("none"),
    /** The manifest cannot be edited, or the Git host refuses the credentials or the push: 503 and retried internally. */
    REFUSED("refused"),
    /** Git or Argo CD unreachable: 503 and retried internally. */
    PENDING("pending"),
    /** Mode off. */
    DISABLED("disabled"),
    /** A pending pause retried for {@code prober.pause.retry-for} without success. */
    GAVE_UP("gave-up");

    private final String label;

    PauseResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
