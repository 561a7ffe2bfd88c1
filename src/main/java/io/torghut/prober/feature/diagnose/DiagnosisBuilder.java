package io.torghut.prober.feature.diagnose;

import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.runbook.Finding;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalSnapshot;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.SignalAssessment;
import io.torghut.prober.feature.verdict.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the report from a verdict, the snapshot it was computed from and the runbook findings. Pure. */
public final class DiagnosisBuilder {
    private DiagnosisBuilder() {
    }

    /** The report; its {@code nextSteps} are derived from {@code findings} (computed from the same verdict). */
    public static DiagnosisReport build(Verdict verdict, String sessionDescription, String tradingStateDescription, List<Finding> findings) {
        SignalSnapshot snapshot = verdict.snapshot();
        List<DiagnosisReport.Signal> rows = new ArrayList<>();
        for (SignalAssessment assessment : verdict.signals()) {
            SignalState state = snapshot.get(assessment.name()).orElse(null);
            if (state != null) {
                rows.add(row(assessment, state));
            }
        }
        return new DiagnosisReport(verdict.level().name(), iso(verdict.evaluatedAt()), verdict.sessionOpen(),
                sessionDescription, verdict.tradingEnabled(), tradingStateDescription, verdict.reasons(), rows,
                DiagnosisReport.NextStep.of(findings), Map.of());
    }

    private static DiagnosisReport.Signal row(SignalAssessment assessment, SignalState state) {
        ProbeResult latest = state.latest().orElse(null);
        String status = switch (state.health()) {
            case UNKNOWN -> "UNKNOWN";
            case GOOD -> "OK";
            case BAD -> assessment.stale() ? "STALE" : "FAILING";
        };
        // A signal that succeeded without judging anything (e.g. CNPG unreadable) must not read as OK at 3 a.m.
        if (latest != null && "false".equals(latest.evidence().get("judged"))) {
            status = "NOT JUDGED";
        }
        if (state.health() != Health.GOOD && !assessment.counts()) {
            status = status + " (not counted)";
        }
        return new DiagnosisReport.Signal(state.name(), state.role().name().toLowerCase(Locale.ROOT), status,
                assessment.counts(), assessment.age().map(DiagnosisBuilder::seconds).orElse(null),
                state.maxAge().map(DiagnosisBuilder::seconds).orElse(null),
                state.lastSuccess().map(DiagnosisBuilder::iso).orElse(null),
                latest == null ? null : iso(latest.observedAt()),
                latest == null ? null : seconds(latest.latency()),
                latest == null ? "none_yet" : latest.reason().label(),
                latest == null ? "no result yet" : latest.detail(),
                state.consecutiveFailures(),
                latest == null ? Map.of() : latest.evidence());
    }

    private static Double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
