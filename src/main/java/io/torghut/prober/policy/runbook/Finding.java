package io.torghut.prober.policy.runbook;

import io.quarkus.runtime.annotations.RegisterForReflection;
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
}
