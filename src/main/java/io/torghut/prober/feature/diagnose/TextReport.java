package io.torghut.prober.feature.diagnose;

import java.util.List;
import java.util.Locale;

/**
 * Renders a report as plain text for {@code curl /diagnose} at 3 a.m.: verdict first, then signals, then the sections,
 * among them the runbook findings, which say what to do in order. The report's {@code nextSteps} are not printed: they
 * are the findings again (JSON only).
 */
public final class TextReport {
    private TextReport() {
    }

    public static String render(DiagnosisReport report) {
        return render(report, List.of());
    }

    /** The report plus the contributed sections, each under its title, after the signals. */
    public static String render(DiagnosisReport report, List<DiagnosisSection> sections) {
        StringBuilder out = new StringBuilder();
        out.append("VERDICT ").append(report.verdict()).append("   at ").append(report.evaluatedAt()).append('\n');
        out.append("session ").append(report.sessionOpen() ? "open" : "closed").append(" (").append(report.session()).append(")")
                .append("; trading ").append(report.tradingEnabled() ? "enabled" : "disabled")
                .append(" (").append(report.tradingState()).append(")\n");
        for (String reason : report.reasons()) {
            out.append("  - ").append(reason).append('\n');
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "%-16s %-11s %-22s %-9s %-24s %-11s %s%n",
                "SIGNAL", "ROLE", "STATUS", "AGE", "LAST SUCCESS", "REASON", "DETAIL"));
        for (DiagnosisReport.Signal s : report.signals()) {
            out.append(String.format(Locale.ROOT, "%-16s %-11s %-22s %-9s %-24s %-11s %s%n",
                    s.name(), s.role(), s.status(), age(s.ageSeconds(), s.maxAgeSeconds()),
                    s.lastSuccess() == null ? "never" : s.lastSuccess(), s.reason(), s.detail()));
        }
        for (DiagnosisSection section : sections) {
            List<String> lines = section.textLines();
            if (!lines.isEmpty()) {
                out.append('\n').append(section.title()).append('\n');
                lines.forEach(line -> out.append(line).append('\n'));
            }
        }
        return out.toString();
    }

    private static String age(Double seconds, Double max) {
        if (seconds == null) {
            return "-";
        }
        String text = HumanDuration.of(seconds);
        return max == null ? text : text + "/" + HumanDuration.of(max);
    }
}
