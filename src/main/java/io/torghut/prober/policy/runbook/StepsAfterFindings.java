package io.torghut.prober.policy.runbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * NEXT STEPS without what FINDINGS already says: a command a current finding prints is not printed again under the
 * step; the step keeps its action (what to do, driven by the signals) and names the findings that carry the commands.
 * Pure.
 */
final class StepsAfterFindings {
    private StepsAfterFindings() {
    }

    static List<NextStep> of(List<NextStep> steps, List<Finding> findings) {
        List<NextStep> out = new ArrayList<>(steps.size());
        for (NextStep step : steps) {
            List<String> kept = new ArrayList<>();
            Set<String> covering = new LinkedHashSet<>();
            for (String command : step.commands()) {
                List<String> ids = findings.stream().filter(f -> f.commands().contains(command)).map(Finding::id).toList();
                if (ids.isEmpty()) {
                    kept.add(command);
                } else {
                    covering.addAll(ids);
                }
            }
            String action = covering.isEmpty() ? step.action()
                    : step.action() + " Commands under FINDINGS " + String.join(", ", covering) + ".";
            out.add(new NextStep(step.procedure(), action, kept));
        }
        return out;
    }
}
