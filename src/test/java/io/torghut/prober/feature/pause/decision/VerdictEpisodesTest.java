package io.torghut.prober.feature.pause.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The prober's own episodes (issue 24, point 2): from the verdict finding a reason to pause to it finding none for the reset. */
class VerdictEpisodesTest {
    static final Instant T = Instant.parse("2026-11-27T15:00:00Z");

    @Test
    void anEpisodeUnderWayAtTheFirstVerdictHasAnUnknownStart() {
        VerdictEpisodes episodes = new VerdictEpisodes(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), episodes.current(), "no verdict yet");
        episodes.update(true, T);
        assertEquals(Optional.of(new VerdictEpisodes.Episode(Optional.empty())), episodes.current());
    }

    @Test
    void anEpisodeBegunWhileWatchedHasItsStartAndEndsOnlyAfterTheReset() {
        VerdictEpisodes episodes = new VerdictEpisodes(Duration.ofMinutes(10));
        episodes.update(false, T);
        assertEquals(Optional.empty(), episodes.current());
        episodes.update(true, T.plusSeconds(60));
        VerdictEpisodes.Episode begun = new VerdictEpisodes.Episode(Optional.of(T.plusSeconds(60)));
        assertEquals(Optional.of(begun), episodes.current());
        episodes.update(false, T.plusSeconds(120));
        episodes.update(false, T.plusSeconds(120 + 599));
        assertEquals(Optional.of(begun), episodes.current(), "good for less than the reset: the same episode");
        episodes.update(true, T.plusSeconds(800));
        episodes.update(false, T.plusSeconds(810));
        episodes.update(false, T.plusSeconds(810 + 599));
        assertEquals(Optional.of(begun), episodes.current(), "a bad verdict restarts the reset");
        episodes.update(false, T.plusSeconds(810 + 600));
        assertEquals(Optional.empty(), episodes.current(), "good for the reset: the episode ended");
        episodes.update(true, T.plusSeconds(2000));
        assertEquals(Optional.of(new VerdictEpisodes.Episode(Optional.of(T.plusSeconds(2000)))), episodes.current(), "a new one");
    }
}
