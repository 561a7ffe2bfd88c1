package io.torghut.prober.policy.runbook;

import io.torghut.prober.model.CnpgObservation;
import io.torghut.prober.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a CNPG cluster's status. Only "no writable primary" is pause-worthy (a failover or switchover in progress,
 * no current primary, nothing ready): writes fail then. A replica down while the primary is stable is only degraded:
 * Torghut still reads and writes, so it must not recommend a pause (false alarms page people).
 */
public final class CnpgHealth {
    public static final String HEALTHY_PHASE = "Cluster in healthy state";
    /** CNPG phases during which the primary is changing or not serving. */
    private static final List<String> PRIMARY_PHASES = List.of("failing over", "switchover in progress",
            "primary instance is being restarted", "setting up primary");

    /** Most severe last. */
    public enum Level { HEALTHY, DEGRADED, NO_PRIMARY }

    /** The level and why, one line per reason. */
    public record Judgement(Level level, List<String> reasons) {
        public Judgement {
            reasons = List.copyOf(reasons);
        }
    }

    private CnpgHealth() {
    }

    public static Judgement judge(CnpgObservation.Cluster c) {
        List<String> noPrimary = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        String phase = c.phase().toLowerCase(Locale.ROOT);
        if (c.currentPrimary().isBlank()) {
            noPrimary.add("no current primary (status.currentPrimary is empty)");
        } else if (!c.targetPrimary().isBlank() && !c.currentPrimary().equals(c.targetPrimary())) {
            noPrimary.add("primary is changing: currentPrimary " + c.currentPrimary() + ", targetPrimary " + c.targetPrimary()
                    + " (failover or switchover in progress)");
        }
        if (PRIMARY_PHASES.stream().anyMatch(phase::contains)) {
            noPrimary.add("phase \"" + c.phase() + "\"" + (c.phaseReason().isEmpty() ? "" : ": " + c.phaseReason()));
        } else if (!HEALTHY_PHASE.equals(c.phase())) {
            degraded.add("phase \"" + c.phase() + "\"" + (c.phaseReason().isEmpty() ? "" : ": " + c.phaseReason())
                    + " (healthy is \"" + HEALTHY_PHASE + "\")");
        }
        if (c.instances() > 0 && c.readyInstances() == 0) {
            noPrimary.add("0 of " + c.instances() + " instances ready");
        } else if (c.readyInstances() < c.instances()) {
            degraded.add(c.readyInstances() + " of " + c.instances() + " instances ready");
        }
        Condition.find(c.conditions(), "Ready").filter(r -> !r.isTrue())
                .ifPresent(r -> degraded.add("condition " + r.describe()));
        if (!noPrimary.isEmpty()) {
            noPrimary.addAll(degraded);
            return new Judgement(Level.NO_PRIMARY, noPrimary);
        }
        return new Judgement(degraded.isEmpty() ? Level.HEALTHY : Level.DEGRADED, degraded);
    }
}
