package io.torghut.prober.feature.pause.decision;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.adapter.git.GitUnavailableException;
import io.torghut.prober.adapter.kubernetes.KubernetesFactory;
import io.torghut.prober.feature.pause.PauseConfig;
import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.verdict.VerdictTracker;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The pause's schedules and its stop order; the beans themselves come from the producers of each room
 * ({@link DecisionProducers}, record's and edge's). Starts the git refresh, the effectiveness/live checks, the leader
 * election and the automatic pause's subscription to the verdict; stops them in the order {@link #stop} explains.
 */
@Singleton
public class PauseLifecycle {
    private static final Logger LOG = Logger.getLogger(PauseLifecycle.class);
    /** At most this long for the Events of a pause that just finished: an API that has gone is abandoned. */
    static final Duration EVENT_DRAIN = Duration.ofSeconds(1);
    /** Without {@code quarkus.shutdown.timeout} (tests), how long a stop waits for a pause under way. */
    static final Duration DEFAULT_PAUSE_WAIT = Duration.ofSeconds(20);
    private final PauseConfig config;
    private final GitOpsConfig gitops;
    private final PauseExecutors executors;
    private final Jobs jobs;
    private final PendingRetries retries;
    private final PauseService service;
    private final EffectivenessTracker tracker;
    private final Leadership leadership;
    private final GitDesiredState desired;
    private final boolean kubernetesOn;

    public PauseLifecycle(PauseConfig config, GitOpsConfig gitops, PauseExecutors executors, Jobs jobs, PendingRetries retries,
                          PauseService service, EffectivenessTracker tracker, Leadership leadership, GitDesiredState desired,
                          KubernetesFactory client, VerdictTracker verdicts, VerdictEpisodes episodes, AutoPause autoPause) {
        this.config = config;
        this.gitops = gitops;
        this.executors = executors;
        this.jobs = jobs;
        this.retries = retries;
        this.service = service;
        this.tracker = tracker;
        this.leadership = leadership;
        this.desired = desired;
        this.kubernetesOn = client.enabled();
        // Until every signal has reported once, PAUSE_RECOMMENDED only means "no result yet": never act on it.
        verdicts.onVerdict(verdict -> {
            if (verdicts.firstRoundDone()) {
                episodes.update(verdict.pauseWorthy(), verdict.evaluatedAt());
                autoPause.onVerdict(verdict);
            }
        });
    }

    void start(@Observes StartupEvent event) {
        if (desired.configured()) {
            executors.work().execute(this::refreshGit);
            executors.every(jobs, "pause/git-refresh", gitops.refreshEvery(), gitops.refreshEvery(), this::refreshGit);
        }
        executors.every(jobs, "pause/effectiveness", config.effectiveCheckEvery(), config.effectiveCheckEvery(), this::tick);
        leadership.start();
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
     * already queued are written ({@link #EVENT_DRAIN} at most) while, beside it, the Lease is released
     * ({@link io.torghut.prober.adapter.kubernetes.LeaderElection#RELEASE_BUDGET} at most). Work that would wait on a hung
     * dependency (a git refresh, an Event to an API that has gone) is abandoned: the next start follows any pause up from
     * git ({@link PauseReconciler}).
     */
    void stop(@Observes ShutdownEvent event) {
        executors.stopScheduling();
        retries.stop();
        Duration wait = ConfigProvider.getConfig().getOptionalValue("quarkus.shutdown.timeout", Duration.class).orElse(DEFAULT_PAUSE_WAIT);
        Leadership.Stopping releasing = null;
        try {
            if (!service.stop(wait)) {
                LOG.warnf("stopping with a pause still under way after %ds: whatever git took, the next start resumes from git",
                        wait.toSeconds());
            }
            // No pause starts any more, so the Lease may go while the Events are written: with an API that hangs, both
            // waits end at about the same time instead of adding up (a stop took 2 s, now 1).
            releasing = leadership.stopInBackground();
            if (!executors.drainEvents(EVENT_DRAIN)) {
                LOG.infof("stopping without the Kubernetes Events still queued: the API did not take them within %dms", EVENT_DRAIN.toMillis());
            }
            releasing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (releasing == null) {
                leadership.stopInBackground();
            }
        }
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
