package io.torghut.prober.feature.pause.model;

import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.adapter.git.PauseCommits;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state model of docs/pause.md, as {@link PausePhase#of} defines it: every combination of git, the rollout and pending work. */
class PausePhaseTest {
    static final Instant T = Instant.parse("2026-11-27T15:00:00Z");

    static BranchHistory git(String atTip, boolean humanResume) {
        TradingFlag flag = TradingFlag.valueOf(atTip);
        Optional<BranchHistory.FlagChange> change = Optional.of(new BranchHistory.FlagChange("c", T, "alice", !humanResume && flag
                == TradingFlag.DISABLED, TradingFlag.UNKNOWN));
        return new BranchHistory("tip", flag, change, Optional.of(new PauseCommits.PauseCommit("p", T.minusSeconds(60), "pod")),
                humanResume);
    }

    @ParameterizedTest(name = "git {0}, human resume {1}, rollout {2}, pending {3}: {4}")
    @CsvSource({
        "ENABLED,  false, NONE,      false, not-paused",
        "ENABLED,  false, NONE,      true,  pause-pending",
        "ENABLED,  true,  NONE,      false, resumed-by-human",
        "ENABLED,  true,  NONE,      true,  pause-pending",
        "DISABLED, false, WAITING,   false, paused-not-in-force",
        "DISABLED, false, OVERDUE,   false, paused-not-in-force",
        "DISABLED, false, NONE,      true,  paused-not-in-force",
        "DISABLED, false, EFFECTIVE, false, in-force",
        "UNKNOWN,  false, NONE,      false, unknown",
        "UNKNOWN,  false, NONE,      true,  pause-pending"})
    void of(String atTip, boolean humanResume, EffectivenessStatus rollout, boolean pending, String phase) {
        assertEquals(phase, PausePhase.of(git(atTip, humanResume), rollout, pending).label());
    }
}
