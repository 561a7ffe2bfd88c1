package io.torghut.prober.adapter.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PauseDecider;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.GitHttpHooks;
import io.torghut.prober.testsupport.GitHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two prober instances (two working copies, two pausers) on one smart-HTTP remote receive the same alert, ten times
 * each, at once, while the host is slow to receive: exactly one commit, and every answer a success.
 */
class TwoInstancesHttpTest {
    @TempDir
    Path tmp;

    @Test
    void twoInstancesTenRequestsEachMakeExactlyOneCommitAndNoRefusal() throws Exception {
        BareRepo remote = new BareRepo(tmp.resolve("host"));
        GitHttpHooks.delay(remote.bare(), 0.5);
        try (GitHttpServer host = GitHttpServer.start(remote.projectRoot(), "prober", "pw-1234")) {
            List<GitOpsPauser> instances = new ArrayList<>();
            for (String name : List.of("instance-a", "instance-b")) {
                instances.add(new GitOpsPauser(new JGitManifestRepository(host.url(BareRepo.NAME), "main", BareRepo.PATH, tmp.resolve(name),
                        Duration.ofSeconds(30), "torghut-prober", "p@example.com",
                        Optional.of(new UsernamePasswordCredentialsProvider("prober", "pw-1234")), new Redactor()),
                        new TradingFlagEditor(Optional.empty()), 5));
            }
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Callable<GitOpsPauser.Result>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                GitOpsPauser instance = instances.get(i % 2);
                String who = "instance-" + (i % 2);
                calls.add(() -> instance.pause(PauseDecider.always(edit -> "Pause trading\n\n" + PauseCommits.trailer(who))));
            }
            List<GitOpsPauser.Result.Kind> kinds = new ArrayList<>();
            for (Future<GitOpsPauser.Result> answer : pool.invokeAll(calls)) {
                kinds.add(answer.get().kind());
            }
            pool.shutdown();
            assertEquals(1, kinds.stream().filter(k -> k == GitOpsPauser.Result.Kind.PAUSED).count(), kinds.toString());
            assertEquals(19, kinds.stream().filter(k -> k == GitOpsPauser.Result.Kind.ALREADY_PAUSED).count(), kinds.toString());
            assertEquals(List.of("Pause trading", "Add the torghut Knative service"),
                    remote.log().stream().map(c -> c.getShortMessage()).toList());
        }
    }
}
