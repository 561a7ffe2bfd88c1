package io.torghut.prober.diagnose;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.policy.runbook.NextStep;
import java.util.List;
import java.util.Map;

/**
 * What /diagnose answers, as data; rendered as text for curl or as JSON. Built only from stored results.
 */
@RegisterForReflection
public record DiagnosisReport(String verdict, String evaluatedAt, boolean sessionOpen, String session,
                              boolean tradingEnabled, String tradingState, List<String> reasons,
                              List<Signal> signals, List<NextStep> nextSteps, Map<String, Object> sections) {

    /** One row per signal. Times are ISO-8601 UTC, ages in seconds; null when unknown. */
    @RegisterForReflection
    public record Signal(String name, String role, String status, boolean counts, Double ageSeconds,
                         Double maxAgeSeconds, String lastSuccess, String lastRun, Double latencySeconds,
                         String reason, String detail, int consecutiveFailures, Map<String, String> evidence) {
    }
}
