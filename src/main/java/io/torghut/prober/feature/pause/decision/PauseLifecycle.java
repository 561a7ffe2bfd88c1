package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.decision.AutoPause;
import io.torghut.prober.feature.pause.decision.GitDesiredState;
import io.torghut.prober.feature.pause.decision.GitOpsPauser;
import io.torghut.prober.feature.pause.decision.HoldTimer;
import io.torghut.prober.feature.pause.decision.PausePlanner;
import io.torghut.prober.feature.pause.decision.PauseReconciler;
import io.torghut.prober.feature.pause.decision.PauseService;
import io.torghut.prober.feature.pause.decision.PauseState;
import io.torghut.prober.feature.pause.decision.PendingRetries;
import io.torghut.prober.feature.pause.decision.VerdictEpisodes;
import io.torghut.prober.feature.pause.edge.BearerAuth;
import io.torghut.prober.feature.pause.edge.PauseToken;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.record.PauseAudit;
import io.torghut.prober.feature.pause.record.PauseMetrics;
import io.torghut.prober.feature.pause.record.PauseView;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.StoredRollout;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.git.JGitManifestRepository;
import io.torghut.prober.adapter.kubernetes.KubernetesAdapters;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.adapter.kubernetes.LeaderElection;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.runbook.FindingsTracker;
import io.torghut.prober.feature.target.TargetConfig;
import io.torghut.prober.feature.verdict.TradingStateSource;
import io.torghut.prober.feature.verdict.VerdictTracker;
import io.torghut.prober.shared.Redactor;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Builds the pause graph from configuration (failing startup with the key when trigger mode lacks its settings) and
 * runs its schedules: git refresh, effectiveness/live checks, retries, leader election and the automatic pause.
 */
@Singleton
public class PauseWiring {
    private static final Logger LOG = Logger.getLogger(PauseWiring.class);
    private final PauseConfig config;
    private final GitOpsConfig gitops;
    private final PauseExecutors executors = new PauseExecutors();
    private final Jobs jobs;
    private final PendingRetries retries;
    /** At most this long for the Events of a pause that just finished: an API that has gone is abandoned. */
    static final Duration EVENT_DRAIN = Duration.ofSeconds(1);
    /** Without {@code quarkus.shutdown.timeout} (tests), how long a stop waits for a pause under way. */
    static final Duration DEFAULT_PAUSE_WAIT = Duration.ofSeconds(20);
    private final PauseService service;
    private final BearerAuth auth;
    private final PauseView view;
    private final PauseAudit audit;
    private final EffectivenessTracker tracker;
    private final Optional<LeaderElection> election;
    private final GitDesiredState desired;
    private final boolean kubernetesOn;

    /** The probe whose stored observation confirms a pause. */
    static final String KNATIVE_PROBE = "knative";
    /** An observation older than this many reader intervals is too old to confirm anything. */
    private static final int MAX_AGE_INTERVALS = 4;

    public PauseWiring(PauseConfig config, GitOpsConfig gitops, TargetConfig target, Redactor redactor, KubernetesAdapters client,
                       FindingsTracker findings, KubernetesConfig kubernetes, ProbeRunner runner, TradingStateSource trading,
                       MeterRegistry registry, Clock clock, VerdictTracker verdicts, Jobs jobs) {
        PauseChecks.check(config, gitops, target);
        this.jobs = jobs;
        this.config = config;
        this.gitops = gitops;
        PauseToken token = PauseToken.of(config.token(), config.tokenFile(), redactor);
        gitops.token().ifPresent(redactor::add);
        String instance = instanceId(config.instanceId());
        TradingFlagEditor editor = new TradingFlagEditor(target.container());
        Optional<GitOpsPauser> git = gitops.repoUrl().map(url -> new GitOpsPauser(
                JGitManifestRepository.from(gitops, url, target.manifestPath(), redactor), editor, gitops.pushAttempts()));
        kubernetesOn = client.enabled();
        audit = new PauseAudit(registry, client.events(target.namespace(), target.service(), instance, config.kubernetesTimeout(), clock,
                executors.eventWriter()));
        // The observation the findings were computed from: the pause never reads as in force while /diagnose still
        // shows the findings of the revision before it.
        tracker = new EffectivenessTracker(new StoredRollout(findings::evaluatedKnative, clock, kubernetes.interval().multipliedBy(MAX_AGE_INTERVALS)),
                clock, config.effectiveDeadline(), config.liveEvery(), audit::overdue,
                every -> runner.pace(KNATIVE_PROBE, every), config.effectiveCheckEvery());
        PausePlanner planner = new PausePlanner(editor, target.manifestPath(), GitDesiredState.describe(git, target.manifestPath()),
                config.diagnoseUrl(), instance, config.argocd().namespace(), config.argocd().application(), target.namespace(), target.service());
        PauseState state = new PauseState(config.dedupWindow());
        desired = new GitDesiredState(git, planner, state, clock, target.manifestPath());
        VerdictEpisodes episodes = new VerdictEpisodes(config.episodeReset());
        retries = new PendingRetries(jobs, state, clock, config.retryInitial(), config.retryFor());
        service = new PauseService(config.mode(), desired, client.argoCd(config.argocd().namespace(), config.argocd().application(),
                config.kubernetesTimeout()), audit, state, tracker, retries, clock, episodes, executors.work(), gitops.timeout());
        auth = new BearerAuth(token);
        election = config.leader().on() ? client.leaderElection(config.leader().namespace(), config.leader().lease(),
                instance, config.leader().duration(), config.leader().renewDeadline(), config.leader().retryPeriod()) : Optional.empty();
        view = new PauseView(service, desired, state, tracker, trading, this::leader, verdicts,
                config.auto() && config.mode() == PauseMode.TRIGGER, clock, gitops.branch());
        AutoPause autoPause = new AutoPause(service, config.auto(), new HoldTimer(config.autoHold()), this::leader, executors.work(), audit);
        // Until every signal has reported once, PAUSE_RECOMMENDED only means "no result yet": never act on it.
        verdicts.onVerdict(verdict -> {
            if (verdicts.firstRoundDone()) {
                episodes.update(verdict.pauseWorthy(), verdict.evaluatedAt());
                autoPause.onVerdict(verdict);
            }
        });
    }

