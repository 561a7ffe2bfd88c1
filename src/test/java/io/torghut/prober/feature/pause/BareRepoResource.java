package io.torghut.prober.feature.pause;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.testsupport.ProberKeys;
import io.torghut.prober.testsupport.TempDirs;
import java.nio.file.Path;
import java.util.Map;

/** Starts a real bare git repository for the Quarkus tests and points the prober (trigger mode) at it. */
public class BareRepoResource implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "pause-test-token-5f2c";
    public static volatile BareRepo remote;
    private Path root;

    @Override
    public Map<String, String> start() {
        root = TempDirs.create("pause-it");
        try {
            remote = new BareRepo(root.resolve("remote"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return settings(ProberKeys.prober().triggerMode(TOKEN, remote.url(), root.resolve("working-copy"), "3s")).build();
    }

    /** What the tests of this resource run with, on top of trigger mode against the repository. */
    protected ProberKeys settings(ProberKeys triggerMode) {
        return triggerMode
                .set("prober.pause.retry-initial", "500ms")
                .set("prober.pause.leader.lease", "app-pause-lease")
                .set("prober.pause.leader.duration", "3s")
                .set("prober.pause.leader.renew-deadline", "2s")
                .set("prober.pause.leader.retry-period", "500ms")
                // The probe targets are unreachable on purpose: the probes must not matter for /pause.
                .torghutAndClickHouseUnreachable();
    }

    @Override
    public void stop() {
        TempDirs.deleteTree(root);
    }
}
