package io.torghut.prober.feature.pause.edge;

/** A request /pause cannot serve, with the HTTP status and a short machine-readable code for the JSON error body. */
public class PauseProblem extends RuntimeException {
    private final int status;
    private final String code;

    public PauseProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
