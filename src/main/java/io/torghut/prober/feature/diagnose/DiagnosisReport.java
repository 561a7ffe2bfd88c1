package io.torghut.prober.feature.diagnose;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.feature.runbook.Finding;
import java.util.List;
import java.util.Map;

/**
 * What /diagnose answers, as data; rendered as text for curl or as JSON. Built only from stored results.
 *
 * @param nextSteps one per runbook finding, in the findings' order (most severe first, the pause first when due):
 *                  kept for JSON consumers of earlier releases; the findings themselves ({@code sections.findings}) say
 *                  more. The text report prints the findings only.
 */
@RegisterForReflection
public record DiagnosisReport(String verdict, String evaluatedAt, boolean sessionOpen, String session,
                              boolean tradingEnabled, String tradingState, List<String> reasons,
                              List<Signal> signals, List<NextStep> nextSteps, Map<String, Object> sections) {

    /**
     * What to do about one finding: its procedure, its first advice line (its summary when it has none) and its
     * commands.
     */
    @RegisterForReflection
    public record NextStep(String procedure, String action, List<String> commands, String finding) {
        public NextStep {
            commands = List.copyOf(commands);
        }

        static List<NextStep> of(List<Finding> findings) {
            return findings.stream().map(f -> new NextStep(f.procedure(), f.advice().isEmpty() ? f.summary() : f.advice().get(0),
                    f.commands(), f.id())).toList();
        }
    }

    /** One row per signal. Times are ISO-8601 UTC, ages in seconds; null when unknown. */
    @RegisterForReflection
    public record Signal(String name, String role, String status, boolean counts, Double ageSeconds,
                         Double maxAgeSeconds, String lastSuccess, String lastRun, Double latencySeconds,
                         String reason, String detail, int consecutiveFailures, Map<String, String> evidence) {
    }
}
