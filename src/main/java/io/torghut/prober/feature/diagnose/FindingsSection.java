package io.torghut.prober.feature.diagnose;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.runbook.Finding;
import io.torghut.prober.feature.runbook.FindingRank;
import io.torghut.prober.feature.runbook.FindingsTracker;
import io.torghut.prober.feature.runbook.GitOpsStep;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code findings} section of /diagnose: the runbook findings from the Kubernetes objects and the prober's own
 * signals, most severe first (the pause first when it is due): what to do, in order. Reads stored state only.
 */
@Singleton
public class FindingsSection implements DiagnosisSection {
    private final FindingsTracker findings;
    private final KubernetesConfig config;

    public FindingsSection(FindingsTracker findings, KubernetesConfig config) {
        this.findings = findings;
        this.config = config;
    }

    /**
     * The JSON value: the findings, when the Kubernetes objects were last read (null: never), and the headline: the id of
     * the most specific cause the evidence supports, the first finding after the pause ({@link FindingRank}; null: none).
     */
    @RegisterForReflection
    public record Report(boolean kubernetesEnabled, String knativeReadAt, String cnpgReadAt, String headline, List<Finding> findings) {
    }

    @Override public String id() { return "findings"; }
    @Override public int order() { return 10; }
    @Override public String title() { return "FINDINGS (runbook: Operations: Knative Revision Failures; most severe first, work down the list)"; }

    @Override
    public List<String> textLines() {
        List<String> lines = new ArrayList<>();
        Report report = json();
        lines.add("  kubernetes: " + (report.kubernetesEnabled() ? "knative read " + orNever(report.knativeReadAt())
                + ", cnpg read " + orNever(report.cnpgReadAt()) : "disabled (prober.kubernetes.enabled=false)"));
        if (report.findings().isEmpty()) {
            lines.add("  none");
        }
        FindingRank.headline(report.findings()).ifPresent(h -> lines.add("  headline: [" + h.procedure() + "] " + h.id() + ": " + h.summary()));
        int n = 1;
        for (Finding f : report.findings()) {
            lines.add(String.format(Locale.ROOT, "%2d. %-8s [%s] %s: %s", n++, f.severity(), f.procedure(), f.id(), f.summary()));
            f.evidence().forEach(e -> lines.add("      - " + e));
            f.commands().forEach(c -> lines.add("      $ " + c));
            for (GitOpsStep step : f.gitops()) {
                lines.add("      gitops " + step.file() + ":");
                lines.add("        line:   " + step.line());
                lines.add("        change: " + step.change());
            }
            f.advice().forEach(a -> lines.add("      > " + a));
        }
        return lines;
    }

    @Override
    public List<Finding> findings() {
        return json().findings();
    }

    @Override
    public Snapshot snapshot() {
        Report report = json();
        return new Snapshot(report, report.findings());
    }

    @Override
    public Report json() {
        FindingsTracker.Evaluated evaluated = findings.evaluated();
        return new Report(config.on(),
                evaluated.knative().map(o -> o.observedAt().truncatedTo(ChronoUnit.MILLIS).toString()).orElse(null),
                evaluated.cnpg().map(o -> o.observedAt().truncatedTo(ChronoUnit.MILLIS).toString()).orElse(null),
                FindingRank.headline(evaluated.findings()).map(Finding::id).orElse(null), evaluated.findings());
    }

    private static String orNever(String at) {
        return at == null ? "never" : at;
    }
}
