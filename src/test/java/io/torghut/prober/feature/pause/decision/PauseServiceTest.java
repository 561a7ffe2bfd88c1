package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.feature.pause.MutableClock;
import io.torghut.prober.feature.pause.Services;
import io.torghut.prober.feature.pause.model.AlertRef;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PausePlan;
import io.torghut.prober.feature.pause.model.PauseRecords;
import io.torghut.prober.feature.pause.model.PauseRequest;
import io.torghut.prober.feature.pause.model.PendingKind;
import io.torghut.prober.feature.pause.record.PauseAudit;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.Rollout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.torghut.prober.adapter.git.BareRepo;
import io.torghut.prober.adapter.git.JGitManifestRepository;
import io.torghut.prober.adapter.kubernetes.ArgoCdSync;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.feature.signal.SignalSnapshot;
import io.torghut.prober.feature.verdict.Verdict;
import io.torghut.prober.feature.verdict.VerdictLevel;
import io.torghut.prober.shared.Redactor;
import io.torghut.prober.shared.model.TradingFlag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service without Quarkus: recommend and off modes, resolved notifications, refusals, the automatic pause. */
class PauseServiceTest {
    @TempDir
    Path tmp;
    BareRepo remote;
    SimpleMeterRegistry registry;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T15:00:00Z"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    PauseState state;

    @BeforeEach
    void setUp() throws Exception {
        remote = new BareRepo(tmp.resolve("remote"));
        registry = new SimpleMeterRegistry();
        state = new PauseState(Duration.ofHours(1));
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
    }

    PauseService service(PauseMode mode, boolean withGit) {
        return service(mode, withGit, Optional.empty());
    }

    PauseService service(PauseMode mode, boolean withGit, Optional<ArgoCdSync> argo) {
        TradingFlagEditor editor = new TradingFlagEditor(Optional.empty());
        Optional<GitOpsPauser> git = withGit ? Optional.of(new GitOpsPauser(new JGitManifestRepository(remote.url(), "main", BareRepo.PATH,
                tmp.resolve("wc"), Duration.ofSeconds(5), "torghut-prober", "p@example.com", Optional.empty(), new Redactor()), editor, 5))
                : Optional.empty();
        PausePlanner planner = new PausePlanner(editor, BareRepo.PATH, "test repo", "http://prober/diagnose", "test-pod", "argocd", "torghut",
                "torghut", "torghut");
        EffectivenessTracker tracker = new EffectivenessTracker(() -> new Rollout(false, null, null, Map.of(), null), clock,
                Duration.ofMinutes(5), Duration.ofMinutes(1), detail -> { });
        return Services.service(mode, new GitDesiredState(git, planner, state, clock, BareRepo.PATH), argo,
                new PauseAudit(registry, Optional.empty()), state, tracker,
                new PendingRetries(Services.TIMERS, state, clock, Duration.ofSeconds(1), Duration.ofMinutes(30)), clock);
    }

    double count(String mode, String result) {
        return registry.get("torghut_prober_pause_actions").tag("mode", mode).tag("result", result).counter().count();
    }

    static PauseRequest alert(String groupKey) {
        return PauseRequest.alertmanager(false, "torghut-pause", List.of("TorghutTaStale: ta_signals 9m old"),
                List.of(new AlertRef("TorghutTaStale", "fp1", "2026-11-27T14:50:00Z", "ta_signals 9m old")), groupKey, 0, 1);
    }

    @Test
    void recommendReturnsThePlanOncePerNotificationAndNeverCommits() throws Exception {
        PauseService service = service(PauseMode.RECOMMEND, true);
        PauseRecords.Answer answer = service.handle(alert("g1"));
        assertEquals(200, answer.status());
        assertEquals("recommended", answer.action());
        PausePlan plan = answer.plan();
        assertEquals(TradingFlag.ENABLED, plan.desiredInGit());
        assertTrue(plan.diff().contains("+              value: \"false\"   # set to \"false\" to pause (GitOps only)"), plan.diff());
        assertNull(plan.resumeDiff());
        assertTrue(plan.commitMessage().contains("- TorghutTaStale fingerprint=fp1 since 2026-11-27T14:50:00Z"), plan.commitMessage());
        assertTrue(plan.steps().get(1).startsWith("argocd app sync torghut"));
        service.handle(alert("g1"));
        assertEquals(1.0, count("recommend", "recommended"), "the same notification is recorded once");
        service.handle(alert("g2"));
        assertEquals(2.0, count("recommend", "recommended"));
        assertEquals(1, remote.log().size(), "recommend never commits");
        assertEquals(TradingFlag.ENABLED, state.git().desired());
    }

    @Test
    void recommendWithoutGitStillExplains() {
        PausePlan plan = service(PauseMode.RECOMMEND, false).handle(alert("g")).plan();
        assertNull(plan.diff());
        assertEquals("git is not configured (GITOPS_REPO_URL): the diff cannot be shown", plan.note());
        assertTrue(plan.commitMessage().startsWith("Pause trading: TRADING_ENABLED=\"false\" in argocd/applications/torghut/knative-service.yaml"));
    }

    @Test
    void offAnswers409AndResolvedNeverActs() throws Exception {
        PauseRecords.Answer off = service(PauseMode.OFF, true).handle(alert("g"));
        assertEquals(409, off.status());
        assertEquals("disabled", off.action());
        PauseRequest resolved = PauseRequest.alertmanager(true, "r", List.of(), List.of(), "g", 0, 0);
        PauseRecords.Answer none = service(PauseMode.TRIGGER, true).handle(resolved);
        assertEquals(200, none.status());
        assertEquals("none", none.action());
        assertEquals(1.0, count("trigger", "none"));
        assertEquals(1, remote.log().size());
    }

