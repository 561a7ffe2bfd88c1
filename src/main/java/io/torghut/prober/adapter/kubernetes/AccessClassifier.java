package io.torghut.prober.adapter.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.torghut.prober.shared.Causes;
import io.torghut.prober.shared.model.AccessProblem;
import io.torghut.prober.shared.FreeText;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The one error model for Kubernetes calls: any failure of a read, a patch, an Event or a Lease call becomes an
 * {@link AccessProblem} naming the verb, the resource, the object and the namespace. An answer is judged by its
 * HTTP status ({@link KubernetesClientException#getCode()}); no answer by the cause fabric8 or its HTTP client
 * wrapped (a timeout, a refused or unresolvable address). The detail never carries the API server's address (fabric8
 * and Vert.x name it in their messages) nor a credential.
 */
final class AccessClassifier {
    private static final int MAX_DETAIL = 200;
    /** URLs, {@code host:port} and bare IP addresses, as fabric8, Vert.x and Netty put them in messages. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[a-zA-Z][a-zA-Z0-9+.-]*://\\S+|/?\\[[0-9a-fA-F:.]+\\](:\\d+)?|/?[A-Za-z0-9.-]*[A-Za-z0-9]:\\d{1,5}\\b"
                    + "|/?\\b\\d{1,3}(\\.\\d{1,3}){3}\\b");
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");

    private AccessClassifier() {
    }

    static AccessProblem classify(Exception e, String verb, String resource, String name, String namespace) {
        int code = e instanceof KubernetesClientException k ? Math.max(0, k.getCode()) : 0;
        AccessProblem.Kind kind = kind(e, code);
        String detail = code > 0 ? "HTTP " + code : kind == AccessProblem.Kind.UNREACHABLE && Causes.causedBy(e, UnknownHostException.class)
                ? "unknown host" : scrub(Causes.rootMessage(e));
        return new AccessProblem(kind, verb, resource, name, namespace,
                FreeText.cut(detail, MAX_DETAIL, ""));
    }

    /** Removes addresses and bearer tokens from an outside message. */
    static String scrub(String message) {
        return ADDRESS.matcher(BEARER.matcher(message).replaceAll("Bearer <redacted>")).replaceAll("<api>");
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
        } else if (code > 0) {
            return AccessProblem.Kind.OTHER;
        } else if (Causes.causedBy(e, TimeoutException.class) || Causes.causedBy(e, InterruptedIOException.class)
                || Causes.causedBy(e, InterruptedException.class) || Causes.causedBy(e, KubernetesClientTimeoutException.class)
                || rootMessageSays(e, "timeout period") || rootMessageSays(e, "timed out")) {
            return AccessProblem.Kind.TIMEOUT;
        } else if (Causes.causedBy(e, ConnectException.class) || Causes.causedBy(e, UnknownHostException.class)
                || Causes.causedBy(e, NoRouteToHostException.class) || Causes.causedBy(e, ClosedChannelException.class)
                || Causes.causedBy(e, UnresolvedAddressException.class) || rootMessageSays(e, "connection refused")
                || rootMessageSays(e, "failed to resolve")) {
            return AccessProblem.Kind.UNREACHABLE;
        }
        return AccessProblem.Kind.OTHER;
    }

    private static boolean rootMessageSays(Exception e, String words) {
        return Causes.rootMessage(e).toLowerCase(Locale.ROOT).contains(words);
    }
}
