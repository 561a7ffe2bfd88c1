package io.torghut.prober.feature.pause.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.feature.signal.Health;
import io.torghut.prober.feature.signal.SignalState;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.shared.FreeText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a human checks and does before trading resumes, shown while paused (GET /pause, /diagnose). The prober never
 * resumes by itself: resuming is a decision, made in git.
 *
 * @param ready      every signal that can call for a pause is good now
 * @param conditions each such signal: its state, and for how long it has been good
 * @param edit       the diff that resumes (TRADING_ENABLED back to "true"), from the manifest as last read
 * @param commit     the commit a human makes, as commands
 * @param argocd     the Argo CD step, and how to check the new revision took over
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResumeChecklist(boolean ready, List<Condition> conditions, String edit, List<String> commit, List<String> argocd) {

    /**
     * One signal that must be good before resuming.
     *
     * @param causedThePause named by the pause's reasons (as the pause commit lists them)
     * @param goodForSeconds how long it has been good, null unless good
     * @param detail         why it is not good, when it is not
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String signal, Health health, boolean causedThePause, Long goodForSeconds, String detail) {
    }

    /** The signals that can call for a pause: the runbook's precondition (freshness, dependencies, trading health). */
    static boolean canCallForAPause(SignalRole role) {
        return role == SignalRole.FRESHNESS || role == SignalRole.DEPENDENCY || role == SignalRole.TRADING;
    }

    /**
     * Pure.
     *
     * @param pauseReasons the reasons the pause was made for (its commit's "Why:" lines)
     * @param plan         the plan as of the last read of git (its resume diff)
     */
    public static ResumeChecklist of(Verdict verdict, Instant now, List<String> pauseReasons, PausePlan plan, String manifestPath,
                              String branch, List<String> argocdSteps) {
        List<Condition> conditions = verdict == null ? List.of() : verdict.snapshot().signals().stream()
                .filter(s -> canCallForAPause(s.role()))
                .map(s -> condition(s, now, pauseReasons)).toList();
        boolean ready = !conditions.isEmpty() && conditions.stream().allMatch(c -> c.health() == Health.GOOD);
        String message = "Resume trading: TRADING_ENABLED=\"true\" in " + manifestPath;
        List<String> commit = List.of(
                "apply the edit to " + manifestPath + " on branch " + branch + " (git apply, or change the line by hand)",
                "git commit -m '" + message + "' -m '<why it is safe: the checks above, who decided>' " + manifestPath,
                "git push origin HEAD:" + branch);
        return new ResumeChecklist(ready, conditions, plan.resumeDiff(), commit, argocdSteps);
    }

    private static Condition condition(SignalState signal, Instant now, List<String> pauseReasons) {
        String name = signal.name().toLowerCase(Locale.ROOT);
        boolean caused = pauseReasons.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).contains(name));
        Long goodFor = signal.health() == Health.GOOD ? signal.healthSince().map(since -> Math.max(0, Duration.between(since, now)
                .toSeconds())).orElse(null) : null;
        String detail = signal.health() == Health.GOOD ? null : signal.latest()
                .map(r -> FreeText.line(r.reason().label() + ": " + r.detail(), 200)).orElse("no result yet");
        return new Condition(signal.name(), signal.health(), caused, goodFor, detail);
    }

    /** The reasons of the pause in force: the newest pause commit's, or this process's last action's. */
    public static List<String> reasons(Optional<List<String>> fromCommit, Optional<PauseRecords.Action> lastAction) {
        return fromCommit.filter(r -> !r.isEmpty())
                .or(() -> lastAction.map(PauseRecords.Action::reasons).filter(r -> r != null && !r.isEmpty())).orElse(List.of());
    }
}
