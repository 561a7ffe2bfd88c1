package io.torghut.prober.pause;

import io.torghut.prober.model.TradingFlag;
import io.torghut.prober.policy.TradingStateSource;
import io.torghut.prober.policy.Verdict;
import io.torghut.prober.policy.VerdictTracker;
import java.util.List;
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

    public PauseView(PauseService service, GitDesiredState desired, PauseState state, EffectivenessTracker tracker,
                     TradingStateSource trading, BooleanSupplier leader, VerdictTracker verdicts, boolean auto) {
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
        Verdict verdict = verdicts.current();
        List<String> reasons = verdict == null || verdict.reasons().isEmpty()
                ? List.of("no current reason (verdict " + (verdict == null ? "unknown" : verdict.level()) + ")") : verdict.reasons();
        Rollout live = tracker.live().orElse(null);
        PauseRecords.GitView git = state.git();
        return new PauseRecords.View(service.mode().label(), phase(), auto, leader.getAsBoolean(), desired.repository(), git,
                humanResume().orElse(null), liveTradingEnabled(), live, tracker.liveError().orElse(null),
                state.lastAction().orElse(null), state.pending().orElse(null), state.refusal().orElse(null), tracker.state(),
                desired.currentPlan(reasons));
    }

    /** Where the pause stands ({@link PausePhase#of}), from git as last read, the rollout check and the pending work. */
    public PausePhase phase() {
        boolean gitPending = state.pending().filter(p -> p.kind() == PendingKind.GIT).isPresent();
        return PausePhase.of(state.git().history(), tracker.state().status(), gitPending);
    }

    /** The human's resume that git shows after the prober's newest pause, with its author (for GET /pause only). */
    public java.util.Optional<PauseRecords.HumanResume> humanResume() {
        io.torghut.prober.gitops.BranchHistory history = state.git().history();
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
