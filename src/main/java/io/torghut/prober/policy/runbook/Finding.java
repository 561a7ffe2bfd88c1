package io.torghut.prober.policy.runbook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;

/**
 * One diagnosis in the runbook's words.
 *
 * @param id        stable id, a metric label ({@link FindingIds})
 * @param procedure runbook procedure {@code A}, {@code B}, {@code C}, or {@code -}
 * @param summary   one line: what is wrong
 * @param evidence  what was seen: conditions, counted log signatures with a sample line, pod and revision names
 * @param resources the pods and revisions involved
 * @param commands  commands that work as printed
 * @param gitops    manifest changes, file and line
 * @param advice    what to do beyond commands (e.g. the hotfix)
 */
@RegisterForReflection
public record Finding(String id, String procedure, Severity severity, String summary, List<String> evidence,
                      List<String> resources, List<String> commands, List<GitOpsStep> gitops, List<String> advice) {

    public Finding {
        evidence = List.copyOf(evidence);
        resources = List.copyOf(resources);
        commands = List.copyOf(commands);
        gitops = List.copyOf(gitops);
        advice = List.copyOf(advice);
    }

    /**
     * This finding with {@code other}'s evidence added and the more severe of both severities: {@code other} is the same
     * problem seen from elsewhere (Torghut failing /healthz because its newest revision cannot start).
     */
    public Finding withEvidenceOf(Finding other) {
        List<String> merged = new ArrayList<>(evidence);
        other.evidence().stream().filter(e -> !merged.contains(e)).forEach(merged::add);
        Severity worst = other.severity().compareTo(severity) < 0 ? other.severity() : severity;
        return new Finding(id, procedure, worst, summary, merged, resources, commands, gitops, advice);
    }
}
