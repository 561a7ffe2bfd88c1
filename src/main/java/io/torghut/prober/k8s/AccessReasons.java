package io.torghut.prober.k8s;

import io.torghut.prober.core.FailureReason;
import io.torghut.prober.model.AccessProblem;

/** Maps an access problem to the probe failure reasons (a bounded metric label set). */
final class AccessReasons {
    private AccessReasons() {
    }

    static FailureReason of(AccessProblem problem) {
        return switch (problem.kind()) {
            case UNAUTHORIZED, FORBIDDEN -> FailureReason.AUTH;
            case NOT_FOUND -> FailureReason.HTTP_4XX;
            case SERVER_ERROR -> FailureReason.HTTP_5XX;
            case TIMEOUT -> FailureReason.TIMEOUT;
            case UNREACHABLE -> FailureReason.CONNECT;
            case OTHER -> FailureReason.ERROR;
        };
    }
}
