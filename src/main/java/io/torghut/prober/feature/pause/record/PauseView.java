package io.torghut.prober.feature.pause.record;

import io.torghut.prober.feature.pause.decision.GitDesiredState;
import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.model.PausePhase;
import io.torghut.prober.feature.pause.model.PausePlan;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.model.ResumeChecklist;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.Rollout;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.PauseCommits;
import io.torghut.prober.feature.verdict.TradingStateSource;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Assembles GET /pause and the /diagnose section from stored state only: no git or API call on the request path. */
public final class PauseView {
    private final PauseService service;
    private final GitDesiredState desired;
    private final PauseState state;
    private final EffectivenessTracker tracker;
    private final TradingStateSource trading;
    private final BooleanSupplier leader;
    private final VerdictTracker verdicts;
    private final boolean auto;
    private final Clock clock;
    private final String branch;

    public PauseView(PauseService service, GitDesiredState desired, PauseState state, EffectivenessTracker tracker,
                     TradingStateSource trading, BooleanSupplier leader, VerdictTracker verdicts, boolean auto) {
        this(service, desired, state, tracker, trading, leader, verdicts, auto, Clock.systemUTC(), "main");
    }

    /** @param branch the GitOps branch a resume is pushed to */
    public PauseView(PauseService service, GitDesiredState desired, PauseState state, EffectivenessTracker tracker,
                     TradingStateSource trading, BooleanSupplier leader, VerdictTracker verdicts, boolean auto, Clock clock,
                     String branch) {
        this.clock = clock;
        this.branch = branch;
        this.service = service;
        this.desired = desired;
        this.state = state;
        this.tracker = tracker;
        this.trading = trading;
        this.leader = leader;
        this.verdicts = verdicts;
        this.auto = auto;
    }

    public PauseRecords.View view() {
        Verdict verdict = verdicts == null ? null : verdicts.current();
        List<String> reasons = verdict == null || verdict.reasons().isEmpty()
                ? List.of("no current reason (verdict " + (verdict == null ? "unknown" : verdict.level()) + ")") : verdict.reasons();
        Rollout live = tracker.live().orElse(null);
        PauseRecords.GitView git = state.git();
        PausePlan plan = desired.currentPlan(reasons);
        return new PauseRecords.View(service.mode().label(), phase(), auto, leader.getAsBoolean(), desired.repository(), git,
                humanResume().orElse(null), liveTradingEnabled(), live, tracker.liveError().orElse(null),
                state.lastAction().orElse(null), state.pending().orElse(null), state.refusal().orElse(null),
                state.argo().orElse(null), tracker.state(),
                resumeChecklist(plan).orElse(null), plan);
    }

    /**
     * While git pauses: what must be true before trading resumes, and the edit, commit and Argo CD step a human makes.
     * Empty otherwise.
     */
    public Optional<ResumeChecklist> resumeChecklist() {
        return phase() == PausePhase.IN_FORCE || phase() == PausePhase.PAUSED_NOT_IN_FORCE
                ? resumeChecklist(desired.currentPlan(List.of())) : Optional.empty();
    }

    private Optional<ResumeChecklist> resumeChecklist(PausePlan plan) {
        PausePhase phase = phase();
        if (phase != PausePhase.IN_FORCE && phase != PausePhase.PAUSED_NOT_IN_FORCE) {
            return Optional.empty();
        }
        BranchHistory history = state.git().history();
        List<String> pauseReasons = ResumeChecklist.reasons(history.newestPause().map(PauseCommits.PauseCommit::reasons),
                state.lastAction());
        Verdict verdict = verdicts == null ? null : verdicts.current();
        return Optional.of(ResumeChecklist.of(verdict, clock.instant(), pauseReasons, plan, desired.manifestPath(), branch,
                desired.planner().resumeSteps()));
    }

    /** Where the pause stands ({@link PausePhase#of}), from git as last read, the rollout check and the pending work. */
    public PausePhase phase() {
        boolean gitPending = state.pending().filter(p -> p.kind() == PendingKind.GIT).isPresent();
        return PausePhase.of(state.git().history(), tracker.state().status(), gitPending);
    }

    /** The human's resume that git shows after the prober's newest pause, with its author (for GET /pause only). */
    public Optional<PauseRecords.HumanResume> humanResume() {
        BranchHistory history = state.git().history();
        return history.humanResume().map(r -> PauseRecords.HumanResume.of(r, history));
    }

    /**
     * TRADING_ENABLED of the revisions serving traffic: the same answer the verdict uses ({@link TradingStateSource}),
     * so /diagnose never shows two values for it.
     */
    public TradingFlag liveTradingEnabled() {
        return TradingFlag.of(trading.tradingEnabled());
    }

    public PauseState state() {
        return state;
    }

    public EffectivenessTracker tracker() {
        return tracker;
    }

    public PauseService service() {
        return service;
    }

    public boolean leader() {
        return leader.getAsBoolean();
    }
}
