package io.torghut.prober.feature.probe.http;

import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.adapter.http.HttpReply;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.ProbeFailure;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** GET a URL and judge it by status: {@code /healthz} and the user's extra HTTP targets. */
public final class HttpStatusProbe implements Probe {
    private final URI uri;
    private final Optional<Integer> expectedStatus;
    private final HttpFetcher http;

    public HttpStatusProbe(URI uri, Optional<Integer> expectedStatus, HttpFetcher http) {
        this.uri = uri;
        this.expectedStatus = expectedStatus;
        this.http = http;
    }

    @Override
    public ProbeOutcome check(Duration budget) {
        try {
            HttpReply reply = http.get(uri, Map.of("Accept", "application/json"), budget);
            return judge(reply.status());
        } catch (ProbeFailure failure) {
            return ProbeOutcome.from(failure);
        }
    }

    ProbeOutcome judge(int status) {
        String what = "GET " + uri.getPath() + " answered HTTP " + status;
        boolean good = expectedStatus.map(expected -> expected == status).orElse(status >= 200 && status < 300);
        if (good) {
            return ProbeOutcome.ok(what);
        }
        return ProbeOutcome.fail(HttpStatusReasons.of(status), what
                + expectedStatus.map(expected -> ", expected " + expected).orElse(""));
    }
}
