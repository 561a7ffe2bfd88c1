package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.model.AlertRef;
import io.torghut.prober.feature.pause.model.PauseRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.adapter.git.BranchHistory;
import io.torghut.prober.shared.model.TradingFlag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Never fight a human (issue 24, point 3): after a human's resume, which requests are the same episode (held) and which
 * are new (paused again), for every source. Pure, table-driven.
 */
class HumanResumeRuleTest {
    static final Instant RESUMED = Instant.parse("2026-11-27T15:00:00Z");
    static final BranchHistory.FlagChange RESUME = new BranchHistory.FlagChange("r1", RESUMED, "alice", false, TradingFlag.DISABLED);

    static PauseRequest alert(String... startsAt) {
        List<AlertRef> alerts = Stream.of(startsAt).map(s -> new AlertRef("TorghutTaStale", "fp-" + s, s, "")).toList();
        return PauseRequest.alertmanager(false, "r", List.of("stale"), alerts, "g", 0, alerts.size());
    }

    static Optional<VerdictEpisodes.Episode> episode(String start) {
        return Optional.of(new VerdictEpisodes.Episode(start == null ? Optional.empty() : Optional.of(Instant.parse(start))));
    }

    static Stream<Arguments> rulings() {
        return Stream.of(
                // Alertmanager: the alert's start against the resume commit.
                Arguments.of("alert firing since before the resume", alert("2026-11-27T14:50:00Z"), Optional.empty(), false,
                        "the same episode: every alert began before the resume at 2026-11-27T15:00:00Z (latest TorghutTaStale since 2026-11-27T14:50:00Z)"),
                Arguments.of("an alert that fired again after the resume", alert("2026-11-27T14:50:00Z", "2026-11-27T15:05:00.123456789Z"),
                        Optional.empty(), true, "a new episode: alert TorghutTaStale (fingerprint fp-2026-11-27T15:05:00.123456789Z) has been "
                                + "firing since 2026-11-27T15:05:00.123456789Z, after the resume at 2026-11-27T15:00:00Z"),
                Arguments.of("startsAt with an offset", alert("2026-11-27T16:05:00+01:00"), Optional.empty(), true,
                        "a new episode: alert TorghutTaStale (fingerprint fp-2026-11-27T16:05:00+01:00) has been firing since "
                                + "2026-11-27T16:05:00+01:00, after the resume at 2026-11-27T15:00:00Z"),
                Arguments.of("an alert started at the resume's second", alert("2026-11-27T15:00:00Z"), Optional.empty(), false,
                        "the same episode: every alert began before the resume at 2026-11-27T15:00:00Z (latest TorghutTaStale since 2026-11-27T15:00:00Z)"),
                Arguments.of("no readable startsAt", alert("yesterday"), Optional.empty(), false,
                        "the same episode: no alert says when it began (startsAt)"),
                // The prober's own verdict episode, for the automatic pause and manual requests.
                Arguments.of("auto, the episode began before the resume", PauseRequest.auto(List.of("stale")), episode("2026-11-27T14:00:00Z"), false,
                        "the same episode: the verdict has found reasons to pause since 2026-11-27T14:00:00Z, and a human resumed within it"),
                Arguments.of("auto, the episode began after the resume", PauseRequest.auto(List.of("stale")), episode("2026-11-27T15:30:00Z"), true,
                        "a new episode: the verdict has found reasons to pause since 2026-11-27T15:30:00Z, after the resume at 2026-11-27T15:00:00Z"),
                Arguments.of("auto, begun before this prober started", PauseRequest.auto(List.of("stale")), episode(null), false,
                        "the same episode: the verdict has found reasons to pause since before this prober started, and a human resumed within it"),
                Arguments.of("auto without an episode", PauseRequest.auto(List.of("stale")), Optional.empty(), false,
                        "no verdict episode is under way"),
                Arguments.of("manual within the episode", PauseRequest.manual("bob", "stale", false), episode("2026-11-27T14:00:00Z"), false,
                        "the same episode: the verdict has found reasons to pause since 2026-11-27T14:00:00Z, and a human resumed within it"),
                Arguments.of("manual while no episode runs", PauseRequest.manual("bob", "maintenance", false), Optional.empty(), true,
                        "a new decision: no verdict episode is under way since the resume at 2026-11-27T15:00:00Z"),
                Arguments.of("manual with force", PauseRequest.manual("bob", "stale", true), episode("2026-11-27T14:00:00Z"), true,
                        "forced by the request (\"force\": true), overriding the resume at 2026-11-27T15:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulings")
    void rules(String situation, PauseRequest request, Optional<VerdictEpisodes.Episode> episode, boolean pause, String why) {
        HumanResumeRule.Ruling ruling = HumanResumeRule.rule(request, RESUME, episode);
        assertEquals(pause, ruling.pause(), situation);
        assertEquals(why, ruling.why());
    }
}
