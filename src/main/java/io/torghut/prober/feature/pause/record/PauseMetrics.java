package io.torghut.prober.feature.pause.record;

import io.torghut.prober.feature.pause.model.PauseMode;
import io.torghut.prober.feature.pause.model.PausePhase;
import io.torghut.prober.feature.pause.rollout.ArgoOperation;
import io.torghut.prober.feature.pause.rollout.EffectivenessStatus;
import static io.torghut.prober.shared.Contract.METRIC_PREFIX;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.torghut.prober.adapter.git.Refusal;

/**
 * Pause gauges. Unknown values are exported as -1, never NaN and never a guess:
 * {@code torghut_prober_trading_enabled} 1/0 from the GitOps manifest, -1 until read or when unreadable;
 * {@code torghut_prober_pause_effective} 1/0 for the last triggered pause, -1 when none is tracked;
 * {@code torghut_prober_pause_effective_seconds} commit to effective, -1 until effective.
 */
public final class PauseMetrics {
    private PauseMetrics() {
    }

    public static void register(MeterRegistry registry, PauseView view) {
        Gauge.builder(METRIC_PREFIX + "trading_enabled", view, v -> switch (v.state().git().desired()) {
            case ENABLED -> 1;
            case DISABLED -> 0;
            case UNKNOWN -> -1;
        }).description("TRADING_ENABLED desired in the GitOps manifest: 1 true, 0 false, -1 unknown").register(registry);
        Gauge.builder(METRIC_PREFIX + "pause_pending", view, v -> v.state().pending().isPresent() ? 1 : 0)
                .description("1 while a pause or its Argo CD sync is pending (git or Argo CD unreachable, retrying)").register(registry);
        Gauge.builder(METRIC_PREFIX + "pause_effective", view, v -> switch (v.tracker().state().status()) {
            case EFFECTIVE -> 1;
            case NONE -> -1;
            case WAITING, OVERDUE -> 0;
        }).description("Last triggered pause: 1 effective (new revision Ready with all traffic), 0 not yet, -1 none tracked").register(registry);
        Gauge.builder(METRIC_PREFIX + "pause_effective_seconds", view, v -> {
            Double seconds = v.tracker().state().effectiveSeconds();
            return seconds == null ? -1 : seconds;
        }).description("Seconds from the pause commit to the pause being effective; -1 until then").register(registry);
        Gauge.builder(METRIC_PREFIX + "pause_overdue", view, v -> v.tracker().state().status() == EffectivenessStatus.OVERDUE ? 1 : 0)
                .description("1 when the last pause was not effective within prober.pause.effective-deadline").register(registry);
        Gauge.builder(METRIC_PREFIX + "leader", view, v -> v.leader() ? 1 : 0)
                .description("1 on the replica holding the pause Lease (the one that pauses automatically)").register(registry);
        for (Refusal refusal : Refusal.values()) {
            Gauge.builder(METRIC_PREFIX + "pause_refused", view, v -> v.state().refusal().filter(refusal::equals).isPresent() ? 1 : 0)
                    .tag("reason", refusal.label())
                    .description("1 while the pause being retried is refused for this reason (a person has to act): authorization, "
                            + "host-key, unsigned, protected-branch, manifest, no-branch").register(registry);
        }
        for (ArgoOperation.State argo : ArgoOperation.State.values()) {
            Gauge.builder(METRIC_PREFIX + "pause_argocd", view, v -> v.state().argo().filter(o -> o.state() == argo).isPresent() ? 1 : 0)
                    .tag("state", argo.label())
                    .description("1 for where the Argo CD sync the pause asked for stands: requested, running, blocked-by-sync-window, "
                            + "failed, succeeded, unknown (all 0 when none was asked for)").register(registry);
        }
        for (PauseMode mode : PauseMode.values()) {
            Gauge.builder(METRIC_PREFIX + "pause_mode", view, v -> v.service().mode() == mode ? 1 : 0).tag("mode", mode.label())
                    .description("1 for the configured pause mode (off, recommend, trigger)").register(registry);
        }
        for (PausePhase phase : PausePhase.values()) {
            Gauge.builder(METRIC_PREFIX + "pause_phase", view, v -> v.phase() == phase ? 1 : 0).tag("phase", phase.label())
                    .description("1 for where the pause stands: not-paused, pause-pending, paused-not-in-force, in-force, "
                            + "resumed-by-human, unknown").register(registry);
        }
    }
}
