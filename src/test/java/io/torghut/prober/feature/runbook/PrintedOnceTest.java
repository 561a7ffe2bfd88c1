package io.torghut.prober.feature.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A step printed under a finding is not printed again under a later one; everything else stays as it was. */
class PrintedOnceTest {
    static Finding finding(String id, List<String> commands, List<GitOpsStep> gitops, List<String> advice) {
        return new Finding(id, "A", Severity.CRITICAL, id + " summary", List.of("seen " + id, "shared evidence"), List.of(id),
                commands, gitops, advice);
    }

    @Test
    void theFirstFindingKeepsAStepAndLaterOnesDropIt() {
        GitOpsStep pause = new GitOpsStep("m.yaml", "TRADING_ENABLED true", "false");
        GitOpsStep rollback = new GitOpsStep("m.yaml", "image: bad", "image: good");
        Finding first = finding("first", List.of("argocd app sync torghut", "kubectl -n torghut describe revision r2"), List.of(pause),
                List.of("Pause first."));
        Finding second = finding("second", List.of("kubectl -n torghut describe revision r2", "kubectl -n torghut logs p --previous",
                "argocd app sync torghut"), List.of(pause, rollback), List.of("Pause first.", "Roll back."));
        List<Finding> out = PrintedOnce.of(List.of(first, second));
        assertEquals(first, out.get(0), "the first finding is untouched");
        Finding later = out.get(1);
        assertEquals(List.of("kubectl -n torghut logs p --previous"), later.commands());
        assertEquals(List.of(rollback), later.gitops());
        assertEquals(List.of("Roll back."), later.advice());
        assertEquals(second.evidence(), later.evidence(), "evidence is what each finding saw: never dropped");
        assertEquals(List.of(second.id(), second.procedure(), second.severity(), second.summary(), second.resources()),
                List.of(later.id(), later.procedure(), later.severity(), later.summary(), later.resources()));
    }

    @Test
    void repeatsWithinOneFindingAreDroppedTooAndTheOrderIsKept() {
        Finding f = finding("only", List.of("b", "a", "b"), List.of(), List.of("x", "x"));
        Finding out = PrintedOnce.of(List.of(f)).get(0);
        assertEquals(List.of("b", "a"), out.commands());
        assertEquals(List.of("x"), out.advice());
    }
}
