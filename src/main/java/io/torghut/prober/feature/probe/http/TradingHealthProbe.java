package io.torghut.prober.feature.probe.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.torghut.prober.adapter.http.HttpFetcher;
import io.torghut.prober.adapter.http.HttpReply;
import io.torghut.prober.feature.probe.Probe;
import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.shared.ProbeFailure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /trading/health}. Torghut answers 503 with {@code {"status":"degraded","dependencies":{...}}} when a
 * trading dependency is down; the names of the dependencies that are not ok are kept as evidence.
 */
public final class TradingHealthProbe implements Probe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI uri;
    private final HttpFetcher http;

    public TradingHealthProbe(URI uri, HttpFetcher http) {
        this.uri = uri;
        this.http = http;
    }

    @Override
    public ProbeOutcome check(Duration budget) {
        try {
            return judge(http.get(uri, Map.of("Accept", "application/json"), budget));
        } catch (ProbeFailure failure) {
            return ProbeOutcome.from(failure);
        }
    }

    static ProbeOutcome judge(HttpReply reply) {
        List<String> failing = failingDependencies(reply.body());
        String what = "GET /trading/health answered HTTP " + reply.status()
                + (failing.isEmpty() ? "" : "; dependencies not ok: " + String.join(", ", failing));
        ProbeOutcome outcome = reply.is2xx()
                ? ProbeOutcome.ok(what)
                : ProbeOutcome.fail(HttpStatusReasons.of(reply.status()), what);
        return failing.isEmpty() ? outcome : outcome.withEvidence(Map.of("failing_dependencies", String.join(",", failing)));
    }

    /** Names under {@code dependencies} whose {@code ok} is false; nothing when the body is not Torghut's JSON. */
    static List<String> failingDependencies(String body) {
        List<String> failing = new ArrayList<>();
        try {
            JsonNode dependencies = JSON.readTree(body).path("dependencies");
            for (Iterator<Map.Entry<String, JsonNode>> it = dependencies.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> dependency = it.next();
                JsonNode ok = dependency.getValue().path("ok");
                if (ok.isBoolean() && !ok.booleanValue() && failing.size() < 20) {
                    failing.add(dependency.getKey().replaceAll("[^A-Za-z0-9_.-]", "_"));
                }
            }
        } catch (Exception notJson) {
            // A body that is not Torghut's JSON carries no dependency evidence; the status still decides.
        }
        return failing;
    }
}
