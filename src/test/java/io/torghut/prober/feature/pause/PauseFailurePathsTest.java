package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.decision.GitDesiredState;
import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.PausePlanner;
import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.decision.PendingRetries;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.record.PauseAudit;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.Rollout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.git.JGitManifestRepository;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.shared.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pause's ways of failing, each asserted on what the caller and the metrics see: giving up after
 * {@code retry-for} (503 {@code failed}, counted as {@code gave-up}), and Argo CD refusing the sync (401/403) being
 * permanent: the commit stands, nothing is retried, nothing stays pending. Real bare git repository; the Kubernetes API
 * is the fabric8 mock server answering with the status codes a real API server sends for missing RBAC.
 */
@EnableKubernetesMockClient(https = false)
class PauseFailurePathsTest {
    static final Duration RETRY_FOR = Duration.ofMinutes(10);
    static final String APP_PATH = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/torghut";
    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path tmp;
    BareRepo remote;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T15:00:00Z"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    PauseState state = new PauseState(Duration.ofHours(1));

    @BeforeEach
    void setUp() throws Exception {
        remote = new BareRepo(tmp.resolve("remote"));
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    /** Retries are scheduled an hour out, so that only the test's own calls (and its clock) drive the episode. */
    PauseService service(Optional<ArgoCdSync> argo) {
        TradingFlagEditor editor = new TradingFlagEditor(Optional.empty());
        GitOpsPauser git = new GitOpsPauser(new JGitManifestRepository(remote.url(), "main", BareRepo.PATH, tmp.resolve("wc"),
                Duration.ofSeconds(5), "torghut-prober", "p@example.com", Optional.empty(), new Redactor()), editor, 5);
        PausePlanner planner = new PausePlanner(editor, BareRepo.PATH, "test repo", "http://prober/diagnose", "test-pod", "argocd",
                "torghut", "torghut", "torghut");
        EffectivenessTracker tracker = new EffectivenessTracker(() -> new Rollout(false, null, null, Map.of(), null), clock,
                Duration.ofMinutes(5), Duration.ofMinutes(1), detail -> { });
        return Services.service(PauseMode.TRIGGER, new GitDesiredState(Optional.of(git), planner, state, clock, BareRepo.PATH), argo,
                new PauseAudit(registry, Optional.empty()), state, tracker,
                new PendingRetries(Services.TIMERS, state, clock, Duration.ofHours(1), RETRY_FOR), clock);
    }

    double count(String result) {
        var counter = registry.find("torghut_prober_pause_actions").tag("mode", "trigger").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    static PauseRequest manual(String reason) {
        return PauseRequest.manual("oncall@example.com", reason, false);
    }

    @Test
    void gitUnreachableLongerThanRetryForGivesUpWith503FailedAndCountsGaveUp() throws Exception {
        PauseService service = service(Optional.empty());
        remote.takeAway();

        PauseRecords.Answer first = service.handle(manual("TA stale"));
        assertEquals(503, first.status());
        assertEquals("pending", first.action());
        assertEquals(1, state.pending().orElseThrow().attempts());

        clock.advance(RETRY_FOR);
        PauseRecords.Answer atTheLimit = service.handle(manual("TA stale"));
        assertEquals("pending", atTheLimit.action(), "exactly retry-for after the first failure is still inside the window");
        assertEquals(2, state.pending().orElseThrow().attempts());
        assertEquals(0.0, count("gave-up"));

        clock.advance(Duration.ofSeconds(1));
        PauseRecords.Answer gaveUp = service.handle(manual("TA stale"));
        assertEquals(503, gaveUp.status(), "Alertmanager retries 5xx: a human may still get the pause through");
        assertEquals("failed", gaveUp.action());
        assertTrue(gaveUp.message().startsWith("gave up after retrying: "), gaveUp.message());
        assertEquals(1.0, count("gave-up"));
        assertEquals(2.0, count("pending"));
        assertTrue(state.pending().isEmpty(), "nothing is left pending after giving up");

        // The next request starts a new episode with its own window rather than giving up at once.
        clock.advance(Duration.ofSeconds(1));
        assertEquals("pending", service.handle(manual("TA stale")).action());
        assertEquals(1, state.pending().orElseThrow().attempts());
        remote.bringBack();
        assertEquals(1, remote.log().size(), "no commit was made while git was away");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void argoCdRefusingTheSyncIsPermanentAndNeverRetried(int code) throws Exception {
        // fabric8 reads the Application before patching it: it exists, the service account may read but not patch it.
        server.expect().get().withPath(APP_PATH).andReturn(200, new GenericKubernetesResourceBuilder().withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application").withNewMetadata().withName("torghut").withNamespace("argocd").endMetadata().build()).always();
        server.expect().patch().withPath(APP_PATH).andReturn(code, new StatusBuilder().withCode(code)
                .withReason(code == 401 ? "Unauthorized" : "Forbidden").withMessage("applications.argoproj.io \"torghut\" is forbidden")
                .build()).always();
        PauseService service = service(Optional.of(new ArgoCdSync(client, "argocd", "torghut", Duration.ofSeconds(20))));
        int before = server.getRequestCount();

        PauseRecords.Answer answer = service.handle(manual("TA stale"));
        assertEquals(200, answer.status(), () -> "the commit is the pause; a refused sync is reported, not a 5xx that invites retries: "
                + answer.argocd());
        assertEquals("paused", answer.action());
        assertTrue(answer.argocd().startsWith("not allowed to patch applications.argoproj.io/torghut in namespace argocd (RBAC"),
                answer.argocd());
        assertTrue(state.pending().isEmpty(), "a permanent refusal leaves no pending sync");
        assertEquals(2, remote.log().size(), "the commit stands");
        assertEquals(1, patches(server.getRequestCount() - before), "exactly one PATCH: no internal retry");

        int afterFirst = server.getRequestCount();
        assertEquals("already-paused", service.handle(manual("TA stale")).action());
        assertEquals(afterFirst, server.getRequestCount(), "a later notification does not re-ask Argo CD either");
        assertFalse(state.pending().isPresent());
    }

    private static int patches(int requests) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request != null) {
                seen.add(request.getMethod() + " " + request.getPath());
            }
        }
        return (int) seen.stream().filter(s -> s.startsWith("PATCH " + APP_PATH)).count();
    }
}
