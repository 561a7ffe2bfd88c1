package io.torghut.prober.shared;

/**
 * A classified failure raised by the small clients (HTTP, ClickHouse, Postgres) and turned into a
 * {@link ProbeOutcome} by the probe. Its message is safe to show: it never contains a secret.
 */
public class ProbeFailure extends Exception {
    private final FailureReason reason;

    public ProbeFailure(FailureReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
