package io.torghut.prober.feature.probe.http;

import io.torghut.prober.shared.FailureReason;
/** Maps an unwanted HTTP status to a failure reason. */
public final class HttpStatusReasons {
    private HttpStatusReasons() {
    }

    public static FailureReason of(int status) {
        if (status == 401 || status == 403) {
            return FailureReason.AUTH;
        }
        if (status >= 500) {
            return FailureReason.HTTP_5XX;
        }
        if (status >= 400) {
            return FailureReason.HTTP_4XX;
        }
        // 1xx/2xx/3xx that were not expected: the endpoint answered, but not as agreed.
        return FailureReason.HTTP_4XX;
    }
}
