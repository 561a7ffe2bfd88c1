package io.torghut.prober.adapter.kubernetes;

import io.torghut.prober.shared.FailureReason;
import io.torghut.prober.shared.model.AccessProblem;

/** Maps an access problem to the probe failure reasons (a bounded metric label set). */
public final class AccessReasons {
    private AccessReasons() {
    }

    public static FailureReason of(AccessProblem problem) {
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