    /** {@code prober.pause.instance-id}, or a name of its own when neither it nor HOSTNAME is set. */
    static String instanceId(Optional<String> configured) {
        return configured.filter(id -> !id.isBlank()).orElseGet(() -> "torghut-prober-" + UUID.randomUUID());
    }

    /** Without leader election (a single replica, or the Kubernetes API off) this replica leads. */
    boolean leader() {
        return election.map(LeaderElection::isLeader).orElse(true);
    }

    @Produces
    @Singleton
    PauseService service() {
        return service;
    }

    @Produces
    @Singleton
    BearerAuth auth() {
        return auth;
    }

    @Produces
    @Singleton
    PauseView view() {
        return view;
    }

    void start(@Observes StartupEvent event, MeterRegistry registry) {
        PauseMetrics.register(registry, view);
        if (desired.configured()) {
            executors.work().execute(this::refreshGit);
            executors.every(jobs, "pause/git-refresh", gitops.refreshEvery(), gitops.refreshEvery(), this::refreshGit);
        }
        executors.every(jobs, "pause/effectiveness", config.effectiveCheckEvery(), config.effectiveCheckEvery(), this::tick);
        election.ifPresent(LeaderElection::start);
        if (!kubernetesOn) {
            LOG.infof("pause without the Kubernetes API (prober.kubernetes.enabled=false): no Events, no Argo CD sync request, no Lease; "
                    + "the audit log is written and Argo CD picks pause commits up when it polls git");
            if (config.leader().on()) {
                LOG.warnf("prober.pause.leader.enabled=true is ignored: the Lease needs prober.kubernetes.enabled=true; this replica "
                        + "acts as the only one (automatic pauses and recommendations are not deduplicated between replicas)");
            }
        }
        if (config.auto() && config.mode() != PauseMode.TRIGGER) {
            LOG.warnf("prober.pause.auto=true is ignored in mode %s: the automatic pause needs prober.pause.mode=trigger", config.mode().label());
        }
        LOG.infof("pause mode %s%s; GitOps %s", config.mode().label(), config.auto() && config.mode() == PauseMode.TRIGGER ? " with automatic pause after "
                + config.autoHold().toSeconds() + "s" : "", desired.repository());
    }

    /**
     * Quarkus fires this after it has waited ({@code quarkus.shutdown.timeout}) for the HTTP requests in flight, a
     * webhook's pause included, and before it closes the Kubernetes client. So, in this order: no new pause or
     * scheduled work starts; a pause started here (automatic, a retry) may finish within the same timeout; the Events
     * already queued are written ({@link #EVENT_DRAIN} at most); the Lease is released ({@link LeaderElection#RELEASE_BUDGET}
     * at most). Work that would wait on a hung dependency (a git refresh, an Event to an API that has gone) is
     * abandoned: the next start follows any pause up from git ({@link PauseReconciler}).
     */
    void stop(@Observes ShutdownEvent event) {
        executors.stopScheduling();
        retries.stop();
        Duration wait = ConfigProvider.getConfig().getOptionalValue("quarkus.shutdown.timeout", Duration.class).orElse(DEFAULT_PAUSE_WAIT);
        try {
            if (!service.stop(wait)) {
                LOG.warnf("stopping with a pause still under way after %ds: whatever git took, the next start resumes from git",
                        wait.toSeconds());
            }
            if (!executors.drainEvents(EVENT_DRAIN)) {
                LOG.infof("stopping without the Kubernetes Events still queued: the API did not take them within %dms", EVENT_DRAIN.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        election.ifPresent(LeaderElection::stop);
        executors.shutdownNow();
    }

    private void refreshGit() {
        try {
            service.reconcile(desired.read());
        } catch (GitUnavailableException e) {
            LOG.debugf("GitOps refresh failed: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("GitOps refresh failed: %s", e.toString());
        }
    }

    private void tick() {
        try {
            if (tracker.state().status().tracking()) {
                service.checkArgo();
            }
            tracker.tick();
            if (tracker.state().status() == EffectivenessStatus.EFFECTIVE) {
                service.rolloutConfirmed();
            }
        } catch (RuntimeException e) {
            LOG.warnf("pause effectiveness check failed: %s", e.toString());
        }
    }
}
