package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PauseDecider;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.TradingFlag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From git alone, what the branch says about the pause: TRADING_ENABLED at the tip, the commit that set it, the newest
 * prober pause (by its trailer), and whether a human resumed after it. Real repositories, real commits.
 */
class PauseCommitsTest {
    static final UnaryOperator<String> OFF = t -> t.replace("value: \"true\"   # set", "value: \"false\"   # set");
    static final UnaryOperator<String> ON = t -> t.replace("value: \"false\"   # set", "value: \"true\"   # set");
    @TempDir
    Path tmp;
    BareRepo remote;
    GitOpsPauser pauser;

    @BeforeEach
    void setUp() throws Exception {
        remote = new BareRepo(tmp.resolve("remote"));
        pauser = new GitOpsPauser(new JGitManifestRepository(remote.url(), "main", BareRepo.PATH, tmp.resolve("wc"),
                Duration.ofSeconds(10), "torghut-prober", "p@example.com", Optional.empty(), new Redactor()),
                new TradingFlagEditor(Optional.empty()), 3);
    }

    BranchHistory history() throws Exception {
        return pauser.read().history();
    }

    String pause(String instance) throws Exception {
        return pauser.pause(PauseDecider.always(edit -> "Pause trading\n\nWhy: stale\n\n" + PauseCommits.trailer(instance))).commit();
    }

    @Test
    void aBranchNeverPausedIsOnSinceItsFirstCommit() throws Exception {
        BranchHistory history = history();
        assertEquals(TradingFlag.ENABLED, history.atTip());
        assertEquals(Optional.empty(), history.newestPause(), "no pause yet");
        assertEquals(TradingFlag.UNKNOWN, history.lastChange().orElseThrow().from(), "set when the file was created");
        assertEquals(Optional.empty(), history.humanResume());
    }

    @Test
    void findsTheNewestPauseCommitByItsTrailerBelowLaterCommits() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        String paused = pause("prober-0 \u202Ex");
        remote.change(t -> t.replace("0.39", "0.40"), "Bump the log shipper\n\nTorghut-Prober-Pause-Note: not a pause trailer");
        BranchHistory history = history();
        PauseCommits.PauseCommit found = history.newestPause().orElseThrow();
        assertEquals(paused, found.commit());
        assertEquals("prober-0-x", found.instance(), "whitespace and format characters cannot split or hide the trailer");
        assertTrue(!found.committedAt().isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), found.toString());
        assertEquals(TradingFlag.DISABLED, history.atTip());
        BranchHistory.FlagChange change = history.lastChange().orElseThrow();
        assertEquals(paused, change.commit(), "the later commit did not touch TRADING_ENABLED");
        assertTrue(change.byProber());
        assertEquals(TradingFlag.ENABLED, change.from());
    }

    @Test
    void aHumanCommitThatSetsTrueAfterThePauseIsAResume() throws Exception {
        String paused = pause("prober-0");
        String resumed = remote.change(ON, "Resume trading: the data is fresh again");
        remote.change(t -> t.replace("0.39", "0.40"), "Bump the log shipper");
        BranchHistory history = history();
        assertEquals(TradingFlag.ENABLED, history.atTip());
        assertEquals(paused, history.newestPause().orElseThrow().commit());
        BranchHistory.FlagChange resume = history.humanResume().orElseThrow();
        assertEquals(resumed, resume.commit());
        assertEquals("someone", resume.author());
        assertFalse(resume.byProber());
        assertEquals(TradingFlag.DISABLED, resume.from());
    }

    @Test
    void aHumanPauseIsNotAProberPauseAndItsResumeIsNotAfterOne() throws Exception {
        String humanPause = remote.change(OFF, "Pause by hand");
        BranchHistory paused = history();
        assertEquals(TradingFlag.DISABLED, paused.atTip());
        assertEquals(humanPause, paused.lastChange().orElseThrow().commit());
        assertFalse(paused.lastChange().orElseThrow().byProber(), "followed all the same, whoever made it");
        remote.change(ON, "Resume by hand");
        assertEquals(Optional.empty(), history().humanResume(), "no prober pause to have been resumed after");
    }

    @Test
    void aProberPauseAfterTheResumeEndsTheResume() throws Exception {
        pause("prober-0");
        remote.change(ON, "Resume");
        String again = pause("prober-1");
        BranchHistory history = history();
        assertEquals(TradingFlag.DISABLED, history.atTip());
        assertEquals(again, history.newestPause().orElseThrow().commit());
        assertEquals(Optional.empty(), history.humanResume());
    }

    @Test
    void theTrailerIsTheLastLineOfTheCommitMessage() {
        assertEquals("Torghut-Prober-Pause: torghut-prober-7d9f", PauseCommits.trailer("torghut-prober-7d9f"));
        assertEquals("Torghut-Prober-Pause: a-b", PauseCommits.trailer("a\nb"));
    }
}
