package io.torghut.prober.pause;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.gitops.PauseCommits;
import io.torghut.prober.model.TradingFlag;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When a restarted prober resumes the newest pause commit found in git: a table of the pure decision. */
class PauseResumptionTest {
    static final PauseCommits.PauseCommit PAUSE = new PauseCommits.PauseCommit("abc123", Instant.parse("2026-11-27T14:00:00Z"), "pod-1");

    static Stream<Arguments> cases() {
        Optional<PauseCommits.PauseCommit> found = Optional.of(PAUSE);
        return Stream.of(
                Arguments.of(PauseMode.TRIGGER, TradingFlag.DISABLED, found, Optional.empty(), true,
                        "pause commit abc123 of 2026-11-27T14:00:00Z by pod-1: tracking its rollout from its commit time"),
                Arguments.of(PauseMode.TRIGGER, TradingFlag.ENABLED, found, Optional.empty(), false,
                        "TRADING_ENABLED at the tip of the branch is true: no pause to follow"),
                Arguments.of(PauseMode.TRIGGER, TradingFlag.UNKNOWN, found, Optional.empty(), false,
                        "TRADING_ENABLED at the tip of the branch is unknown: no pause to follow"),
                Arguments.of(PauseMode.TRIGGER, TradingFlag.DISABLED, Optional.empty(), Optional.empty(), false,
                        "no pause commit (trailer Torghut-Prober-Pause) on the branch"),
                Arguments.of(PauseMode.TRIGGER, TradingFlag.DISABLED, found, Optional.of("abc123"), false,
                        "this process already tracks pause abc123"),
                Arguments.of(PauseMode.RECOMMEND, TradingFlag.DISABLED, found, Optional.empty(), false,
                        "mode recommend does not act on pauses"),
                Arguments.of(PauseMode.OFF, TradingFlag.DISABLED, found, Optional.empty(), false, "mode off does not act on pauses"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decides(PauseMode mode, TradingFlag tip, Optional<PauseCommits.PauseCommit> newest, Optional<String> tracked, boolean track,
                 String why) {
        PauseResumption.Decision decision = PauseResumption.decide(mode, tip, newest, tracked);
        assertEquals(track ? Optional.of(PAUSE) : Optional.empty(), decision.track());
        assertEquals(why, decision.why());
    }
}
