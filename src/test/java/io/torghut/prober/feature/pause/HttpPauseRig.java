package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.decision.GitDesiredState;
import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PausePlanner;
import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.decision.PendingRetries;
import io.torghut.prober.feature.pause.decision.VerdictEpisodes;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.record.PauseAudit;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.Rollout;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.git.JGitManifestRepository;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.testsupport.GitHttpServer;
import io.torghut.prober.testsupport.MockKubernetes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The pause service wired as in the prober, against the real things it meets: a smart-HTTP Git host
 * ({@code git http-backend}, Basic auth, server hooks) and the fabric8 mock API server holding the Argo CD
 * Application. The live rollout is set by the test ({@link #live}); git rounds run on their own threads, and callers
 * wait at most {@code answerWithin}, as in production.
 */
public final class HttpPauseRig implements AutoCloseable {
    static final String USER = "prober";
    static final String PASSWORD = "rig-http-pw-31";
    static final Rollout TRADING = new Rollout(true, "torghut-00041", "torghut-00041", Map.of("torghut-00041", 100L), "true");
    public final BareRepo remote;
    public final GitHttpServer host;
    public final MockKubernetes k8s;
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final AtomicReference<Rollout> live = new AtomicReference<>(TRADING);
    private final Path root;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService gitWork = Executors.newCachedThreadPool();

    public HttpPauseRig(Path root) throws Exception {
        this.root = root;
        remote = new BareRepo(root.resolve("host"));
        host = GitHttpServer.start(remote.projectRoot(), USER, PASSWORD);
        k8s = MockKubernetes.start();
        k8s.create(MockKubernetes.APPLICATIONS, new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application").withNewMetadata().withName("torghut").withNamespace("argocd").endMetadata()
                .addToAdditionalProperties("spec", Map.of("project", "default")).build());
    }

    /** One prober replica (a working copy of its own), with these settings. */
    public Replica replica(String name, String url, Duration gitTimeout, Duration answerWithin, Duration retryInitial) {
        TradingFlagEditor editor = new TradingFlagEditor(Optional.empty());
        Redactor redactor = new Redactor();
        redactor.add(PASSWORD);
        GitOpsPauser git = new GitOpsPauser(new JGitManifestRepository(url, "main", BareRepo.PATH, root.resolve(name), gitTimeout,
                "torghut-prober", "prober@example.com", Optional.of(new UsernamePasswordCredentialsProvider(USER, PASSWORD)), redactor),
                editor, 5);
        PausePlanner planner = new PausePlanner(editor, BareRepo.PATH, "test repo", "http://prober/diagnose", name, "argocd",
                "torghut", "torghut", "torghut");
        Clock clock = Clock.systemUTC();
        PauseState state = new PauseState(Duration.ofMinutes(10));
        EffectivenessTracker tracker = new EffectivenessTracker(live::get, clock, Duration.ofMinutes(5), Duration.ofMinutes(1), detail -> { });
        GitDesiredState desired = new GitDesiredState(Optional.of(git), planner, state, clock, BareRepo.PATH);
        VerdictEpisodes episodes = new VerdictEpisodes(Duration.ofMinutes(10));
        Optional<ArgoCdSync> argo = Optional.of(new ArgoCdSync(k8s.client(), "argocd", "torghut", Duration.ofSeconds(2)));
        PauseService service = new PauseService(PauseMode.TRIGGER, desired, argo, new PauseAudit(registry, Optional.empty()), state,
                tracker, new PendingRetries(Services.TIMERS, state, clock, retryInitial, Duration.ofMinutes(30)), clock, episodes, gitWork,
                answerWithin);
        return new Replica(service, desired, state, tracker, episodes);
    }

    public Replica replica(String name) {
        return replica(name, host.url(BareRepo.NAME), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMinutes(30));
    }

    /** The revision Argo CD was last asked to sync, if any. */
    public Optional<String> syncedRevision() {
        GenericKubernetesResource app = k8s.client().genericKubernetesResources(MockKubernetes.APPLICATIONS).inNamespace("argocd")
                .withName("torghut").get();
        @SuppressWarnings("unchecked")
        Map<String, Object> operation = (Map<String, Object>) app.getAdditionalProperties().get("operation");
        if (operation == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> sync = (Map<String, Object>) operation.get("sync");
        return Optional.ofNullable((String) sync.get("revision"));
    }

    public double count(String result) {
        var counter = registry.find("torghut_prober_pause_actions").tag("mode", "trigger").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A prober replica's pause machinery. */
    public record Replica(PauseService service, GitDesiredState desired, PauseState state, EffectivenessTracker tracker,
                   VerdictEpisodes episodes) {
        public PauseRecords.Answer handle(PauseRequest request) {
            return service.handle(request);
        }

        /** What the refresh schedule does: read git, reconcile. */
        public void refresh() throws Exception {
            service.reconcile(desired.read());
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
        gitWork.shutdownNow();
        host.close();
        k8s.close();
    }
}
