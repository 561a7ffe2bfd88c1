package io.torghut.prober.pause;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.gitops.BareRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Starts a real bare git repository for the Quarkus tests and points the prober (trigger mode) at it. */
public class BareRepoResource implements QuarkusTestResourceLifecycleManager {
    static final String TOKEN = "pause-test-token-5f2c";
    static volatile BareRepo remote;
    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("pause-it");
            remote = new BareRepo(root.resolve("remote"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.ofEntries(
                Map.entry("prober.pause.mode", "trigger"),
                Map.entry("prober.pause.token", TOKEN),
                Map.entry("prober.gitops.repo-url", remote.url()),
                Map.entry("prober.gitops.work-dir", root.resolve("working-copy").toString()),
                Map.entry("prober.gitops.timeout", "5s"),
                Map.entry("prober.gitops.refresh-every", "1h"),
                Map.entry("prober.pause.retry-initial", "500ms"),
                Map.entry("prober.pause.effective-check-every", "1h"),
                Map.entry("prober.pause.kubernetes-timeout", "3s"),
                Map.entry("prober.pause.leader.lease", "app-pause-lease"),
                Map.entry("prober.pause.leader.duration", "3s"),
                Map.entry("prober.pause.leader.renew-deadline", "2s"),
                Map.entry("prober.pause.leader.retry-period", "500ms"),
                // The probe targets are unreachable on purpose: the probes must not matter for /pause.
                Map.entry("prober.torghut.url", "http://127.0.0.1:9"),
                Map.entry("prober.clickhouse.url", "http://127.0.0.1:9"));
    }

    @Override
    public void stop() {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files
        }
    }
}
