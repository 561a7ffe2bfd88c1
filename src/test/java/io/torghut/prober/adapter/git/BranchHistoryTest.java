package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.shared.model.TradingFlag;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the branch's history is a human's resume: "true" at the tip, set after the prober's pause by a commit without its trailer. */
class BranchHistoryTest {
    static final Instant T = Instant.parse("2026-11-27T15:00:00Z");

    @ParameterizedTest(name = "tip {0}, pause commit {1}, change after it {2}, by the prober {3}: {4}")
    @CsvSource({
        "ENABLED,  true,  true,  false, true",
        "ENABLED,  true,  true,  true,  false",
        "ENABLED,  true,  false, false, false",
        "ENABLED,  false, false, false, false",
        "DISABLED, true,  true,  false, false",
        "UNKNOWN,  true,  true,  false, false"})
    void humanResume(TradingFlag atTip, boolean pauseCommit, boolean changeAfterPause, boolean byProber, boolean resumed) {
        BranchHistory history = new BranchHistory("tip", atTip, Optional.of(new BranchHistory.FlagChange("c", T, "alice", byProber,
                TradingFlag.DISABLED)), pauseCommit ? Optional.of(new PauseCommits.PauseCommit("p", T.minusSeconds(60), "pod"))
                : Optional.empty(), changeAfterPause);
        assertEquals(resumed, history.humanResume().isPresent());
        assertEquals(TradingFlag.UNKNOWN, BranchHistory.unknown("x").atTip());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> messages() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("Pause trading\n\nWhat: x\nWhy:\n- a\n- b: c\n- … 3 more\nAlerts:\n- A fingerprint=f",
                        java.util.List.of("a", "b: c")),
                org.junit.jupiter.params.provider.Arguments.of("Pause trading\n\nWhy:\n- only\n\nTorghut-Prober-Pause: p", java.util.List.of("only")),
                org.junit.jupiter.params.provider.Arguments.of("no why at all", java.util.List.of()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("messages")
    void reasonsAreTheWhyLinesOfThePauseCommit(String message, java.util.List<String> reasons) {
        assertEquals(reasons, PauseCommits.reasons(message));
    }
}
