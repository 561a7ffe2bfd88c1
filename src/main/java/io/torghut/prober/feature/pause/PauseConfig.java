package io.torghut.prober.feature.pause;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** The trading pause; prefix {@code prober.pause}. */
@ConfigMapping(prefix = "prober.pause")
public interface PauseConfig {

    /** {@code off}, {@code recommend} or {@code trigger}; env {@code PROBER_PAUSE_MODE}. Default {@code recommend}. */
    @WithDefault("recommend")
    PauseMode mode();

    /**
     * Bearer token required by {@code /pause}; env {@code PROBER_PAUSE_TOKEN}. Trimmed; blank refuses startup. Without it
     * (and without {@link #tokenFile()}) every /pause call gets 503.
     */
    Optional<String> token();

    /**
     * A file holding the bearer token (a mounted Secret), read again whenever it changes; env
     * {@code PROBER_PAUSE_TOKEN_FILE}. Instead of {@link #token()}, not with it.
     */
    @WithName("token-file")
    Optional<String> tokenFile();

    /** Pause automatically from the verdict (trigger mode only, on the Lease leader); env {@code PROBER_PAUSE_AUTO}. Default false. */
    @WithDefault("false")
    boolean auto();

    /** How long the verdict must hold PAUSE_RECOMMENDED before the automatic pause. Default 2m. */
    @WithName("auto-hold")
    @WithDefault("2m")
    Duration autoHold();

    /** Time from commit to an effective pause (new revision Ready with all traffic) before a finding is raised. Default 5m. */
    @WithName("effective-deadline")
    @WithDefault("5m")
    Duration effectiveDeadline();

    /** How often the Knative Service is read while a pause is being confirmed. Default 10s. */
    @WithName("effective-check-every")
    @WithDefault("10s")
    Duration effectiveCheckEvery();

    /** How often the live revision is read otherwise (for GET /pause). Default 60s. */
    @WithName("live-every")
    @WithDefault("60s")
    Duration liveEvery();

    /**
     * This replica's name: the Lease holder identity, the Events' reporting instance and the commit trailer
     * ({@code Torghut-Prober-Pause: <id>}); env {@code PROBER_PAUSE_INSTANCE_ID}. Default the pod name ({@code HOSTNAME},
     * which the kubelet sets), else {@code torghut-prober-<random UUID>} chosen at start.
     */
    @WithName("instance-id")
    @WithDefault("${HOSTNAME:}")
    Optional<String> instanceId();

    /** Link written into commit messages and plans; env {@code PROBER_DIAGNOSE_URL}. */
    @WithName("diagnose-url")
    @WithDefault("http://torghut-prober.torghut.svc.cluster.local:8080/diagnose")
    String diagnoseUrl();

    /** First retry of a pause that failed because git or Argo CD was unreachable; doubles up to 5 minutes. Default 5s. */
    @WithName("retry-initial")
    @WithDefault("5s")
    Duration retryInitial();

    /** How long a failed pause keeps being retried before it is given up (and logged). Default 30m. */
    @WithName("retry-for")
    @WithDefault("30m")
    Duration retryFor();

    /**
     * Recommend mode: how long the same notification (group key, fingerprints and start times) is recorded only once
     * (an HA Alertmanager pair delivers it twice). Below the shipped {@code repeat_interval} (30m), so a notification
     * that is still firing is recorded again. Trigger mode decides from git every time and does not use it. Default 10m.
     */
    @WithName("dedup-window")
    @WithDefault("10m")
    Duration dedupWindow();

    /**
     * The prober's own episode (automatic and manual pauses, {@link VerdictEpisodes}) ends once the verdict has found
     * no reason to pause for this long; after a human's resume only a new episode pauses again. Default 10m.
     */
    @WithName("episode-reset")
    @WithDefault("10m")
    Duration episodeReset();

    /** Timeout of each Kubernetes API call (Argo CD patch, Event, Knative reads). Default 5s. */
    @WithName("kubernetes-timeout")
    @WithDefault("5s")
    Duration kubernetesTimeout();

    /** The Knative Service that is paused (Events and effectiveness). */
    Knative knative();

    /** Argo CD. */
    ArgoCd argocd();

    /** Leader election among replicas. */
    Leader leader();

    interface Knative {
        /** Namespace; default {@code torghut}. */
        @WithDefault("torghut")
        String namespace();

        /** Service name; default {@code torghut}. */
        @WithDefault("torghut")
        String service();
    }

    interface ArgoCd {
        /** Application; env {@code ARGOCD_APPLICATION}. Default {@code torghut}. */
        @WithDefault("torghut")
        String application();

        /** Its namespace; env {@code ARGOCD_NAMESPACE}. Default {@code argocd}. */
        @WithDefault("argocd")
        String namespace();
    }

    interface Leader {
        /** Run leader election (only the leader pauses automatically). Default true. */
        @WithDefault("true")
        boolean enabled();

        /** Lease name; default {@code torghut-prober-pause}. */
        @WithDefault("torghut-prober-pause")
        String lease();

        /** Lease namespace; env {@code POD_NAMESPACE}. Default {@code torghut}. */
        @WithDefault("torghut")
        String namespace();

        /** Lease duration; default 15s. */
        @WithDefault("15s")
        Duration duration();

        /** Renew deadline; default 10s. */
        @WithName("renew-deadline")
        @WithDefault("10s")
        Duration renewDeadline();

        /** Retry period; default 2s. */
        @WithName("retry-period")
        @WithDefault("2s")
        Duration retryPeriod();
    }
}
