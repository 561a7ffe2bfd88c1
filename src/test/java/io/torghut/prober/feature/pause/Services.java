package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.decision.GitDesiredState;
import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.decision.PendingRetries;
import io.torghut.prober.feature.pause.decision.VerdictEpisodes;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.record.PauseAudit;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The pause service as the unit tests build it: git rounds on the caller's thread, and a ten-minute episode reset. */
public final class Services {
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    /** The one clock for retries: real millisecond timers on a daemon thread, as Vert.x's are. */
    public static final io.torghut.prober.adapter.clock.ManualJobs TIMERS = new io.torghut.prober.adapter.clock.ManualJobs();

    private Services() {
    }

    public static PauseService service(PauseMode mode, GitDesiredState desired, Optional<ArgoCdSync> argo, PauseAudit audit, PauseState state,
                                EffectivenessTracker tracker, PendingRetries retries, Clock clock) {
        return new PauseService(mode, desired, argo, audit, state, tracker, retries, clock, new VerdictEpisodes(Duration.ofMinutes(10)),
                Runnable::run, ANSWER_WITHIN);
    }

    /** The live revision trades, as the verdict and the pause section read it. */
    public static io.torghut.prober.feature.verdict.TradingStateSource tradingOn() {
        return new io.torghut.prober.feature.verdict.TradingStateSource() {
            @Override
            public Optional<Boolean> tradingEnabled() {
                return Optional.of(true);
            }

            @Override
            public String describe() {
                return "TRADING_ENABLED=true in live revision torghut-00041";
            }
        };
    }

    /** Git as read: TRADING_ENABLED at {@code commit}, with no history beyond it. */
    public static PauseRecords.GitView git(TradingFlag desired, String commit, String readAt, String error, String text) {
        return new PauseRecords.GitView(desired, commit, readAt, error, null, text,
                new BranchHistory(commit == null ? "none" : commit, desired, Optional.empty(), Optional.empty(), false));
    }
}
