package io.torghut.prober.feature.runbook;

import io.torghut.prober.shared.model.CnpgObservation;
import io.torghut.prober.shared.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a CNPG cluster's status as CNPG reports it ({@code status.phase}, {@code currentPrimary}/{@code targetPrimary},
 * {@code readyInstances}/{@code instances}, {@code instancesStatus}). Only "no writable primary" is pause-worthy (a
 * failover or a switchover in progress, no ready primary): writes fail then. A replica lost while the primary is healthy
 * is only degraded: Torghut still reads and writes, so it must not recommend a pause (false alarms page people), and
 * its words never speak of a failover.
 */
public final class CnpgHealth {
    public static final String HEALTHY_PHASE = "Cluster in healthy state";
    /** CNPG's phase names ({@code api/v1} {@code PhaseFailOver}, {@code PhaseSwitchover}), lower-case. */
    static final String FAILING_OVER = "failing over";
    static final String SWITCHOVER = "switchover in progress";
    /** CNPG phases during which the primary is not serving although no other instance is being promoted. */
    private static final List<String> PRIMARY_DOWN_PHASES = List.of("primary instance is being restarted", "setting up primary");
    /** {@code instancesStatus} keys (CNPG's PodStatus) of instances that do not serve. */
    static final List<String> NOT_SERVING = List.of("failed", "replicating");

    /** Most severe last. */
    public enum Level { HEALTHY, DEGRADED, NO_PRIMARY }

    /** The cluster's state in the runbook's words; only the last four mean there is no writable primary. */
    public enum State {
        HEALTHY,
        /** One or more replicas failed or not ready; the primary is healthy and writable. */
        REPLICA_LOST,
        /** Another phase than healthy (an upgrade, a configuration being applied) with the primary serving. */
        DEGRADED,
        /** CNPG promotes another instance because the primary failed ({@code Failing over}). */
        FAILOVER,
        /** CNPG moves the primary to another instance on purpose ({@code Switchover in progress}). */
        SWITCHOVER,
        /** {@code targetPrimary} differs from {@code currentPrimary} with no phase saying which of the two. */
        PRIMARY_CHANGING,
        /** No current primary, nothing ready, the primary restarting or listed as failed. */
        NO_PRIMARY;

        public Level level() {
            return switch (this) {
                case HEALTHY -> Level.HEALTHY;
                case REPLICA_LOST, DEGRADED -> Level.DEGRADED;
                default -> Level.NO_PRIMARY;
            };
        }
    }

    /**
     * The state, its level and why, one line per reason.
     *
     * @param lost the instances that do not serve (CNPG's {@code failed} and {@code replicating}), primary excluded
     */
    public record Judgement(Level level, State state, List<String> reasons, List<String> lost) {
        public Judgement {
            reasons = List.copyOf(reasons);
            lost = List.copyOf(lost);
        }

        public static Judgement healthy() {
            return new Judgement(Level.HEALTHY, State.HEALTHY, List.of(), List.of());
        }
    }

    private CnpgHealth() {
    }

    public static Judgement judge(CnpgObservation.Cluster c) {
        List<String> noPrimary = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        String phase = c.phase().toLowerCase(Locale.ROOT);
        boolean changing = false;
        if (c.currentPrimary().isBlank()) {
            noPrimary.add("no current primary (status.currentPrimary is empty)");
        } else if (!c.targetPrimary().isBlank() && !c.currentPrimary().equals(c.targetPrimary())) {
            changing = true;
            noPrimary.add("primary is changing: currentPrimary " + c.currentPrimary() + ", targetPrimary " + c.targetPrimary()
                    + " (failover or switchover in progress)");
        }
        boolean primaryPhase = phase.contains(FAILING_OVER) || phase.contains(SWITCHOVER) || PRIMARY_DOWN_PHASES.stream().anyMatch(phase::contains);
        if (primaryPhase) {
            noPrimary.add("phase \"" + c.phase() + "\"" + (c.phaseReason().isEmpty() ? "" : ": " + c.phaseReason()));
        } else if (!HEALTHY_PHASE.equals(c.phase())) {
            degraded.add("phase \"" + c.phase() + "\"" + (c.phaseReason().isEmpty() ? "" : ": " + c.phaseReason())
                    + " (healthy is \"" + HEALTHY_PHASE + "\")");
        }
        boolean primaryFailed = !c.currentPrimary().isBlank() && c.instancesIn("failed").contains(c.currentPrimary());
        if (primaryFailed) {
            noPrimary.add("the primary " + c.currentPrimary() + " is listed as failed (status.instancesStatus)");
        }
        if (c.instances() > 0 && c.readyInstances() == 0) {
            noPrimary.add("0 of " + c.instances() + " instances ready");
        } else if (c.readyInstances() < c.instances()) {
            degraded.add(c.readyInstances() + " of " + c.instances() + " instances ready");
        }
        List<String> lost = new ArrayList<>();
        for (String status : NOT_SERVING) {
            for (String name : c.instancesIn(status)) {
                if (!name.equals(c.currentPrimary()) && !lost.contains(name)) {
                    lost.add(name);
                    degraded.add("instance " + name + " is " + status + " (status.instancesStatus)");
                }
            }
        }
        Condition.find(c.conditions(), "Ready").filter(r -> !r.isTrue())
                .ifPresent(r -> degraded.add("condition " + r.describe()));
        State state = state(c, phase, changing, primaryFailed, noPrimary.isEmpty(), lost, degraded.isEmpty());
        List<String> reasons = new ArrayList<>(noPrimary);
        reasons.addAll(degraded);
        return new Judgement(state.level(), state, reasons, lost);
    }

    private static State state(CnpgObservation.Cluster c, String phase, boolean changing, boolean primaryFailed, boolean primaryServes,
                               List<String> lost, boolean nothingDegraded) {
        // What CNPG says it is doing comes first: a failover is under way even while no primary is ready.
        if (phase.contains(FAILING_OVER)) {
            return State.FAILOVER;
        }
        if (phase.contains(SWITCHOVER)) {
            return State.SWITCHOVER;
        }
        if (c.currentPrimary().isBlank() || (c.instances() > 0 && c.readyInstances() == 0) || primaryFailed
                || PRIMARY_DOWN_PHASES.stream().anyMatch(phase::contains)) {
            return State.NO_PRIMARY;
        }
        if (changing) {
            return State.PRIMARY_CHANGING;
        }
        if (!primaryServes) {
            return State.NO_PRIMARY;
        }
        if (!lost.isEmpty() || c.readyInstances() < c.instances()) {
            return State.REPLICA_LOST;
        }
        return nothingDegraded ? State.HEALTHY : State.DEGRADED;
    }
}
