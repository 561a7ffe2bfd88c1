package io.torghut.prober.k8s;

import io.torghut.prober.core.Causes;
import io.torghut.prober.model.AccessProblem;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * The one error model for Kubernetes calls: any failure of a read, a patch, an Event or a Lease call becomes an
 * {@link AccessProblem} naming the verb, the resource, the object and the namespace.
 */
final class AccessClassifier {
    private static final int MAX_DETAIL = 200;

    private AccessClassifier() {
    }

    static AccessProblem classify(Exception e, String verb, String resource, String name, String namespace) {
        int code = e instanceof ApiException api ? api.code() : 0;
        String detail = code > 0 ? "HTTP " + code : Causes.rootMessage(e);
        return new AccessProblem(kind(e, code), verb, resource, name, namespace,
                detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
    }

    private static AccessProblem.Kind kind(Exception e, int code) {
        if (code == 401) {
            return AccessProblem.Kind.UNAUTHORIZED;
        } else if (code == 403) {
            return AccessProblem.Kind.FORBIDDEN;
        } else if (code == 404) {
            return AccessProblem.Kind.NOT_FOUND;
        } else if (code >= 500) {
            return AccessProblem.Kind.SERVER_ERROR;
        } else if (Causes.causedBy(e, TimeoutException.class) || Causes.causedBy(e, InterruptedIOException.class)
                || Causes.causedBy(e, InterruptedException.class) || Causes.causedBy(e, HttpTimeoutException.class)) {
            return AccessProblem.Kind.TIMEOUT;
        } else if (Causes.causedBy(e, ConnectException.class) || Causes.causedBy(e, UnknownHostException.class)
                || Causes.causedBy(e, ClosedChannelException.class)
                || Causes.causedBy(e, UnresolvedAddressException.class)) {
            return AccessProblem.Kind.UNREACHABLE;
        }
        return code == 0 && Causes.rootMessage(e).toLowerCase(Locale.ROOT).contains("connection refused")
                ? AccessProblem.Kind.UNREACHABLE : AccessProblem.Kind.OTHER;
    }
}