    /** Not the request's fault, and a person can fix it: 503 (Alertmanager retries) and an internal retry. */
    @Test
    void aManifestOfTheWrongShapeIsRefusedWith503AndRetried() throws Exception {
        remote.change(t -> t.replace("name: user-container", "name: trader").replace("ports:\n", "portz:\n"), "Rename");
        PauseRecords.Answer answer = service(PauseMode.TRIGGER, true).handle(alert("g"));
        assertEquals(503, answer.status());
        assertEquals("refused", answer.action());
        assertEquals(PendingKind.GIT, state.pending().orElseThrow().kind());
        assertTrue(state.pending().orElseThrow().lastError().startsWith("refused: cannot tell which container"), state.pending().toString());
        assertTrue(answer.message().startsWith("cannot tell which container serves the port"), answer.message());
        assertEquals(2, remote.log().size());
        assertEquals("refused", state.lastAction().orElseThrow().action());
    }

    static Verdict verdict(VerdictLevel level, Instant at) {
        return new Verdict(level, level == VerdictLevel.PAUSE_RECOMMENDED ? List.of("ta_signals stale") : List.of(), List.of(), true, true, at,
                new SignalSnapshot(List.of()));
    }

    @Test
    void automaticPauseWaitsForTheHoldAndTheLease() throws Exception {
        PauseService service = service(PauseMode.TRIGGER, true);
        AtomicBoolean leader = new AtomicBoolean(false);
        AutoPause auto = new AutoPause(service, true, new HoldTimer(Duration.ofMinutes(2)), leader::get, Runnable::run,
                new PauseAudit(new SimpleMeterRegistry(), Optional.empty()));
        Instant t0 = clock.instant();
        auto.onVerdict(verdict(VerdictLevel.PAUSE_RECOMMENDED, t0));
        auto.onVerdict(verdict(VerdictLevel.PAUSE_RECOMMENDED, t0.plusSeconds(180)));
        assertEquals(1, remote.log().size(), "not the leader: no pause");
        leader.set(true);
        auto.onVerdict(verdict(VerdictLevel.PAUSE_RECOMMENDED, t0.plusSeconds(181)));
        auto.onVerdict(verdict(VerdictLevel.PAUSE_RECOMMENDED, t0.plusSeconds(300)));
        assertEquals(1, remote.log().size(), "the hold starts when this replica leads");
        auto.onVerdict(verdict(VerdictLevel.PAUSE_RECOMMENDED, t0.plusSeconds(301)));
        assertEquals(2, remote.log().size());
        assertTrue(remote.log().get(0).getFullMessage().contains("Requested by: torghut-prober (automatic, verdict PAUSE_RECOMMENDED) (auto)"));
        assertEquals("paused", state.lastAction().orElseThrow().action());
        assertNotNull(state.lastAction().orElseThrow().commit());
    }

    @Test
    void recommendModeRecordsTheVerdictOncePerEpisode() {
        PauseService service = service(PauseMode.RECOMMEND, false);
        SimpleMeterRegistry autoRegistry = new SimpleMeterRegistry();
        AutoPause auto = new AutoPause(service, true, new HoldTimer(Duration.ofMinutes(2)), () -> true, Runnable::run,
                new PauseAudit(autoRegistry, Optional.empty()));
        Instant t0 = clock.instant();
        for (int i = 0; i < 10; i++) {
            auto.onVerdict(verdict(VerdictLevel.PAUSE_RECOMMENDED, t0.plusSeconds(i)));
        }
        auto.onVerdict(verdict(VerdictLevel.HEALTHY, t0.plusSeconds(20)));
        auto.onVerdict(verdict(VerdictLevel.PAUSE_RECOMMENDED, t0.plusSeconds(30)));
        assertEquals(2.0, autoRegistry.get("torghut_prober_pause_actions").tag("mode", "recommend").tag("result", "recommended").counter().count());
    }

    @Test
    void unreachableArgoCdIs503WithTheCommitStandingAndAPendingSync() throws Exception {
        io.fabric8.kubernetes.client.KubernetesClient dead = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl("http://127.0.0.1:9")
                        .withRequestRetryBackoffLimit(0).build()).build();
        PauseService service = service(PauseMode.TRIGGER, true, Optional.of(new ArgoCdSync(dead, "argocd", "torghut", Duration.ofSeconds(2))));
        PauseRecords.Answer answer = service.handle(alert("g"));
        assertEquals(503, answer.status(), answer.message());
        assertEquals("paused", answer.action());
        assertTrue(answer.argocd().startsWith("Argo CD unreachable (applications.argoproj.io/torghut in namespace argocd)"), answer.argocd());
        assertEquals(2, remote.log().size(), "the commit stands");
        PauseRecords.Pending pending = state.pending().orElseThrow();
        assertEquals(PendingKind.ARGOCD, pending.kind());
        assertEquals(answer.commit(), pending.commit());
        // Alertmanager's retry: no new commit; the sync is retried (and still pending).
        PauseRecords.Answer again = service.handle(alert("g"));
        assertEquals("already-paused", again.action());
        assertEquals(2, remote.log().size());
        assertTrue(state.pending().orElseThrow().attempts() >= 2);
        dead.close();
    }

    @Test
    void backoffDoublesUpToFiveMinutes() {
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(160),
                        Duration.ofMinutes(5), Duration.ofMinutes(5)),
                List.of(1, 2, 3, 6, 7, 60).stream().map(n -> PendingRetries.backoff(Duration.ofSeconds(5), n)).toList());
    }
}
