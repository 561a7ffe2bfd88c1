package io.torghut.prober.feature.runbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings in order, each command, GitOps step and advice line kept only where it first appears: oncall works down the
 * list, so a step already printed by a more severe finding is not printed again under a later one (two findings about
 * one revision both say {@code describe revision}; the pause and the rollback both end with the Argo CD sync). Pure.
 */
final class PrintedOnce {
    private PrintedOnce() {
    }

    static List<Finding> of(List<Finding> ordered) {
        Set<String> commands = new HashSet<>();
        Set<GitOpsStep> gitops = new HashSet<>();
        Set<String> advice = new HashSet<>();
        List<Finding> out = new ArrayList<>(ordered.size());
        for (Finding f : ordered) {
            out.add(new Finding(f.id(), f.procedure(), f.severity(), f.summary(), f.evidence(), f.resources(),
                    firstTime(f.commands(), commands), firstTime(f.gitops(), gitops), firstTime(f.advice(), advice), f.subjects()));
        }
        return out;
    }

    private static <T> List<T> firstTime(List<T> items, Set<T> seen) {
        List<T> kept = new ArrayList<>();
        for (T item : items) {
            if (seen.add(item)) {
                kept.add(item);
            }
        }
        return kept;
    }
}
