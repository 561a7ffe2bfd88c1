package io.torghut.prober.k8s;

/**
 * A Kubernetes API call failed: the HTTP status when the server answered ({@link #code()} &gt; 0), else a transport
 * failure kept as the cause (refused, timeout, TLS). The message names the method and path, never a credential.
 */
public final class ApiException extends RuntimeException {
    private final int code;

    ApiException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The HTTP status, 0 when no answer came. */
    public int code() {
        return code;
    }
}
