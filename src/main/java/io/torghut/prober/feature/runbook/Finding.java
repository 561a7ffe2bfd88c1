package io.torghut.prober.feature.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One diagnosis in the runbook's words.
 *
 * @param id        stable id, a metric label ({@link FindingIds})
 * @param procedure runbook procedure {@code A}, {@code B}, {@code C}, or {@code -}
 * @param summary   one line: what is wrong
 * @param evidence  what was seen, each line saying where it was read: conditions, events, counted log signatures with
 *                  a sample line, env hosts, pod and revision names
 * @param resources the pods and revisions involved
 * @param commands  commands that work as printed
 * @param gitops    manifest changes, file and line
 * @param advice    what to do beyond commands (e.g. the hotfix)
 * @param subjects  what it is about (revisions, dependencies), for folding symptoms into causes; not shown
 */
@RegisterForReflection
public record Finding(String id, String procedure, Severity severity, String summary, List<String> evidence,
                      List<String> resources, List<String> commands, List<GitOpsStep> gitops, List<String> advice,
                      @JsonIgnore List<Subject> subjects) {

    public Finding {
        evidence = List.copyOf(evidence);
        resources = List.copyOf(resources);
        commands = List.copyOf(commands);
        gitops = List.copyOf(gitops);
        advice = List.copyOf(advice);
        subjects = List.copyOf(new LinkedHashSet<>(subjects));
    }

    /** A finding about nothing in particular (the pause, the prober's own access, extra targets). */
    public Finding(String id, String procedure, Severity severity, String summary, List<String> evidence,
                   List<String> resources, List<String> commands, List<GitOpsStep> gitops, List<String> advice) {
        this(id, procedure, severity, summary, evidence, resources, commands, gitops, advice, List.of());
    }

    /** This finding, about {@code more} as well. */
    public Finding about(List<Subject> more) {
        List<Subject> all = new ArrayList<>(subjects);
        all.addAll(more);
        return new Finding(id, procedure, severity, summary, evidence, resources, commands, gitops, advice, all);
    }

    /** Whether it is about any of {@code others}. */
    public boolean concernsAny(Set<Subject> others) {
        return subjects.stream().anyMatch(others::contains);
    }

    /**
     * This finding with {@code other}'s evidence and subjects added and the more severe of both severities: {@code other}
     * is a symptom this finding explains (Torghut failing /healthz because its newest revision cannot start).
     */
    public Finding withEvidenceOf(Finding other) {
        List<String> merged = new ArrayList<>(evidence);
        other.evidence().stream().filter(e -> !merged.contains(e)).forEach(merged::add);
        Severity worst = other.severity().compareTo(severity) < 0 ? other.severity() : severity;
        List<Subject> about = new ArrayList<>(subjects);
        about.addAll(other.subjects());
        return new Finding(id, procedure, worst, summary, merged, resources, commands, gitops, advice, about);
    }
}
