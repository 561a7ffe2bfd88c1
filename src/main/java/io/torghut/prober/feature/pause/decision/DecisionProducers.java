package io.torghut.prober.feature.pause.decision;

import io.torghut.prober.adapter.clock.Jobs;
import io.torghut.prober.adapter.git.GitOpsConfig;
import io.torghut.prober.adapter.git.JGitManifestRepository;
import io.torghut.prober.adapter.kubernetes.KubernetesFactory;
import io.torghut.prober.adapter.kubernetes.KubernetesConfig;
import io.torghut.prober.feature.pause.PauseChecks;
import io.torghut.prober.feature.pause.PauseConfig;
import io.torghut.prober.feature.pause.manifest.TradingFlagEditor;
import io.torghut.prober.feature.pause.model.PauseInstance;
import io.torghut.prober.feature.pause.rollout.EffectivenessTracker;
import io.torghut.prober.feature.pause.rollout.StoredRollout;
import io.torghut.prober.feature.probe.ProbeRunner;
import io.torghut.prober.feature.runbook.FindingsTracker;
import io.torghut.prober.feature.target.TargetConfig;
import io.torghut.prober.shared.Redactor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * The pause's decision and what it decides with, from configuration. The configuration is checked when this class is
 * built, before any of its beans: trigger mode without its settings stops startup naming the key.
 */
@Singleton
public class DecisionProducers {
    /** The probe whose stored observation confirms a pause. */
    static final String KNATIVE_PROBE = "knative";
    /** An observation older than this many reader intervals is too old to confirm anything. */
    private static final int MAX_AGE_INTERVALS = 4;
    private final PauseConfig config;

    public DecisionProducers(PauseConfig config, GitOpsConfig gitops, TargetConfig target) {
        PauseChecks.check(config, gitops, target);
        this.config = config;
    }

    @Produces
    @Singleton
    PauseExecutors executors() {
        return new PauseExecutors();
    }

    @Produces
    @Singleton
    PauseInstance instance() {
        return PauseInstance.of(config.instanceId());
    }

    @Produces
    @Singleton
    PauseState state() {
        return new PauseState(config.dedupWindow());
    }

    @Produces
    @Singleton
    VerdictEpisodes episodes() {
        return new VerdictEpisodes(config.episodeReset());
    }

    /** The manifest in git, and the plan of its edit: unconfigured (recommend mode's plan only) without a remote. */
    @Produces
    @Singleton
    GitDesiredState desired(GitOpsConfig gitops, TargetConfig target, Redactor redactor, PauseState state, Clock clock,
                            PauseInstance instance) {
        gitops.token().ifPresent(redactor::add);
        TradingFlagEditor editor = new TradingFlagEditor(target.container());
        Optional<GitOpsPauser> git = gitops.repoUrl().map(url -> new GitOpsPauser(
                JGitManifestRepository.from(gitops, url, target.manifestPath(), redactor), editor, gitops.pushAttempts()));
        PausePlanner planner = new PausePlanner(editor, target.manifestPath(), GitDesiredState.describe(git, target.manifestPath()),
                config.diagnoseUrl(), instance.id(), config.argocd().namespace(), config.argocd().application(), target.namespace(),
                target.service());
        return new GitDesiredState(git, planner, state, clock, target.manifestPath());
    }

    @Produces
    @Singleton
    PendingRetries retries(Jobs jobs, PauseState state, Clock clock) {
        return new PendingRetries(jobs, state, clock, config.retryInitial(), config.retryFor());
    }

    /**
     * Whether the pause took effect, from the observation the findings were computed from: the pause never reads as in
     * force while /diagnose still shows the findings of the revision before it.
     */
    @Produces
    @Singleton
    EffectivenessTracker tracker(FindingsTracker findings, KubernetesConfig kubernetes, Clock clock, AuditTrail audit, ProbeRunner runner) {
        return new EffectivenessTracker(new StoredRollout(findings::evaluatedKnative, clock, kubernetes.interval().multipliedBy(MAX_AGE_INTERVALS)),
                clock, config.effectiveDeadline(), config.liveEvery(), audit::overdue,
                every -> runner.pace(KNATIVE_PROBE, every), config.effectiveCheckEvery());
    }

    @Produces
    @Singleton
    PauseService service(GitOpsConfig gitops, GitDesiredState desired, KubernetesFactory client, AuditTrail audit, PauseState state,
                         EffectivenessTracker tracker, PendingRetries retries, Clock clock, VerdictEpisodes episodes, PauseExecutors executors) {
        return new PauseService(config.mode(), desired, client.argoCd(config.argocd().namespace(), config.argocd().application(),
                config.kubernetesTimeout()), audit, state, tracker, retries, clock, episodes, executors.work(), gitops.timeout());
    }

    @Produces
    @Singleton
    Leadership leadership(KubernetesFactory client, PauseInstance instance) {
        PauseConfig.Leader leader = config.leader();
        return new Leadership(leader.on() ? client.leaderElection(leader.namespace(), leader.lease(), instance.id(), leader.duration(),
                leader.renewDeadline(), leader.retryPeriod()) : Optional.empty());
    }

    @Produces
    @Singleton
    AutoPause autoPause(PauseService service, Leadership leadership, PauseExecutors executors, AuditTrail audit) {
        return new AutoPause(service, config.auto(), new HoldTimer(config.autoHold()), leadership, executors.work(), audit);
    }
}
