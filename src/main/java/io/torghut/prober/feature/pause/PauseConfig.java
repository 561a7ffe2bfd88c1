package io.torghut.prober.feature.pause;

import io.torghut.prober.feature.pause.model.PauseMode;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.torghut.prober.adapter.kubernetes.InCluster;
import java.time.Duration;
import java.util.Optional;

/** The trading pause; prefix {@code prober.pause}. Who is paused is {@code prober.target.*}. */
@ConfigMapping(prefix = "prober.pause")
public interface PauseConfig {

    /** {@code off}, {@code recommend} (the plan, nothing committed) or {@code trigger} (commit, push, sync). */
    @WithDefault("recommend")
    PauseMode mode();

    /**
     * The bearer token {@code /pause} requires. Trimmed; blank refuses startup. A secret: never logged. Without it (and
     * without {@link #tokenFile()}) every /pause call gets 503.
     */
    Optional<String> token();

    /**
     * A file holding the bearer token (a mounted Secret), read again whenever it changes. Instead of {@link #token()},
     * not with it.
     */
    Optional<String> tokenFile();

    /** Pause automatically from the verdict (trigger mode only, on the Lease leader). */
    @WithDefault("false")
    boolean auto();

    /** How long the verdict must hold PAUSE_RECOMMENDED before the automatic pause. */
    @WithDefault("2m")
    Duration autoHold();

    /** Time from commit to an effective pause (new revision Ready with all traffic) before a finding is raised. */
    @WithDefault("5m")
    Duration effectiveDeadline();

    /** How often the Knative Service is read while a pause is being confirmed; whole seconds. */
    @WithDefault("10s")
    Duration effectiveCheckEvery();

    /** How often the live revision is read otherwise (for GET /pause). */
    @WithDefault("60s")
    Duration liveEvery();

    /**
     * This replica's name: the Lease holder identity, the Events' reporting instance and the commit trailer
     * ({@code Torghut-Prober-Pause: <id>}). Default: the pod name ({@code HOSTNAME}, which the kubelet sets), else
     * {@code torghut-prober-<random UUID>} chosen at start.
     */
    @WithDefault("${HOSTNAME:}")
    Optional<String> instanceId();

    /** The /diagnose link written into commits and plans ({@code PROBER_DIAGNOSE_URL} is read too); the namespace follows the pod. */
    @WithDefault("${PROBER_DIAGNOSE_URL:http://torghut-prober.${POD_NAMESPACE:torghut}.svc.cluster.local:8080/diagnose}")
    String diagnoseUrl();

    /** First retry of a pause that failed because git or Argo CD was unreachable; doubles up to 5 minutes. */
    @WithDefault("5s")
    Duration retryInitial();

    /** How long a failed pause keeps being retried before it is given up (and logged). */
    @WithDefault("30m")
    Duration retryFor();

    /**
     * Recommend mode: how long the same notification (group key, fingerprints and start times) is recorded only once
     * (an HA Alertmanager pair delivers it twice). Below the shipped {@code repeat_interval} (30m), so a notification
     * that is still firing is recorded again. Trigger mode decides from git every time and does not use it.
     */
    @WithDefault("10m")
    Duration dedupWindow();

    /**
     * The prober's own episode (automatic and manual pauses) ends once the verdict has found no reason to pause for this
     * long; after a human's resume only a new episode pauses again.
     */
    @WithDefault("10m")
    Duration episodeReset();

    /** Timeout of each Kubernetes API call of the pause (Argo CD patch, Event). */
    @WithDefault("5s")
    Duration kubernetesTimeout();

    /** Argo CD. */
    ArgoCd argocd();

    /** Leader election among replicas. */
    Leader leader();

    /** The Argo CD Application that is asked to sync a pause commit. */
    interface ArgoCd {
        /** The Application ({@code ARGOCD_APPLICATION} is read too). */
        @WithDefault("${ARGOCD_APPLICATION:torghut}")
        String application();

        /** Its namespace ({@code ARGOCD_NAMESPACE} is read too). */
        @WithDefault("${ARGOCD_NAMESPACE:argocd}")
        String namespace();
    }

    /** The Lease that elects the one replica that pauses automatically and records recommendations. */
    interface Leader {
        /** Run leader election. Default: on in a pod, off elsewhere ({@link InCluster}). Read through {@link #on()}. */
        Optional<Boolean> enabled();

        /** {@link #enabled()}, else whether the prober runs in a pod. */
        default boolean on() {
            return enabled().orElseGet(InCluster::here);
        }

        /** The Lease's name. */
        @WithDefault("torghut-prober-pause")
        String lease();

        /** The Lease's namespace: the pod's own ({@code POD_NAMESPACE}). */
        @WithDefault("${POD_NAMESPACE:torghut}")
        String namespace();

        /** How long a Lease holds without renewal. */
        @WithDefault("15s")
        Duration duration();

        /** How long the leader keeps trying to renew before it gives up leading. */
        @WithDefault("10s")
        Duration renewDeadline();

        /** How often a candidate tries to take the Lease. */
        @WithDefault("2s")
        Duration retryPeriod();
    }
}
