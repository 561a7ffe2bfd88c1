package io.torghut.prober.feature.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.torghut.prober.feature.probe.ProbeOutcome;
import io.torghut.prober.feature.probe.ProbeResult;
import io.torghut.prober.feature.probe.SignalRole;
import io.torghut.prober.shared.FailureReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HysteresisTest {

    /**
     * Feeds a sequence of results ('+' success, '-' failure) through SignalState with the given thresholds and
     * returns the settled health after each one, as letters: G good, B bad.
     */
    private static String healthAfterEach(int failuresToBad, int successesToGood, String results) {
        Hysteresis hysteresis = new Hysteresis(failuresToBad, successesToGood);
        SignalState state = SignalState.initial("s", SignalRole.DEPENDENCY, Optional.empty());
        StringBuilder out = new StringBuilder();
        Instant at = Instant.parse("2026-03-02T15:00:00Z");
        for (char c : results.toCharArray()) {
            ProbeOutcome outcome = c == '+' ? ProbeOutcome.ok("ok") : ProbeOutcome.fail(FailureReason.CONNECT, "down");
            state = state.with(new ProbeResult("s", outcome, Duration.ofMillis(5), at), hysteresis);
            at = at.plusSeconds(10);
            out.append(switch (state.health()) {
                case GOOD -> 'G';
                case BAD -> 'B';
                case UNKNOWN -> 'U';
            });
        }
        return out.toString();
    }

    @ParameterizedTest(name = "N={0} M={1}: {2} -> {3}")
    @CsvSource({
            // UNKNOWN settles on the first result, whichever it is
            "2, 2, +,          G",
            "2, 2, -,          B",
            "5, 5, -,          B",
            // GOOD -> BAD only after N consecutive failures
            "2, 2, +-,         GG",
            "2, 2, +--,        GGB",
            "3, 2, +---,       GGGB",
            "1, 1, +-,         GB",
            // BAD -> GOOD only after M consecutive successes
            "2, 2, -+,         BB",
            "2, 2, -++,        BBG",
            "2, 3, -+++,       BBBG",
            "2, 3, -++-+++,    BBBBBBG",
            // a single success in a run of failures resets the failure streak
            "2, 2, +-+-+-+-,   GGGGGGGG",
            "3, 2, +--+---,    GGGGGGB",
            // alternating results never flap, whichever state they start in
            "2, 2, -+-+-+-+,   BBBBBBBB",
            "2, 2, ++--+-+-++, GGGBBBBBBG",
    })
    void settlesOnlyAfterStreaks(int failuresToBad, int successesToGood, String results, String expected) {
        assertEquals(expected, healthAfterEach(failuresToBad, successesToGood, results));
    }

    @ParameterizedTest(name = "{0} success={1} failures={2} successes={3} -> {4}")
    @CsvSource({
            "UNKNOWN, true,  0, 1, GOOD",
            "UNKNOWN, false, 1, 0, BAD",
            "GOOD,    false, 1, 0, GOOD",
            "GOOD,    false, 2, 0, BAD",
            "GOOD,    true,  0, 7, GOOD",
            "BAD,     true,  0, 1, BAD",
            "BAD,     true,  0, 2, GOOD",
            "BAD,     false, 9, 0, BAD",
    })
    void next(Health current, boolean success, int failures, int successes, Health expected) {
        assertEquals(expected, new Hysteresis(2, 2).next(current, success, failures, successes));
    }

    @Test
    void streaksAreCountedInTheState() {
        Hysteresis hysteresis = new Hysteresis(2, 2);
        SignalState state = SignalState.initial("s", SignalRole.DEPENDENCY, Optional.empty());
        List<int[]> streaks = new ArrayList<>();
        Instant at = Instant.EPOCH;
        for (boolean ok : new boolean[] {true, true, false, false, false, true}) {
            ProbeOutcome outcome = ok ? ProbeOutcome.ok("") : ProbeOutcome.fail(FailureReason.TIMEOUT, "");
            state = state.with(new ProbeResult("s", outcome, Duration.ZERO, at), hysteresis);
            streaks.add(new int[] {state.consecutiveFailures(), state.consecutiveSuccesses()});
        }
        String seen = streaks.stream().map(f -> "[" + f[0] + "," + f[1] + "]").reduce((a, b) -> a + ":" + b).orElse("");
        assertEquals("[0,1]:[0,2]:[1,0]:[2,0]:[3,0]:[0,1]", seen);
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 0", "-1, 2"})
    void rejectsThresholdsBelowOne(int failuresToBad, int successesToGood) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Hysteresis(failuresToBad, successesToGood));
        assertEquals("hysteresis thresholds must be at least 1", e.getMessage());
    }
}
