package io.torghut.prober.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.torghut.prober.core.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From git alone, the newest pause commit on the branch: what a restarted prober resumes tracking. */
class PauseCommitsTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheNewestPauseCommitByItsTrailerBelowLaterCommits() throws Exception {
        BareRepo remote = new BareRepo(tmp.resolve("remote"));
        GitOpsPauser pauser = new GitOpsPauser(new JGitManifestRepository(remote.url(), "main", BareRepo.PATH, tmp.resolve("wc"),
                Duration.ofSeconds(10), "torghut-prober", "p@example.com", Optional.empty(), new Redactor()),
                new TradingFlagEditor(Optional.empty()), 3);
        pauser.read();
        assertEquals(Optional.empty(), pauser.newestPauseCommit(), "no pause yet");
        Instant before = Instant.now().minusSeconds(1);
        GitOpsPauser.Result paused = pauser.pause(edit -> "Pause trading\n\nWhy: stale\n\n" + PauseCommits.trailer("prober-0 \u202Ex"));
        remote.change(t -> t.replace("0.39", "0.40"), "Bump the log shipper\n\nTorghut-Prober-Pause-Note: not a pause trailer");
        pauser.read();
        PauseCommits.PauseCommit found = pauser.newestPauseCommit().orElseThrow();
        assertEquals(paused.commit(), found.commit());
        assertEquals("prober-0-x", found.instance(), "whitespace and format characters cannot split or hide the trailer");
        assertTrue(!found.committedAt().isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), found.toString());
    }

    @Test
    void theTrailerIsTheLastLineOfTheCommitMessage() {
        assertEquals("Torghut-Prober-Pause: torghut-prober-7d9f", PauseCommits.trailer("torghut-prober-7d9f"));
        assertEquals("Torghut-Prober-Pause: a-b", PauseCommits.trailer("a\nb"));
    }
}
