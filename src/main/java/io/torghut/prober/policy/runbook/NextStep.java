package io.torghut.prober.policy.runbook;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One thing oncall should do, in the runbook's words.
 *
 * @param procedure the runbook section: {@code Preconditions}, {@code A}, {@code B}, {@code C}
 * @param action    what to do and why
 * @param commands  commands that work as printed
 */
@RegisterForReflection
public record NextStep(String procedure, String action, List<String> commands) {
    public NextStep {
        commands = List.copyOf(commands);
    }
}
